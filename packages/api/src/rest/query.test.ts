import { describe, expect, it } from 'vitest'
import { ApiError } from '../errors.ts'
import { type Filter, MAX_LIMIT, parsePrefer, parseQuery, parseRange } from './query.ts'

/** Parse a query string written as it appears on the wire (after percent-decoding). */
const q = (search: string) => parseQuery(new URLSearchParams(search))
/** Parse a single key/value pair without any URL encoding concerns. */
const q1 = (key: string, value: string) => parseQuery(new URLSearchParams([[key, value]]))
const filters = (search: string): Filter[] => q(search).filters

/** Runs `fn`, expecting it to throw an ApiError, and returns that error. */
function apiError(fn: () => unknown): ApiError {
  try {
    fn()
  } catch (e) {
    if (e instanceof ApiError) return e
    throw e
  }
  throw new Error('expected an ApiError to be thrown')
}

/** Asserts `fn` throws a PGRST100 whose message mentions every string in `culprits`. */
function expectBadQuery(fn: () => unknown, ...culprits: string[]): ApiError {
  const err = apiError(fn)
  expect(err.code).toBe('PGRST100')
  expect(err.status).toBe(400)
  for (const c of culprits) expect(err.message).toContain(c)
  return err
}

describe('parseQuery', () => {
  describe('defaults and reserved keys', () => {
    it('returns an empty query for no params', () => {
      expect(q('')).toStrictEqual({ select: null, filters: [], order: [] })
    })

    it('accepts and ignores columns', () => {
      expect(q('columns=a,b&select=a')).toStrictEqual({ select: [{ column: 'a' }], filters: [], order: [] })
    })

    it('parses everything together', () => {
      expect(
        q('select=id,n:name&status=eq.active&order=id.desc&limit=10&offset=20&on_conflict=id'),
      ).toStrictEqual({
        select: [{ column: 'id' }, { column: 'name', alias: 'n' }],
        filters: [{ kind: 'cond', column: 'status', negate: false, op: 'eq', value: 'active' }],
        order: [{ column: 'id', direction: 'desc' }],
        limit: 10,
        offset: 20,
        onConflict: ['id'],
      })
    })

    it.each(['select', 'order', 'limit', 'offset', 'on_conflict'])('rejects %s given twice', (key) => {
      const v = key === 'limit' || key === 'offset' ? '1' : 'a'
      expect(() => q(`${key}=${v}`)).not.toThrow()
      expectBadQuery(() => q(`${key}=${v}&${key}=${v}`), `'${key}' may only be given once`)
    })
  })

  describe('column filters', () => {
    it.each(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike'] as const)('parses %s', (op) => {
      expect(filters(`age=${op}.42`)).toStrictEqual([
        { kind: 'cond', column: 'age', negate: false, op, value: '42' },
      ])
    })

    it('parses not.op as a negated condition', () => {
      expect(filters('age=not.gte.18')).toStrictEqual([
        { kind: 'cond', column: 'age', negate: true, op: 'gte', value: '18' },
      ])
    })

    it('keeps everything after op. verbatim, including dots, commas and quotes', () => {
      expect(q1('email', 'eq.a.b@c.d').filters).toStrictEqual([
        { kind: 'cond', column: 'email', negate: false, op: 'eq', value: 'a.b@c.d' },
      ])
      expect(q1('note', 'neq."x,y(z)"').filters).toStrictEqual([
        { kind: 'cond', column: 'note', negate: false, op: 'neq', value: '"x,y(z)"' },
      ])
    })

    it('accepts an empty value', () => {
      expect(filters('name=eq.')).toStrictEqual([
        { kind: 'cond', column: 'name', negate: false, op: 'eq', value: '' },
      ])
    })

    it('keeps like/ilike patterns verbatim', () => {
      expect(q1('name', 'like.*a%b_c*').filters).toStrictEqual([
        { kind: 'cond', column: 'name', negate: false, op: 'like', value: '*a%b_c*' },
      ])
      expect(q1('name', 'not.ilike.*Smith*').filters).toStrictEqual([
        { kind: 'cond', column: 'name', negate: true, op: 'ilike', value: '*Smith*' },
      ])
    })

    it('keeps every occurrence of a repeated column as its own condition, in order', () => {
      expect(filters('age=gte.18&name=eq.x&age=lt.65')).toStrictEqual([
        { kind: 'cond', column: 'age', negate: false, op: 'gte', value: '18' },
        { kind: 'cond', column: 'name', negate: false, op: 'eq', value: 'x' },
        { kind: 'cond', column: 'age', negate: false, op: 'lt', value: '65' },
      ])
    })

    it('accepts identifiers with underscores, digits and upper case', () => {
      expect(filters('_Col_2=eq.1')).toStrictEqual([
        { kind: 'cond', column: '_Col_2', negate: false, op: 'eq', value: '1' },
      ])
    })

    it.each(['rel.col', '1abc', 'a-b', 'a->b', 'not.foo', ''])('rejects the invalid filter key %j', (key) => {
      expectBadQuery(() => q1(key, 'eq.1'), `'${key}'`)
    })

    it('rejects a value without an operator, naming it and the column', () => {
      const err = expectBadQuery(() => q('name=foo'), "'foo'", "'name'")
      expect(err.hint).toContain('eq')
    })

    it('rejects an unknown operator, naming it and the column', () => {
      expect(() => q('name=foo.bar')).toThrow("unknown operator 'foo' in filter on column 'name'")
      expectBadQuery(() => q('name=fts.bar'), "'fts'", "'name'")
      expectBadQuery(() => q('name=not.cs.{a}'), "'cs'", "'name'")
      expectBadQuery(() => q('name=EQ.x'), "'EQ'", "'name'")
    })

    it('rejects a missing operator', () => {
      expectBadQuery(() => q('name='), 'missing operator', "'name'")
      expectBadQuery(() => q('name=not.'), 'missing operator', "'name'")
    })

    it('rejects an operator without a value part', () => {
      expectBadQuery(() => q('name=eq'), "'eq'", "'name'")
    })
  })

  describe('in', () => {
    it('parses a plain list', () => {
      expect(filters('id=in.(1,2,3)')).toStrictEqual([
        { kind: 'cond', column: 'id', negate: false, op: 'in', value: ['1', '2', '3'] },
      ])
    })

    it('unquotes values containing commas, parentheses and escaped quotes', () => {
      expect(q1('tag', 'in.(a,b,"c,d","say \\"hi\\"","(x)","back\\\\slash")').filters).toStrictEqual([
        {
          kind: 'cond',
          column: 'tag',
          negate: false,
          op: 'in',
          value: ['a', 'b', 'c,d', 'say "hi"', '(x)', 'back\\slash'],
        },
      ])
    })

    it('does not end a quoted value at an escaped quote', () => {
      expect(q1('tag', 'in.("a\\",b",c)').filters).toStrictEqual([
        { kind: 'cond', column: 'tag', negate: false, op: 'in', value: ['a",b', 'c'] },
      ])
      expect(q1('or', '(tag.eq."x\\",y)",id.eq.1)').filters).toStrictEqual([
        {
          kind: 'or',
          negate: false,
          filters: [
            { kind: 'cond', column: 'tag', negate: false, op: 'eq', value: 'x",y)' },
            { kind: 'cond', column: 'id', negate: false, op: 'eq', value: '1' },
          ],
        },
      ])
    })

    it('parses in.() as the empty list and keeps empty items', () => {
      expect(filters('id=in.()')).toStrictEqual([
        { kind: 'cond', column: 'id', negate: false, op: 'in', value: [] },
      ])
      expect(q1('id', 'in.(,a,"")').filters).toStrictEqual([
        { kind: 'cond', column: 'id', negate: false, op: 'in', value: ['', 'a', ''] },
      ])
    })

    it('parses not.in', () => {
      expect(filters('id=not.in.(1,2)')).toStrictEqual([
        { kind: 'cond', column: 'id', negate: true, op: 'in', value: ['1', '2'] },
      ])
    })

    it.each(['in.1,2', 'in.(1,2', 'in.1,2)', 'in.', 'in.(a),(b)'])(
      'rejects %j naming the column',
      (value) => {
        expectBadQuery(() => q1('id', value), "'id'", "'in'")
      },
    )

    it('rejects an unterminated quote and text after a closing quote', () => {
      expectBadQuery(() => q1('id', 'in.("a,b)'), 'quote', "'id'")
      expectBadQuery(() => q1('id', 'in.("a"b,c)'), '\'"a"b\'', "'id'")
    })
  })

  describe('is', () => {
    it.each(['null', 'not_null', 'true', 'false', 'unknown'] as const)('parses is.%s', (value) => {
      expect(filters(`deleted_at=is.${value}`)).toStrictEqual([
        { kind: 'cond', column: 'deleted_at', negate: false, op: 'is', value },
      ])
    })

    it('is case-insensitive and normalizes to lower case', () => {
      expect(filters('a=is.NULL&b=not.is.True')).toStrictEqual([
        { kind: 'cond', column: 'a', negate: false, op: 'is', value: 'null' },
        { kind: 'cond', column: 'b', negate: true, op: 'is', value: 'true' },
      ])
    })

    it('rejects other values, naming the value and the column', () => {
      const err = expectBadQuery(() => q('flag=is.maybe'), "'maybe'", "'flag'")
      expect(err.hint).toContain('not_null')
      expectBadQuery(() => q('flag=is.'), "''", "'flag'")
    })
  })

  describe('logical groups', () => {
    it('parses or with mixed operators and a nested and', () => {
      expect(filters('or=(a.eq.1,b.is.null,and(c.gt.2,d.lt.3))')).toStrictEqual([
        {
          kind: 'or',
          negate: false,
          filters: [
            { kind: 'cond', column: 'a', negate: false, op: 'eq', value: '1' },
            { kind: 'cond', column: 'b', negate: false, op: 'is', value: 'null' },
            {
              kind: 'and',
              negate: false,
              filters: [
                { kind: 'cond', column: 'c', negate: false, op: 'gt', value: '2' },
                { kind: 'cond', column: 'd', negate: false, op: 'lt', value: '3' },
              ],
            },
          ],
        },
      ])
    })

    it.each([
      ['and', 'and', false],
      ['not.or', 'or', true],
      ['not.and', 'and', true],
    ] as const)('parses the %s key', (key, kind, negate) => {
      expect(q1(key, '(a.eq.1,b.neq.2)').filters).toStrictEqual([
        {
          kind,
          negate,
          filters: [
            { kind: 'cond', column: 'a', negate: false, op: 'eq', value: '1' },
            { kind: 'cond', column: 'b', negate: false, op: 'neq', value: '2' },
          ],
        },
      ])
    })

    it('parses negated conditions and every nested form', () => {
      expect(
        q1('and', '(a.not.eq.1,or(b.eq.2,not.and(c.eq.3,not.or(d.eq.4,e.like.*x*))))').filters,
      ).toStrictEqual([
        {
          kind: 'and',
          negate: false,
          filters: [
            { kind: 'cond', column: 'a', negate: true, op: 'eq', value: '1' },
            {
              kind: 'or',
              negate: false,
              filters: [
                { kind: 'cond', column: 'b', negate: false, op: 'eq', value: '2' },
                {
                  kind: 'and',
                  negate: true,
                  filters: [
                    { kind: 'cond', column: 'c', negate: false, op: 'eq', value: '3' },
                    {
                      kind: 'or',
                      negate: true,
                      filters: [
                        { kind: 'cond', column: 'd', negate: false, op: 'eq', value: '4' },
                        { kind: 'cond', column: 'e', negate: false, op: 'like', value: '*x*' },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ])
    })

    it('unquotes double-quoted values and parses in-lists inside groups', () => {
      expect(
        q1('or', '(name.eq."a,b",name.in.("x,y",z),note.eq."say \\"hi\\" (twice)",id.not.in.())').filters,
      ).toStrictEqual([
        {
          kind: 'or',
          negate: false,
          filters: [
            { kind: 'cond', column: 'name', negate: false, op: 'eq', value: 'a,b' },
            { kind: 'cond', column: 'name', negate: false, op: 'in', value: ['x,y', 'z'] },
            { kind: 'cond', column: 'note', negate: false, op: 'eq', value: 'say "hi" (twice)' },
            { kind: 'cond', column: 'id', negate: true, op: 'in', value: [] },
          ],
        },
      ])
    })

    it('keeps dotted and empty unquoted values in groups', () => {
      expect(q1('or', '(email.eq.a.b@c.d,name.eq.)').filters).toStrictEqual([
        {
          kind: 'or',
          negate: false,
          filters: [
            { kind: 'cond', column: 'email', negate: false, op: 'eq', value: 'a.b@c.d' },
            { kind: 'cond', column: 'name', negate: false, op: 'eq', value: '' },
          ],
        },
      ])
    })

    it('keeps repeated groups and column filters as separate top-level filters', () => {
      expect(filters('or=(a.eq.1,b.eq.2)&c=eq.3&or=(d.eq.4,e.eq.5)').map((f) => f.kind)).toStrictEqual([
        'or',
        'cond',
        'or',
      ])
    })

    it.each([
      ['a.eq.1', 'parenthesized'],
      ['(a.eq.1', 'parenthesized'],
      ['(a.eq.1))', 'unbalanced parentheses'],
      ['(a.eq.1),(b.eq.2)', 'unbalanced parentheses'],
      ['(a.in.(1,2)', 'unbalanced parentheses'],
      ['(a.eq."x)', 'quote'],
      ['()', 'empty'],
      ['(a.eq.1,)', 'empty item'],
      ['(,a.eq.1)', 'empty item'],
      ['(a.eq.1,,b.eq.2)', 'empty item'],
    ])('rejects or=%s', (value, message) => {
      expectBadQuery(() => q1('or', value), message, `or=${value}`)
    })

    it('rejects a nested group without parentheses or with nothing inside', () => {
      expectBadQuery(() => q1('or', '(a.eq.1,and)'), "'and'")
      expectBadQuery(() => q1('or', '(a.eq.1,and())'), 'empty', "'and()'")
      expectBadQuery(() => q1('or', '(a.eq.1,and(b.eq.2)x)'), "'and(b.eq.2)x'")
    })

    it('rejects invalid items, naming them', () => {
      expectBadQuery(() => q1('or', '(a.eq.1,b)'), "'b'", 'or=(a.eq.1,b)')
      expectBadQuery(() => q1('or', '(rel-x.eq.1)'), "'rel-x.eq.1'")
    })

    it('rejects unknown operators and bad values inside groups, naming the column', () => {
      expect(() => q1('or', '(a.eq.1,b.foo.2)')).toThrow("unknown operator 'foo' in filter on column 'b'")
      expectBadQuery(() => q1('and', '(b.is.maybe)'), "'maybe'", "'b'")
      expectBadQuery(() => q1('and', '(b.in.x)'), "'b'", "'in'")
      expectBadQuery(() => q1('and', '(b.eq."x"y)'), '\'"x"y\'')
    })
  })

  describe('select', () => {
    it('returns null when absent, "*" or " * "', () => {
      expect(q('').select).toBeNull()
      expect(q('select=*').select).toBeNull()
      expect(q1('select', ' * ').select).toBeNull()
    })

    it('parses columns and aliases, trimming whitespace', () => {
      expect(q1('select', ' id , full_name:name,Email ').select).toStrictEqual([
        { column: 'id' },
        { column: 'name', alias: 'full_name' },
        { column: 'Email' },
      ])
    })

    it.each(['a::text', 'rel(*)', 'a->b', 'a->>b', 'id,*', '*,id', 'x:a:b', ':a', 'a:', '1a', 'count()'])(
      'rejects the unsupported item in select=%s with a hint',
      (value) => {
        const err = expectBadQuery(() => q1('select', value), "'select'")
        expect(err.hint).toContain('only plain columns')
        const culprit = value.split(',').find((i) => i !== 'id') ?? value
        expect(err.message).toContain(`'${culprit}'`)
      },
    )

    it('rejects an empty select and empty items', () => {
      expectBadQuery(() => q('select='), "'select'")
      expectBadQuery(() => q('select=a,,b'), 'empty item', 'select=a,,b')
      expectBadQuery(() => q('select=a,'), 'empty item', 'select=a,')
    })
  })

  describe('order', () => {
    it('parses directions and nulls placement', () => {
      expect(q('order=a.desc.nullslast,b,c.asc.nullsfirst,d.nullslast,e.asc').order).toStrictEqual([
        { column: 'a', direction: 'desc', nulls: 'last' },
        { column: 'b', direction: 'asc' },
        { column: 'c', direction: 'asc', nulls: 'first' },
        { column: 'd', direction: 'asc', nulls: 'last' },
        { column: 'e', direction: 'asc' },
      ])
    })

    it('trims whitespace around terms', () => {
      expect(q1('order', ' a.desc , b ').order).toStrictEqual([
        { column: 'a', direction: 'desc' },
        { column: 'b', direction: 'asc' },
      ])
    })

    it.each([
      ['a.up', "'up'"],
      ['a.DESC', "'DESC'"],
      ['a.desc.nullsmiddle', "'nullsmiddle'"],
      ['b,a.asc.x', "'x'"],
    ])('rejects unknown modifiers in order=%s, naming them', (value, culprit) => {
      expectBadQuery(() => q1('order', value), 'unknown modifier', culprit)
    })

    it.each(['a.asc.desc', 'a.nullsfirst.desc', 'a.nullsfirst.nullslast'])(
      'rejects misplaced modifiers in order=%s',
      (value) => {
        expectBadQuery(() => q1('order', value), `'${value}'`)
      },
    )

    it('rejects invalid columns and empty terms', () => {
      expectBadQuery(() => q1('order', 'rel(a).desc'), "'rel(a)'")
      expectBadQuery(() => q1('order', '.desc'), "''", "'.desc'")
      expectBadQuery(() => q1('order', 'a,,b'), 'empty term', 'order=a,,b')
      expectBadQuery(() => q1('order', ''), 'empty term')
    })
  })

  describe('limit and offset', () => {
    it('parses plain decimal integers', () => {
      expect(q('limit=0&offset=0')).toMatchObject({ limit: 0, offset: 0 })
      expect(q(`limit=${MAX_LIMIT}&offset=007`)).toMatchObject({ limit: 1000, offset: 7 })
      expect(q(`offset=${Number.MAX_SAFE_INTEGER}`).offset).toBe(Number.MAX_SAFE_INTEGER)
    })

    it.each(['abc', '-1', '1.5', '1e3', '', ' 5', '5 ', '0x10', '+5', '١'])(
      'rejects limit/offset %j naming the parameter and value',
      (value) => {
        expect(() => q1('limit', value)).toThrow(`'limit' must be a non-negative integer, got '${value}'`)
        expect(apiError(() => q1('offset', value)).code).toBe('PGRST100')
        expect(() => q1('offset', value)).toThrow(`'offset' must be a non-negative integer, got '${value}'`)
      },
    )

    it('rejects a limit above MAX_LIMIT with a hint to paginate', () => {
      const err = expectBadQuery(() => q('limit=1001'), "'limit'", '1001')
      expect(err.hint).toContain('offset')
    })

    it('rejects an offset beyond MAX_SAFE_INTEGER', () => {
      expectBadQuery(() => q('offset=9007199254740992'), "'offset'", '9007199254740992')
      expectBadQuery(() => q('offset=99999999999999999999'), "'offset'")
    })
  })

  describe('on_conflict', () => {
    it('parses a column list', () => {
      expect(q('on_conflict=a,b').onConflict).toStrictEqual(['a', 'b'])
      expect(q1('on_conflict', 'org_id, key').onConflict).toStrictEqual(['org_id', 'key'])
    })

    it('rejects non-identifiers and empty entries', () => {
      expectBadQuery(() => q1('on_conflict', 'a,b-c'), "'b-c'", "'on_conflict=a,b-c'")
      expectBadQuery(() => q1('on_conflict', ''), "'on_conflict='")
      expectBadQuery(() => q1('on_conflict', 'a,'), "'on_conflict=a,'")
    })
  })
})

describe('parseRange', () => {
  it('returns undefined for an absent or empty header', () => {
    expect(parseRange(undefined)).toBeUndefined()
    expect(parseRange(null)).toBeUndefined()
    expect(parseRange('')).toBeUndefined()
    expect(parseRange('  ')).toBeUndefined()
  })

  it('parses closed and open ranges, with or without items=', () => {
    expect(parseRange('0-9')).toStrictEqual({ offset: 0, limit: 10 })
    expect(parseRange('items=0-9')).toStrictEqual({ offset: 0, limit: 10 })
    expect(parseRange('5-5')).toStrictEqual({ offset: 5, limit: 1 })
    expect(parseRange('10-')).toStrictEqual({ offset: 10 })
    expect(parseRange('items=20-')).toStrictEqual({ offset: 20 })
    expect(parseRange(`0-${MAX_LIMIT - 1}`)).toStrictEqual({ offset: 0, limit: MAX_LIMIT })
    expect(parseRange(`${Number.MAX_SAFE_INTEGER}-`)).toStrictEqual({ offset: Number.MAX_SAFE_INTEGER })
  })

  it.each([
    '9-0',
    'a-b',
    '-5',
    '5',
    '0-9,20-29',
    'bytes=0-9',
    '1.5-3',
    '9007199254740992-',
    '0-9007199254740992',
    `0-${MAX_LIMIT}`,
    '10-1010',
  ])('rejects %j with PGRST103 naming it', (header) => {
    const err = apiError(() => parseRange(header))
    expect(err.code).toBe('PGRST103')
    expect(err.status).toBe(416)
    expect(err.message).toContain(`'${header}'`)
  })

  it('says how many rows an oversized range asks for', () => {
    expect(() => parseRange('0-1000')).toThrow(`asks for 1001 rows, more than ${MAX_LIMIT}`)
  })
})

describe('parsePrefer', () => {
  it('returns an empty object for an absent or empty header', () => {
    expect(parsePrefer(undefined)).toStrictEqual({})
    expect(parsePrefer(null)).toStrictEqual({})
    expect(parsePrefer('')).toStrictEqual({})
  })

  it('parses every known preference, trimming whitespace', () => {
    expect(parsePrefer('return=representation, count=exact')).toStrictEqual({
      return: 'representation',
      count: 'exact',
    })
    expect(
      parsePrefer(' return = headers-only ,count=planned,resolution=merge-duplicates,missing=default'),
    ).toStrictEqual({
      return: 'headers-only',
      count: 'planned',
      resolution: 'merge-duplicates',
      missing: 'default',
    })
    expect(parsePrefer('return=minimal,count=estimated,resolution=ignore-duplicates')).toStrictEqual({
      return: 'minimal',
      count: 'estimated',
      resolution: 'ignore-duplicates',
    })
  })

  it('ignores unknown tokens and values', () => {
    expect(
      parsePrefer(
        'tx=rollback, handling=strict, return=everything, count, missing=null, timezone=UTC, count=exact',
      ),
    ).toStrictEqual({ count: 'exact' })
  })

  it('lets later tokens win', () => {
    expect(parsePrefer('return=minimal, return=representation, count=exact,count=planned')).toStrictEqual({
      return: 'representation',
      count: 'planned',
    })
    expect(parsePrefer('return=minimal,return=bogus')).toStrictEqual({ return: 'minimal' })
  })
})
