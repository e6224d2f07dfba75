/** @module HTTP tests of the PostgREST-style engine (`/rest/v1/{resource}`) through a test-only `notes` resource. */
import type { Hono } from 'hono'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { organizationsResource } from '../features/settings/organizations.resource.ts'
import { createTestContext, type TestContext } from '../test-utils/index.ts'
import type { AppEnv } from '../types.ts'
import { createRegistry, defineResource } from './registry.ts'
import { createNotesTable, type NoteRow, notes, notesResource } from './test-resource.ts'

const SINGLE = 'application/vnd.pgrst.object+json'
const SEEDED_AT = '2026-01-15T12:00:00.000Z'

/** Org A's notes: every filter below has a discriminating answer among them. */
const seedA = [
  { title: 'Alpha', body: 'first body', priority: 3, done: false, due_at: '2026-02-01' },
  { title: 'alpha lower', body: null, priority: 1, done: true, due_at: null },
  { title: '50% Off', body: 'sale', priority: 5, done: false, due_at: '2026-01-20' },
  { title: 'snake_case', priority: 0, done: true, due_at: '2026-03-01' }, // body omitted → null
  { title: 'Zeta', body: 'last', priority: 3, due_at: null }, // done omitted → default false
] as const
/** Org B's notes: one title shared with A, so a filter on title must still stay inside the org. */
const seedB = [
  { title: 'Alpha', body: 'b body', priority: 3, done: false, due_at: null },
  { title: 'B only', priority: 2, done: true, due_at: '2026-01-25' },
] as const
type TitleA = (typeof seedA)[number]['title']
type TitleB = (typeof seedB)[number]['title']
const titlesA = seedA.map((n) => n.title).sort()
const titlesB = seedB.map((n) => n.title).sort()

interface Env {
  t: TestContext
  app: Hono<AppEnv>
  a: Record<TitleA, NoteRow>
  b: Record<TitleB, NoteRow>
}

interface CallOptions {
  token?: string
  body?: unknown
  headers?: Record<string, string>
}

/** `app.request` with a JSON (or raw string / bytes) body and the token as a Bearer header. */
async function call(app: Hono<AppEnv>, method: string, path: string, opts: CallOptions = {}) {
  const headers: Record<string, string> = { ...opts.headers }
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`
  let body: string | Uint8Array<ArrayBuffer> | undefined
  if (opts.body !== undefined) {
    body =
      typeof opts.body === 'string' || opts.body instanceof Uint8Array
        ? (opts.body as string | Uint8Array<ArrayBuffer>)
        : JSON.stringify(opts.body)
    headers['Content-Type'] ??= 'application/json'
  }
  return await app.request(path, { method, headers, body })
}

/** `/rest/v1/notes?…`, encoded the way a client's URLSearchParams would. */
function url(params: Record<string, string> | string[][] = {}, resource = 'notes'): string {
  const search = new URLSearchParams(params).toString()
  return `/rest/v1/${resource}${search ? `?${search}` : ''}`
}

/** Asserts the error envelope `{code, message, details, hint}` (and nothing else) with this status and code. */
async function expectError(res: Response, status: number, code: string, messageIncludes?: string) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  const body = (await res.json()) as Record<string, unknown>
  expect(Object.keys(body).sort()).toEqual(['code', 'details', 'hint', 'message'])
  expect(body.code).toBe(code)
  expect(typeof body.message).toBe('string')
  expect(body.hint === null || typeof body.hint === 'string').toBe(true)
  if (messageIncludes !== undefined) expect(body.message).toContain(messageIncludes)
  return body as { code: string; message: string; details: unknown; hint: string | null }
}

async function seed(app: Hono<AppEnv>, token: string, rows: readonly object[]): Promise<NoteRow[]> {
  const res = await call(app, 'POST', url(), {
    token,
    body: rows,
    headers: { Prefer: 'return=representation' },
  })
  expect(res.status).toBe(201)
  return (await res.json()) as NoteRow[]
}

const byTitle = <T extends string>(rows: NoteRow[]) =>
  Object.fromEntries(rows.map((r) => [r.title, r])) as Record<T, NoteRow>

async function setup(): Promise<Env> {
  const t = await createTestContext()
  await createNotesTable(t.db)
  const app = createApp(
    { db: t.db, clock: t.clock, config: t.config, queue: t.queue },
    { registry: createRegistry([organizationsResource, notesResource]) },
  )
  const a = byTitle<TitleA>(await seed(app, t.orgA.tokens.admin, seedA))
  const b = byTitle<TitleB>(await seed(app, t.orgB.tokens.admin, seedB))
  // A stored secret: the engine must neither return it nor let anyone filter or sort on it.
  await t.db.update(notes).set({ secret_hash: 'sha256:deadbeef' })
  return { t, app, a, b }
}

/** Every row of the table, any org, secret column included: compare before/after to prove "nothing written". */
const snapshot = (env: Env) => env.t.db.select().from(notes).orderBy(notes.id)

/** GET as org A's admin (unless another token is given); the sorted titles of a 200 answer. */
async function titles(env: Env, params: Record<string, string> | string[][], token?: string) {
  const res = await call(env.app, 'GET', url(params), { token: token ?? env.t.orgA.tokens.admin })
  expect(res.status).toBe(200)
  return ((await res.json()) as { title: string }[]).map((r) => r.title).sort()
}

/** The titles in the order the server returned them. */
async function orderedTitles(env: Env, params: Record<string, string>) {
  const res = await call(env.app, 'GET', url({ select: 'title', ...params }), {
    token: env.t.orgA.tokens.admin,
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { title: string }[]).map((r) => r.title)
}

describe('seeding (POST as each org admin)', () => {
  let env: Env
  beforeAll(async () => {
    env = await setup()
  })
  afterAll(() => env.t.close())

  it('stored every note with server-set columns and defaults', () => {
    expect(env.a.Zeta).toStrictEqual({
      id: expect.stringMatching(/^note_[0-9a-z]{20}$/),
      org_id: env.t.orgA.id,
      title: 'Zeta',
      body: 'last',
      priority: 3,
      done: false,
      due_at: null,
      created_at: SEEDED_AT,
      updated_at: SEEDED_AT,
    })
    expect(env.a.snake_case.body).toBeNull()
    expect(env.b.Alpha.org_id).toBe(env.t.orgB.id)
    expect(new Set([...Object.values(env.a), ...Object.values(env.b)].map((n) => n.id)).size).toBe(7)
  })
})

describe('GET', () => {
  let env: Env
  beforeAll(async () => {
    env = await setup()
  })
  afterAll(() => env.t.close())

  describe('select', () => {
    it('returns every readable column and never the secret one', async () => {
      const res = await call(env.app, 'GET', url({ title: 'eq.Alpha' }), { token: env.t.orgA.tokens.admin })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(await res.json()).toStrictEqual([
        {
          id: env.a.Alpha.id,
          org_id: env.t.orgA.id,
          title: 'Alpha',
          body: 'first body',
          priority: 3,
          done: false,
          due_at: '2026-02-01',
          created_at: SEEDED_AT,
          updated_at: SEEDED_AT,
        },
      ])
    })

    it('select=* is every readable column', async () => {
      const res = await call(env.app, 'GET', url({ select: '*', id: `eq.${env.a.Zeta.id}` }), {
        token: env.t.orgA.tokens.admin,
      })
      expect(await res.json()).toStrictEqual([env.a.Zeta])
    })

    it('returns only the selected subset', async () => {
      const res = await call(env.app, 'GET', url({ select: 'id,title', title: 'eq.Alpha' }), {
        token: env.t.orgA.tokens.admin,
      })
      expect(res.status).toBe(200)
      expect(await res.json()).toStrictEqual([{ id: env.a.Alpha.id, title: 'Alpha' }])
    })

    it('renames with alias:column', async () => {
      const res = await call(
        env.app,
        'GET',
        url({ select: 't:title,priority,is_done:done', order: 'priority.desc,title.asc', limit: '3' }),
        { token: env.t.orgA.tokens.admin },
      )
      expect(await res.json()).toStrictEqual([
        { t: '50% Off', priority: 5, is_done: false },
        { t: 'Alpha', priority: 3, is_done: false },
        { t: 'Zeta', priority: 3, is_done: false },
      ])
    })

    it('an unknown column is 42703 naming it', async () => {
      const res = await call(env.app, 'GET', url({ select: 'id,nope' }), { token: env.t.orgA.tokens.admin })
      await expectError(res, 400, '42703', 'notes.nope')
    })

    it.each([
      ['select', { select: 'id,secret_hash' }],
      ['filter', { secret_hash: 'eq.sha256:deadbeef' }],
      ['is-null filter', { secret_hash: 'is.null' }],
      ['filter inside or', { or: '(secret_hash.eq.x,title.eq.Alpha)' }],
      ['order', { order: 'secret_hash.asc' }],
    ])('the secret column is not readable: %s → 42703', async (_, params) => {
      const res = await call(env.app, 'GET', url(params), { token: env.t.orgA.tokens.admin })
      const err = await expectError(res, 400, '42703', 'secret_hash')
      expect(err.hint).not.toContain('secret_hash')
    })

    it('an unknown column in a filter or in order is 42703', async () => {
      await expectError(
        await call(env.app, 'GET', url({ nope: 'eq.1' }), { token: env.t.orgA.tokens.admin }),
        400,
        '42703',
        'nope',
      )
      await expectError(
        await call(env.app, 'GET', url({ order: 'nope.desc' }), { token: env.t.orgA.tokens.admin }),
        400,
        '42703',
        'nope',
      )
    })
  })

  describe('columns limited by role (columnsFor)', () => {
    // The same notes, served to agents as id, title and done only.
    const limited = defineResource({ ...notesResource, columnsFor: { agent: ['id', 'title', 'done'] } })
    const app = () =>
      createApp(
        { db: env.t.db, clock: env.t.clock, config: env.t.config, queue: env.t.queue },
        { registry: createRegistry([organizationsResource, limited]) },
      )
    const asAgent = (params: Record<string, string>) =>
      call(app(), 'GET', url(params), { token: env.t.orgA.tokens.agent })

    it('answers the role only its columns, with or without select=*; other roles read every column', async () => {
      const queries: Record<string, string>[] = [
        { id: `eq.${env.a.Zeta.id}` },
        { select: '*', id: `eq.${env.a.Zeta.id}` },
      ]
      for (const params of queries) {
        const res = await asAgent(params)
        expect(res.status).toBe(200)
        expect(await res.json()).toStrictEqual([{ id: env.a.Zeta.id, title: 'Zeta', done: false }])
      }
      const admin = await call(app(), 'GET', url({ id: `eq.${env.a.Zeta.id}` }), {
        token: env.t.orgA.tokens.admin,
      })
      expect(await admin.json()).toStrictEqual([env.a.Zeta])
    })

    it.each([
      ['select', { select: 'id,body' }],
      ['filter', { priority: 'eq.3' }],
      ['filter inside or', { or: '(priority.eq.3,title.eq.Alpha)' }],
      ['order', { order: 'due_at.asc' }],
    ])(
      'a column the role does not read is 42703 for it, and not listed in the hint: %s',
      async (_, params) => {
        const err = await expectError(await asAgent(params), 400, '42703')
        expect(err.hint).toBe('Readable columns: id, title, done')
      },
    )

    it('the role filters and orders by its own columns', async () => {
      const res = await asAgent({ select: 'title', done: 'is.true', order: 'title.desc' })
      expect(await res.json()).toStrictEqual([{ title: 'snake_case' }, { title: 'alpha lower' }])
    })
  })

  describe('filters', () => {
    const cases: [string, Record<string, string> | string[][], string[]][] = [
      ['no filter: every row of the org', {}, titlesA],
      // eq / neq
      ['eq on text (case-sensitive)', { title: 'eq.Alpha' }, ['Alpha']],
      ['eq on text, no match in another case', { title: 'eq.ALPHA' }, []],
      ['eq on integer', { priority: 'eq.3' }, ['Alpha', 'Zeta']],
      ['eq on boolean', { done: 'eq.true' }, ['alpha lower', 'snake_case']],
      ['not.eq on text', { title: 'not.eq.Alpha' }, ['50% Off', 'Zeta', 'alpha lower', 'snake_case']],
      ['neq on integer', { priority: 'neq.3' }, ['50% Off', 'alpha lower', 'snake_case']],
      ['neq on boolean', { done: 'neq.true' }, ['50% Off', 'Alpha', 'Zeta']],
      ['neq on a nullable column skips NULLs (as SQL does)', { body: 'neq.sale' }, ['Alpha', 'Zeta']],
      ['not.neq is eq', { priority: 'not.neq.3' }, ['Alpha', 'Zeta']],
      // comparisons
      ['gt on integer', { priority: 'gt.3' }, ['50% Off']],
      ['gte on integer', { priority: 'gte.3' }, ['50% Off', 'Alpha', 'Zeta']],
      ['lt on integer', { priority: 'lt.1' }, ['snake_case']],
      ['lte on integer', { priority: 'lte.1' }, ['alpha lower', 'snake_case']],
      ['gt on a negative integer', { priority: 'gt.-1' }, titlesA],
      ['not.gt on integer', { priority: 'not.gt.1' }, ['alpha lower', 'snake_case']],
      ['gt on text (dates)', { due_at: 'gt.2026-01-31' }, ['Alpha', 'snake_case']],
      ['lt on text (dates)', { due_at: 'lt.2026-02-01' }, ['50% Off']],
      [
        'gte on text is binary (lower case sorts after upper)',
        { title: 'gte.a' },
        ['alpha lower', 'snake_case'],
      ],
      ['lte on text', { title: 'lte.Alpha' }, ['50% Off', 'Alpha']],
      [
        'repeated column filters are ANDed',
        [
          ['priority', 'gte.1'],
          ['priority', 'lt.5'],
        ],
        ['Alpha', 'Zeta', 'alpha lower'],
      ],
      [
        'filters on different columns are ANDed',
        { priority: 'gte.1', done: 'eq.false' },
        ['50% Off', 'Alpha', 'Zeta'],
      ],
      // like / ilike
      ['like is case-sensitive with * as wildcard', { title: 'like.Alpha*' }, ['Alpha']],
      ['like with * on both sides', { title: 'like.*pha*' }, ['Alpha', 'alpha lower']],
      ['like does not fold case', { title: 'like.*ALPHA*' }, []],
      ['like accepts % as wildcard too', { title: 'like.%lpha%' }, ['Alpha', 'alpha lower']],
      ['like: _ matches exactly one character', { title: 'like.Zet_' }, ['Zeta']],
      ['like: _ does not match zero characters', { title: 'like.Zeta_' }, []],
      ['like: \\_ is a literal underscore', { title: 'like.*\\_*' }, ['snake_case']],
      ['like: \\% is a literal percent sign', { title: 'like.*\\%*' }, ['50% Off']],
      ['like: an unescaped _ matches any character', { title: 'like.*_*' }, titlesA],
      ['like without wildcard is equality', { title: 'like.Zeta' }, ['Zeta']],
      ['not.like', { title: 'not.like.*pha*' }, ['50% Off', 'Zeta', 'snake_case']],
      ['like on a nullable column', { body: 'like.*s*' }, ['Alpha', 'Zeta', '50% Off']],
      ['ilike folds case', { title: 'ilike.ALPHA*' }, ['Alpha', 'alpha lower']],
      ['ilike with a wildcard prefix', { title: 'ilike.*OFF' }, ['50% Off']],
      ['ilike with _', { title: 'ilike.SNAKE_CASE' }, ['snake_case']],
      ['not.ilike', { title: 'not.ilike.a*' }, ['50% Off', 'Zeta', 'snake_case']],
      // in
      ['in on integer', { priority: 'in.(0,5)' }, ['50% Off', 'snake_case']],
      ['in on text, quoted values', { title: 'in.("50% Off",Zeta,nope)' }, ['50% Off', 'Zeta']],
      ['in on boolean', { done: 'in.(true)' }, ['alpha lower', 'snake_case']],
      ['in on id', { id: 'in.(IDS)' }, ['Alpha', 'Zeta']],
      ['in.() matches nothing', { priority: 'in.()' }, []],
      ['not.in.() matches everything', { priority: 'not.in.()' }, titlesA],
      ['not.in', { priority: 'not.in.(3,5)' }, ['alpha lower', 'snake_case']],
      // is
      ['is.null', { body: 'is.null' }, ['alpha lower', 'snake_case']],
      ['is.null on another column', { due_at: 'is.null' }, ['Zeta', 'alpha lower']],
      ['not.is.null', { body: 'not.is.null' }, ['50% Off', 'Alpha', 'Zeta']],
      ['is.not_null', { due_at: 'is.not_null' }, ['50% Off', 'Alpha', 'snake_case']],
      ['not.is.not_null is is.null', { due_at: 'not.is.not_null' }, ['Zeta', 'alpha lower']],
      ['is.true', { done: 'is.true' }, ['alpha lower', 'snake_case']],
      ['is.false', { done: 'is.false' }, ['50% Off', 'Alpha', 'Zeta']],
      ['not.is.true', { done: 'not.is.true' }, ['50% Off', 'Alpha', 'Zeta']],
      ['is is case-insensitive', { done: 'is.TRUE' }, ['alpha lower', 'snake_case']],
      // logical groups
      ['or', { or: '(priority.eq.5,done.is.true)' }, ['50% Off', 'alpha lower', 'snake_case']],
      ['or with a quoted value', { or: '(title.eq."50% Off",title.eq.Zeta)' }, ['50% Off', 'Zeta']],
      [
        'or with a nested and',
        { or: '(title.eq.Zeta,and(priority.lt.2,due_at.is.null))' },
        ['Zeta', 'alpha lower'],
      ],
      [
        'or with not. inside',
        { or: '(priority.not.lt.5,body.is.null)' },
        ['50% Off', 'alpha lower', 'snake_case'],
      ],
      [
        'or with not.and inside',
        { or: '(not.and(done.is.false,priority.gte.3),title.eq.Zeta)' },
        ['Zeta', 'alpha lower', 'snake_case'],
      ],
      [
        'or with in and like inside',
        { or: '(priority.in.(0,1),title.like.Z*)' },
        ['Zeta', 'alpha lower', 'snake_case'],
      ],
      [
        'or ANDed with a column filter',
        { or: '(priority.eq.3,priority.eq.5)', due_at: 'not.is.null' },
        ['50% Off', 'Alpha'],
      ],
      ['not.or', { 'not.or': '(priority.eq.3,done.is.true)' }, ['50% Off']],
      ['and', { and: '(priority.gte.1,done.is.false)' }, ['50% Off', 'Alpha', 'Zeta']],
      ['not.and', { 'not.and': '(priority.gte.1,done.is.false)' }, ['alpha lower', 'snake_case']],
      [
        'and with a nested or',
        { and: '(done.is.false,or(title.like.Z*,body.eq.sale))' },
        ['50% Off', 'Zeta'],
      ],
    ]

    it.each(cases)('%s', async (_, params, expected) => {
      const ids = `${env.a.Alpha.id},${env.a.Zeta.id},${env.b.Alpha.id}`
      const pairs = Array.isArray(params) ? params : Object.entries(params)
      const query = [['select', 'title'], ...pairs.map(([k = '', v = '']) => [k, v.replace('IDS', ids)])]
      expect(await titles(env, query)).toEqual([...expected].sort())
    })

    it.each([
      ['eq on integer', { priority: 'eq.high' }, 'high'],
      ['gt on integer', { priority: 'gt.1e3' }, '1e3'],
      ['in on integer', { priority: 'in.(1,x)' }, 'x'],
      ['eq on boolean', { done: 'eq.yes' }, 'yes'],
      ['inside or', { or: '(title.eq.Zeta,priority.lt.abc)' }, 'abc'],
    ])('a value of the wrong type (%s) is 22P02 naming the value and column', async (_, params, value) => {
      const res = await call(env.app, 'GET', url(params), { token: env.t.orgA.tokens.admin })
      const err = await expectError(res, 400, '22P02', `"${value}"`)
      expect(String(err.details)).toMatch(/priority|done/)
    })

    it.each([
      ['an unknown operator', { title: 'foo.bar' }, "'foo'"],
      ['an unsupported operator', { title: 'cs.{a}' }, "'cs'"],
      ['an unknown operator inside or', { or: '(title.xx.1)' }, "'xx'"],
      ['a value without operator', { title: 'Alpha' }, "'Alpha'"],
      ['an invalid is value', { done: 'is.maybe' }, "'maybe'"],
      ['an embedded-resource key', { 'rel.col': 'eq.1' }, "'rel.col'"],
    ])('%s is 400 PGRST100', async (_, params, culprit) => {
      const res = await call(env.app, 'GET', url(params), { token: env.t.orgA.tokens.admin })
      await expectError(res, 400, 'PGRST100', culprit)
    })
  })

  describe('order', () => {
    it('asc and desc on integer with a tie-breaker', async () => {
      expect(await orderedTitles(env, { order: 'priority.desc,title.asc' })).toEqual([
        '50% Off',
        'Alpha',
        'Zeta',
        'alpha lower',
        'snake_case',
      ])
      expect(await orderedTitles(env, { order: 'priority.asc,title.desc' })).toEqual([
        'snake_case',
        'alpha lower',
        'Zeta',
        'Alpha',
        '50% Off',
      ])
    })

    it('asc is the default direction', async () => {
      expect(await orderedTitles(env, { order: 'title' })).toEqual([
        '50% Off',
        'Alpha',
        'Zeta',
        'alpha lower',
        'snake_case',
      ])
      expect(await orderedTitles(env, { order: 'title.desc' })).toEqual([
        'snake_case',
        'alpha lower',
        'Zeta',
        'Alpha',
        '50% Off',
      ])
    })

    it('orders by boolean, then the second column', async () => {
      expect(await orderedTitles(env, { order: 'done.desc,priority.asc,title.asc' })).toEqual([
        'snake_case',
        'alpha lower',
        'Alpha',
        'Zeta',
        '50% Off',
      ])
    })

    it('default NULL placement is PostgreSQL’s: last ascending, first descending', async () => {
      expect(await orderedTitles(env, { order: 'due_at.asc,title.asc' })).toEqual([
        '50% Off',
        'Alpha',
        'snake_case',
        'Zeta',
        'alpha lower',
      ])
      expect(await orderedTitles(env, { order: 'due_at.desc,title.asc' })).toEqual([
        'Zeta',
        'alpha lower',
        'snake_case',
        'Alpha',
        '50% Off',
      ])
    })

    it('nullsfirst and nullslast override the default', async () => {
      expect(await orderedTitles(env, { order: 'due_at.asc.nullsfirst,title.asc' })).toEqual([
        'Zeta',
        'alpha lower',
        '50% Off',
        'Alpha',
        'snake_case',
      ])
      expect(await orderedTitles(env, { order: 'due_at.desc.nullslast,title.asc' })).toEqual([
        'snake_case',
        'Alpha',
        '50% Off',
        'Zeta',
        'alpha lower',
      ])
      expect(await orderedTitles(env, { order: 'due_at.nullsfirst,title.desc' })).toEqual([
        'alpha lower',
        'Zeta',
        '50% Off',
        'Alpha',
        'snake_case',
      ])
    })

    it('a bad order modifier is PGRST100', async () => {
      const res = await call(env.app, 'GET', url({ order: 'title.up' }), { token: env.t.orgA.tokens.admin })
      await expectError(res, 400, 'PGRST100', "'up'")
    })
  })

  describe('limit, offset, Range and count', () => {
    const get = (params: Record<string, string>, headers: Record<string, string> = {}) =>
      call(env.app, 'GET', url({ select: 'title', order: 'title.asc', ...params }), {
        token: env.t.orgA.tokens.admin,
        headers,
      })
    const names = async (res: Response) => ((await res.json()) as { title: string }[]).map((r) => r.title)

    it('limit and offset page through the ordered rows', async () => {
      const first = await get({ limit: '2' })
      expect(first.status).toBe(200)
      expect(first.headers.get('content-range')).toBe('0-1/*')
      expect(await names(first)).toEqual(['50% Off', 'Alpha'])
      const second = await get({ limit: '2', offset: '2' })
      expect(second.headers.get('content-range')).toBe('2-3/*')
      expect(await names(second)).toEqual(['Zeta', 'alpha lower'])
      const last = await get({ offset: '4' })
      expect(await names(last)).toEqual(['snake_case'])
    })

    it('limit=0 returns no rows', async () => {
      const res = await get({ limit: '0' }, { Prefer: 'count=exact' })
      expect(res.status).toBe(206)
      expect(res.headers.get('content-range')).toBe('*/5')
      expect(await names(res)).toEqual([])
    })

    it('Range: 0-1 returns the first two rows', async () => {
      const res = await get({}, { Range: '0-1' })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-range')).toBe('0-1/*')
      expect(await names(res)).toEqual(['50% Off', 'Alpha'])
    })

    it('Range with an open end', async () => {
      const res = await get({}, { Range: '3-' })
      expect(res.headers.get('content-range')).toBe('3-4/*')
      expect(await names(res)).toEqual(['alpha lower', 'snake_case'])
    })

    it('count=exact with a partial range: 206 and Content-Range 0-1/5', async () => {
      const res = await get({}, { Range: '0-1', Prefer: 'count=exact' })
      expect(res.status).toBe(206)
      expect(res.headers.get('content-range')).toBe('0-1/5')
      expect(await names(res)).toEqual(['50% Off', 'Alpha'])
    })

    it('count=exact with limit/offset in the middle', async () => {
      const res = await get({ limit: '2', offset: '1' }, { Prefer: 'count=exact' })
      expect(res.status).toBe(206)
      expect(res.headers.get('content-range')).toBe('1-2/5')
      expect(await names(res)).toEqual(['Alpha', 'Zeta'])
    })

    it('count=exact with every row: 200 and 0-4/5', async () => {
      const res = await get({}, { Prefer: 'count=exact' })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-range')).toBe('0-4/5')
      expect(await names(res)).toEqual(['50% Off', 'Alpha', 'Zeta', 'alpha lower', 'snake_case'])
    })

    it('count=exact counts the filtered rows only', async () => {
      const res = await get({ priority: 'eq.3' }, { Prefer: 'count=exact' })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-range')).toBe('0-1/2')
      expect(await names(res)).toEqual(['Alpha', 'Zeta'])
    })

    it('count=exact on an empty result: 200 and */0', async () => {
      const res = await get({ title: 'eq.nope' }, { Prefer: 'count=exact' })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-range')).toBe('*/0')
      expect(await res.json()).toEqual([])
    })

    it('without count the Content-Range total is *', async () => {
      const res = await get({})
      expect(res.status).toBe(200)
      expect(res.headers.get('content-range')).toBe('0-4/*')
    })

    it('limit 1000 is accepted, 1001 is 400', async () => {
      expect((await get({ limit: '1000' })).status).toBe(200)
      await expectError(await get({ limit: '1001' }), 400, 'PGRST100', 'limit')
    })

    it.each([
      ['a negative offset', { offset: '-1' }, 'offset'],
      ['an absurd offset', { offset: '99999999999999999999999' }, 'offset'],
      ['a non-numeric offset', { offset: 'ten' }, 'offset'],
      ['a negative limit', { limit: '-5' }, 'limit'],
    ])('%s is 400', async (_, params: Record<string, string>, name) => {
      await expectError(await get(params), 400, 'PGRST100', `'${name}'`)
    })

    it('offset given twice is 400', async () => {
      const res = await call(
        env.app,
        'GET',
        url([
          ['offset', '1'],
          ['offset', '2'],
        ]),
        {
          token: env.t.orgA.tokens.admin,
        },
      )
      await expectError(res, 400, 'PGRST100', "'offset' may only be given once")
    })

    it('a range past the end with count is 416 PGRST103 with Content-Range */total', async () => {
      const res = await get({ offset: '6' }, { Prefer: 'count=exact' })
      const err = await expectError(res, 416, 'PGRST103', 'Requested range not satisfiable')
      expect(err.details).toBe('An offset of 6 was requested, but there are only 5 rows.')
      expect(res.headers.get('content-range')).toBe('*/5')
      await expectError(await get({}, { Range: '10-19', Prefer: 'count=exact' }), 416, 'PGRST103')
    })

    it('a range starting exactly at the end is an empty 206, as PostgREST answers (the next page of a full one)', async () => {
      const res = await get({ offset: '5', limit: '5' }, { Prefer: 'count=exact' })
      expect(res.status).toBe(206)
      expect(res.headers.get('content-range')).toBe('*/5')
      expect(await res.json()).toEqual([])
    })

    it('an offset past an empty result with count is 416, as PostgREST answers', async () => {
      const res = await get({ title: 'eq.nope', offset: '1' }, { Prefer: 'count=exact' })
      await expectError(res, 416, 'PGRST103')
      expect(res.headers.get('content-range')).toBe('*/0')
    })

    it.each([
      ['not a range', 'rows=abc'],
      ['ending before it starts', '5-2'],
      ['more than 1000 rows', '0-1000'],
    ])('a Range header %s is 416 PGRST103', async (_, range) => {
      await expectError(await get({}, { Range: range }), 416, 'PGRST103')
    })
  })

  describe('Accept: application/vnd.pgrst.object+json', () => {
    it('exactly one row → the object itself', async () => {
      const res = await call(env.app, 'GET', url({ title: 'eq.Alpha' }), {
        token: env.t.orgA.tokens.admin,
        headers: { Accept: SINGLE },
      })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe(`${SINGLE}; charset=utf-8`)
      expect(await res.json()).toStrictEqual(env.a.Alpha)
    })

    it('with select, the projected object', async () => {
      const res = await call(env.app, 'GET', url({ select: 'n:title', id: `eq.${env.a.Zeta.id}` }), {
        token: env.t.orgA.tokens.admin,
        headers: { Accept: SINGLE },
      })
      expect(await res.json()).toStrictEqual({ n: 'Zeta' })
    })

    it.each([
      [0, { title: 'eq.nope' }],
      [2, { priority: 'eq.3' }],
      [5, {}],
    ])('%i rows → 406 PGRST116', async (n, params) => {
      const res = await call(env.app, 'GET', url(params), {
        token: env.t.orgA.tokens.admin,
        headers: { Accept: SINGLE },
      })
      const err = await expectError(
        res,
        406,
        'PGRST116',
        'JSON object requested, multiple (or no) rows returned',
      )
      expect(err.details).toBe(`The result contains ${n} rows`)
      expect(err.hint).toBeNull()
    })
  })
})

describe('writes', () => {
  let env: Env
  beforeEach(async () => {
    env = await setup()
  })
  afterEach(() => env.t.close())

  const post = (
    body: unknown,
    opts: { token?: string; headers?: Record<string, string>; path?: string } = {},
  ) =>
    call(env.app, 'POST', opts.path ?? url(), {
      token: opts.token ?? env.t.orgA.tokens.admin,
      body,
      headers: opts.headers ?? {},
    })
  const patch = (
    params: Record<string, string>,
    body: unknown,
    opts: { token?: string; headers?: Record<string, string> } = {},
  ) =>
    call(env.app, 'PATCH', url(params), {
      token: opts.token ?? env.t.orgA.tokens.admin,
      body,
      headers: opts.headers ?? {},
    })
  const del = (
    params: Record<string, string>,
    opts: { token?: string; headers?: Record<string, string> } = {},
  ) =>
    call(env.app, 'DELETE', url(params), {
      token: opts.token ?? env.t.orgA.tokens.admin,
      headers: opts.headers ?? {},
    })
  const representation = { Prefer: 'return=representation' }

  describe('POST', () => {
    it('one object → 201 with an empty body, and the row is stored', async () => {
      env.t.clock.advance(10 * 60 * 1000)
      const before = await snapshot(env)
      const res = await post({ title: 'New', priority: 2 })
      expect(res.status).toBe(201)
      expect(await res.text()).toBe('')
      const after = await snapshot(env)
      expect(after).toHaveLength(before.length + 1)
      const added = after.find((r) => !before.some((b) => b.id === r.id))
      expect(added).toStrictEqual({
        id: expect.stringMatching(/^note_[0-9a-z]{20}$/),
        org_id: env.t.orgA.id,
        title: 'New',
        body: null,
        priority: 2,
        done: false,
        due_at: null,
        secret_hash: null,
        created_at: '2026-01-15T12:10:00.000Z',
        updated_at: '2026-01-15T12:10:00.000Z',
      })
    })

    it('return=representation → 201 with the stored rows as an array', async () => {
      env.t.clock.advance(10 * 60 * 1000)
      const res = await post(
        { title: 'Rep', body: 'text', priority: 4, done: true, due_at: '2026-05-01' },
        { headers: representation },
      )
      expect(res.status).toBe(201)
      expect(res.headers.get('preference-applied')).toBe('return=representation')
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
      const rows = (await res.json()) as NoteRow[]
      expect(rows).toStrictEqual([
        {
          id: expect.stringMatching(/^note_[0-9a-z]{20}$/),
          org_id: env.t.orgA.id,
          title: 'Rep',
          body: 'text',
          priority: 4,
          done: true,
          due_at: '2026-05-01',
          created_at: '2026-01-15T12:10:00.000Z',
          updated_at: '2026-01-15T12:10:00.000Z',
        },
      ])
      expect(await titles(env, { select: 'title', id: `eq.${rows[0]?.id}` })).toEqual(['Rep'])
    })

    it('return=representation honours select', async () => {
      const res = await post(
        { title: 'Sel', priority: 1 },
        { headers: representation, path: url({ select: 'id,t:title' }) },
      )
      expect(res.status).toBe(201)
      expect(await res.json()).toStrictEqual([{ id: expect.stringMatching(/^note_/), t: 'Sel' }])
    })

    it('return=representation with a single-object Accept → the object', async () => {
      const res = await post(
        { title: 'One', priority: 1 },
        { headers: { ...representation, Accept: SINGLE } },
      )
      expect(res.status).toBe(201)
      expect(await res.json()).toMatchObject({ title: 'One', org_id: env.t.orgA.id })
    })

    it('an array of objects inserts them all', async () => {
      const res = await post(
        [
          { title: 'Many 1', priority: 1 },
          { title: 'Many 2', priority: 2, body: 'b' },
        ],
        { headers: representation },
      )
      expect(res.status).toBe(201)
      const rows = (await res.json()) as NoteRow[]
      expect(rows.map((r) => [r.title, r.priority, r.body]).sort()).toEqual([
        ['Many 1', 1, null],
        ['Many 2', 2, 'b'],
      ])
      expect(new Set(rows.map((r) => r.id)).size).toBe(2)
      expect(await titles(env, { select: 'title' })).toEqual([...titlesA, 'Many 1', 'Many 2'].sort())
    })

    it('an array with one invalid item → 400 and none of the items is written', async () => {
      const before = await snapshot(env)
      const res = await post([
        { title: 'Good 1', priority: 1 },
        { title: 'Good 2', priority: 2 },
        { title: 'Bad', priority: 9 },
      ])
      const err = await expectError(res, 400, '22P02', 'priority')
      expect(err.details).toMatchObject([{ field: 'priority', message: expect.any(String) }])
      expect(await snapshot(env)).toEqual(before)
    })

    it('an array whose last item breaks a unique index → 409 and none of the items is written', async () => {
      const before = await snapshot(env)
      const res = await post([
        { title: 'Fresh', priority: 1 },
        { title: 'Zeta', priority: 2 },
      ])
      await expectError(res, 409, '23505')
      expect(await snapshot(env)).toEqual(before)
    })

    it.each(['id', 'org_id', 'created_at', 'updated_at'])(
      'a body with the server-owned %s → 400 PGRST204 naming it, nothing written',
      async (column) => {
        const before = await snapshot(env)
        const res = await post({ title: 'Owned', priority: 1, [column]: 'x' })
        const err = await expectError(res, 400, 'PGRST204', `'${column}'`)
        expect(err.details).toEqual([{ field: column, message: 'Set by the server', issue: 'server_set' }])
        expect(await snapshot(env)).toEqual(before)
      },
    )

    it('a server-owned column in the second item of an array → 400, nothing written', async () => {
      const before = await snapshot(env)
      const res = await post([
        { title: 'Ok', priority: 1 },
        { title: 'Sneaky', priority: 1, org_id: env.t.orgB.id },
      ])
      await expectError(res, 400, 'PGRST204', "'org_id'")
      expect(await snapshot(env)).toEqual(before)
    })

    it.each(['color', 'secret_hash'])(
      'an unknown (or unwritable) column %s → 400 PGRST204',
      async (column) => {
        const before = await snapshot(env)
        const res = await post({ title: 'Extra', priority: 1, [column]: 'v' })
        const err = await expectError(
          res,
          400,
          'PGRST204',
          `Could not find the '${column}' column of 'notes'`,
        )
        expect(err.details).toEqual([{ field: column, message: 'Unknown column', issue: 'unknown' }])
        expect(await snapshot(env)).toEqual(before)
      },
    )

    it('a wrong type → 400 22P02 with details naming the field', async () => {
      const res = await post({ title: 'Typed', priority: 'high' })
      const err = await expectError(res, 400, '22P02', 'priority')
      expect(err.details).toMatchObject([{ field: 'priority', message: expect.any(String) }])
    })

    it('every failing field is listed', async () => {
      const res = await post({ title: '', priority: 1.5, done: 'yes' })
      const err = await expectError(res, 400, '22P02')
      expect((err.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
        'done',
        'priority',
        'title',
      ])
    })

    it('a missing required field → 400 naming it', async () => {
      const before = await snapshot(env)
      const res = await post({ title: 'No priority' })
      const err = await expectError(res, 400, '22P02', 'priority')
      expect(err.details).toMatchObject([{ field: 'priority', message: expect.any(String) }])
      expect(await snapshot(env)).toEqual(before)
    })

    it('a duplicate title in the same org → 409 23505; the same title in another org is fine', async () => {
      const before = await snapshot(env)
      const err = await expectError(await post({ title: 'Alpha', priority: 1 }), 409, '23505', 'title')
      expect(err.details).toEqual([{ field: 'title', message: expect.any(String), issue: 'unique' }])
      expect(await snapshot(env)).toEqual(before)
      expect((await post({ title: 'Zeta', priority: 1 }, { token: env.t.orgB.tokens.admin })).status).toBe(
        201,
      )
    })

    it.each([
      ['invalid JSON', '{"title":', 'not valid JSON'],
      ['a trailing comma', '{"title":"x","priority":1,}', 'not valid JSON'],
      ['a JSON string', '"hello"', 'JSON object'],
      ['JSON null', 'null', 'JSON object'],
      ['an array of numbers', '[1,2]', 'JSON object'],
      ['an empty body', '', 'Empty'],
    ])('%s → 400 PGRST102', async (_, raw, message) => {
      const before = await snapshot(env)
      const res = await call(env.app, 'POST', url(), {
        token: env.t.orgA.tokens.admin,
        body: raw,
        headers: { 'Content-Type': 'application/json' },
      })
      await expectError(res, 400, 'PGRST102', message)
      expect(await snapshot(env)).toEqual(before)
    })

    it('non-UTF-8 bytes → 400 PGRST102', async () => {
      const res = await post(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))
      await expectError(res, 400, 'PGRST102', 'UTF-8')
    })

    it('a body over 1 MB → 413', async () => {
      const before = await snapshot(env)
      const res = await post({ title: 'Big', priority: 1, body: 'x'.repeat(1024 * 1024) })
      await expectError(res, 413, 'CG413', '1 MB')
      expect(await snapshot(env)).toEqual(before)
    })

    it('an empty array → 400', async () => {
      await expectError(await post([]), 400, 'PGRST102', 'between 1 and 1000')
    })

    it('Content-Type text/plain → 400', async () => {
      const before = await snapshot(env)
      const res = await post(JSON.stringify({ title: 'Plain', priority: 1 }), {
        headers: { 'Content-Type': 'text/plain' },
      })
      await expectError(res, 400, 'PGRST102', 'text/plain')
      expect(await snapshot(env)).toEqual(before)
    })

    it('an unknown column in select → 42703 and nothing written', async () => {
      const before = await snapshot(env)
      const res = await post(
        { title: 'Sel', priority: 1 },
        { headers: representation, path: url({ select: 'id,nope' }) },
      )
      await expectError(res, 400, '42703', 'nope')
      expect(await snapshot(env)).toEqual(before)
    })

    it('a single-object Accept with an array of 2 → 406 and nothing written', async () => {
      const before = await snapshot(env)
      const res = await post(
        [
          { title: 'Two 1', priority: 1 },
          { title: 'Two 2', priority: 1 },
        ],
        { headers: { ...representation, Accept: SINGLE } },
      )
      const err = await expectError(res, 406, 'PGRST116')
      expect(err.details).toBe('The result contains 2 rows')
      expect(await snapshot(env)).toEqual(before)
    })

    it('more than 1000 items → 400 and nothing written', async () => {
      const before = await snapshot(env)
      const items = Array.from({ length: 1001 }, (_, i) => ({ title: `Bulk ${i}`, priority: 1 }))
      const err = await expectError(await post(items), 400, 'PGRST102', 'between 1 and 1000')
      expect(err.details).toBe('got 1001')
      expect(await snapshot(env)).toEqual(before)
    })

    it('Content-Type application/json with a charset is accepted', async () => {
      const res = await post(JSON.stringify({ title: 'Charset', priority: 1 }), {
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
      })
      expect(res.status).toBe(201)
    })
  })

  describe('PATCH', () => {
    it('with a filter → 204, only the matching row changes', async () => {
      env.t.clock.advance(60_000)
      const before = await snapshot(env)
      const res = await patch({ id: `eq.${env.a.Alpha.id}` }, { priority: 4, body: null })
      expect(res.status).toBe(204)
      expect(await res.text()).toBe('')
      const after = await snapshot(env)
      expect(after).toEqual(
        before.map((r) =>
          r.id === env.a.Alpha.id
            ? { ...r, priority: 4, body: null, updated_at: '2026-01-15T12:01:00.000Z' }
            : r,
        ),
      )
    })

    it('return=representation → 200 with the updated rows, updated_at moved, created_at kept', async () => {
      env.t.clock.advance(60_000)
      const res = await patch({ id: `eq.${env.a.Zeta.id}` }, { title: 'Zeta 2' }, { headers: representation })
      expect(res.status).toBe(200)
      expect(res.headers.get('preference-applied')).toBe('return=representation')
      expect(await res.json()).toStrictEqual([
        { ...env.a.Zeta, title: 'Zeta 2', updated_at: '2026-01-15T12:01:00.000Z' },
      ])
    })

    it('only the sent columns change (a default does not reset done)', async () => {
      const res = await patch({ title: 'eq.snake_case' }, { priority: 2 }, { headers: representation })
      expect(await res.json()).toStrictEqual([{ ...env.a.snake_case, priority: 2 }])
    })

    it('updates every matching row, even when the update changes the filtered column', async () => {
      env.t.clock.advance(1000)
      const res = await patch(
        { done: 'eq.false', select: 'title,done' },
        { done: true },
        { headers: representation },
      )
      expect(res.status).toBe(200)
      const rows = (await res.json()) as { title: string; done: boolean }[]
      expect(rows.sort((x, y) => x.title.localeCompare(y.title))).toEqual([
        { title: '50% Off', done: true },
        { title: 'Alpha', done: true },
        { title: 'Zeta', done: true },
      ])
      expect(await titles(env, { select: 'title', done: 'is.true' })).toEqual(titlesA)
      // Org B's not-done note is untouched.
      expect(await titles(env, { select: 'title', done: 'is.false' }, env.t.orgB.tokens.admin)).toEqual([
        'Alpha',
      ])
    })

    it.each([
      ['no parameters', {}],
      ['only select', { select: 'id' }],
      ['only order', { order: 'title.asc' }],
    ])('without any filter (%s) → 400 21000 and no row changed', async (_, params) => {
      const before = await snapshot(env)
      await expectError(await patch(params, { priority: 0 }), 400, '21000', 'PATCH requires a filter')
      expect(await snapshot(env)).toEqual(before)
    })

    it.each([
      ['limit', { limit: '1' }],
      ['offset', { offset: '0' }],
    ])('with %s → 400 and no row changed', async (name, params) => {
      const before = await snapshot(env)
      await expectError(await patch({ priority: 'eq.3', ...params }, { priority: 0 }), 400, 'PGRST100', name)
      expect(await snapshot(env)).toEqual(before)
    })

    it('single-object Accept when the filter matches 2 rows → 406 and nothing changed', async () => {
      const before = await snapshot(env)
      const res = await patch({ priority: 'eq.3' }, { priority: 0 }, { headers: { Accept: SINGLE } })
      const err = await expectError(res, 406, 'PGRST116')
      expect(err.details).toBe('The result contains 2 rows')
      expect(await snapshot(env)).toEqual(before)
    })

    it('single-object Accept when the filter matches 0 rows → 406 with "0 rows"', async () => {
      const res = await patch({ title: 'eq.nope' }, { priority: 0 }, { headers: { Accept: SINGLE } })
      const err = await expectError(res, 406, 'PGRST116')
      expect(err.details).toBe('The result contains 0 rows')
    })

    it('single-object Accept with exactly one match → the updated object', async () => {
      const res = await patch(
        { id: `eq.${env.a.Alpha.id}` },
        { priority: 0 },
        { headers: { ...representation, Accept: SINGLE } },
      )
      expect(res.status).toBe(200)
      expect(await res.json()).toStrictEqual({ ...env.a.Alpha, priority: 0 })
    })

    it('an empty body {} → 400 and nothing changed', async () => {
      const before = await snapshot(env)
      await expectError(await patch({ id: `eq.${env.a.Alpha.id}` }, {}), 400, 'PGRST102', 'no columns')
      expect(await snapshot(env)).toEqual(before)
    })

    it('a filter that matches nothing → 204, or 200 [] with representation', async () => {
      const before = await snapshot(env)
      const res = await patch({ title: 'eq.nope' }, { priority: 0 })
      expect(res.status).toBe(204)
      const rep = await patch({ title: 'eq.nope' }, { priority: 0 }, { headers: representation })
      expect(rep.status).toBe(200)
      expect(await rep.json()).toEqual([])
      expect(await snapshot(env)).toEqual(before)
    })

    it.each(['id', 'org_id', 'created_at', 'updated_at'])(
      'a body with the server-owned %s → 400 PGRST204, nothing changed',
      async (column) => {
        const before = await snapshot(env)
        const res = await patch({ id: `eq.${env.a.Alpha.id}` }, { priority: 0, [column]: 'x' })
        await expectError(res, 400, 'PGRST204', `'${column}'`)
        expect(await snapshot(env)).toEqual(before)
      },
    )

    it('a wrong type → 400 22P02 naming the field, nothing changed', async () => {
      const before = await snapshot(env)
      const res = await patch({ id: `eq.${env.a.Alpha.id}` }, { done: 'yes' })
      const err = await expectError(res, 400, '22P02', 'done')
      expect(err.details).toEqual([
        {
          field: 'done',
          message: expect.any(String),
          issue: 'invalid_type',
          params: { expected: 'boolean' },
        },
      ])
      expect(await snapshot(env)).toEqual(before)
    })

    it('renaming onto an existing title → 409 23505, nothing changed', async () => {
      const before = await snapshot(env)
      await expectError(await patch({ id: `eq.${env.a.Zeta.id}` }, { title: 'Alpha' }), 409, '23505')
      expect(await snapshot(env)).toEqual(before)
    })

    it('an unknown column in select with representation → 42703 and nothing changed', async () => {
      const before = await snapshot(env)
      const res = await patch(
        { id: `eq.${env.a.Alpha.id}`, select: 'nope' },
        { priority: 0 },
        { headers: representation },
      )
      await expectError(res, 400, '42703', 'nope')
      expect(await snapshot(env)).toEqual(before)
    })

    it('a bad filter → 400 before anything is written', async () => {
      const before = await snapshot(env)
      await expectError(await patch({ priority: 'eq.high' }, { priority: 0 }), 400, '22P02')
      await expectError(await patch({ secret_hash: 'is.null' }, { priority: 0 }), 400, '42703')
      expect(await snapshot(env)).toEqual(before)
    })
  })

  describe('DELETE', () => {
    it('with a filter → 204 and the row is gone', async () => {
      const before = await snapshot(env)
      const res = await del({ id: `eq.${env.a.Zeta.id}` })
      expect(res.status).toBe(204)
      expect(await res.text()).toBe('')
      expect(await snapshot(env)).toEqual(before.filter((r) => r.id !== env.a.Zeta.id))
      expect(await titles(env, { select: 'title', id: `eq.${env.a.Zeta.id}` })).toEqual([])
    })

    it('return=representation → 200 with the deleted rows', async () => {
      const res = await del({ done: 'is.true', order: 'title.asc' }, { headers: representation })
      expect(res.status).toBe(200)
      const rows = (await res.json()) as NoteRow[]
      expect(rows.sort((x, y) => x.title.localeCompare(y.title))).toStrictEqual([
        env.a['alpha lower'],
        env.a.snake_case,
      ])
      expect(await titles(env, { select: 'title' })).toEqual(['50% Off', 'Alpha', 'Zeta'])
      // Org B's done note survives.
      expect(await titles(env, { select: 'title' }, env.t.orgB.tokens.admin)).toEqual(titlesB)
    })

    it('return=representation honours select', async () => {
      const res = await del({ id: `eq.${env.a.Alpha.id}`, select: 'id' }, { headers: representation })
      expect(await res.json()).toStrictEqual([{ id: env.a.Alpha.id }])
    })

    it.each([
      ['no parameters', {}],
      ['only select', { select: 'id' }],
    ])('without any filter (%s) → 400 21000 and nothing deleted', async (_, params) => {
      const before = await snapshot(env)
      await expectError(await del(params), 400, '21000', 'DELETE requires a filter')
      expect(await snapshot(env)).toEqual(before)
    })

    it('with limit → 400 and nothing deleted', async () => {
      const before = await snapshot(env)
      await expectError(await del({ priority: 'eq.3', limit: '1' }), 400, 'PGRST100', 'limit')
      expect(await snapshot(env)).toEqual(before)
    })

    it('single-object Accept when the filter matches 2 rows → 406 and nothing deleted', async () => {
      const before = await snapshot(env)
      const res = await del({ done: 'is.true' }, { headers: { Accept: SINGLE } })
      const err = await expectError(res, 406, 'PGRST116')
      expect(err.details).toBe('The result contains 2 rows')
      expect(await snapshot(env)).toEqual(before)
    })

    it('a filter that matches nothing → 204 and nothing deleted', async () => {
      const before = await snapshot(env)
      expect((await del({ title: 'eq.nope' })).status).toBe(204)
      expect(await snapshot(env)).toEqual(before)
    })
  })

  describe('more than 1000 matching rows', () => {
    /** Org A gets 1000 `bulk-…` notes of priority 1: with "alpha lower", priority=eq.1 matches 1001 rows. */
    beforeEach(async () => {
      const items = Array.from({ length: 1000 }, (_, i) => ({
        title: `bulk-${String(i).padStart(4, '0')}`,
        priority: 1,
      }))
      expect((await post(items)).status).toBe(201)
    })

    const countA = async (params: Record<string, string>) => {
      const res = await call(env.app, 'GET', url({ select: 'id', limit: '1', ...params }), {
        token: env.t.orgA.tokens.admin,
        headers: { Prefer: 'count=exact' },
      })
      return res.headers.get('content-range')?.split('/')[1]
    }

    it('GET returns at most 1000 rows, with the exact count', async () => {
      const res = await call(env.app, 'GET', url({ select: 'id' }), {
        token: env.t.orgA.tokens.admin,
        headers: { Prefer: 'count=exact' },
      })
      expect(res.status).toBe(206)
      expect(res.headers.get('content-range')).toBe('0-999/1005')
      expect(await res.json()).toHaveLength(1000)
    })

    it('a PATCH matching 1001 rows is refused whole (400 21000), not applied to the first 1001', async () => {
      const before = await snapshot(env)
      const res = await patch({ priority: 'eq.1' }, { priority: 2 })
      await expectError(res, 400, '21000', 'more than 1000 rows')
      expect(await snapshot(env)).toEqual(before)
      expect(await countA({ priority: 'eq.1' })).toBe('1001')
    })

    it('a DELETE matching 1001 rows is refused whole (400 21000), nothing deleted', async () => {
      const before = await snapshot(env)
      await expectError(await del({ priority: 'eq.1' }), 400, '21000', 'more than 1000 rows')
      expect(await snapshot(env)).toEqual(before)
    })

    it('a PATCH and a DELETE matching exactly 1000 rows touch all of them', async () => {
      expect((await patch({ title: 'like.bulk-*' }, { priority: 2 })).status).toBe(204)
      expect(await countA({ priority: 'eq.2' })).toBe('1000')
      expect(await countA({ priority: 'eq.1' })).toBe('1')
      expect((await del({ priority: 'eq.2' })).status).toBe(204)
      expect(await titles(env, { select: 'title' })).toEqual(titlesA)
    })
  })

  describe('tenancy', () => {
    const asB = () => env.t.orgB.tokens.admin

    it('each org sees only its own notes', async () => {
      expect(await titles(env, { select: 'title' })).toEqual(titlesA)
      expect(await titles(env, { select: 'title' }, asB())).toEqual(titlesB)
    })

    it("org B cannot read A's notes through any filter", async () => {
      const aId = env.a.Alpha.id
      expect(await titles(env, { id: `eq.${aId}` }, asB())).toEqual([])
      expect(await titles(env, { id: `in.(${aId},${env.a.Zeta.id},${env.b.Alpha.id})` }, asB())).toEqual([
        'Alpha',
      ])
      expect(await titles(env, { or: `(id.eq.${aId},title.eq.Zeta)` }, asB())).toEqual([])
      expect(await titles(env, { or: `(id.eq.${aId},id.neq.${aId})` }, asB())).toEqual(titlesB)
      expect(await titles(env, { id: `not.eq.${aId}` }, asB())).toEqual(titlesB)
      expect(await titles(env, { 'not.or': `(id.eq.${env.b.Alpha.id})` }, asB())).toEqual(['B only'])
      expect(await titles(env, { org_id: `eq.${env.t.orgA.id}` }, asB())).toEqual([])
      expect(await titles(env, { org_id: `neq.${env.t.orgB.id}` }, asB())).toEqual([])
      const sameTitle = await call(env.app, 'GET', url({ select: 'id,title', title: 'eq.Alpha' }), {
        token: asB(),
      })
      expect(await sameTitle.json()).toStrictEqual([{ id: env.b.Alpha.id, title: 'Alpha' }])
    })

    it("org B's single-object read of A's id → 406 with 0 rows", async () => {
      const res = await call(env.app, 'GET', url({ id: `eq.${env.a.Alpha.id}` }), {
        token: asB(),
        headers: { Accept: SINGLE },
      })
      const err = await expectError(res, 406, 'PGRST116')
      expect(err.details).toBe('The result contains 0 rows')
    })

    it("org B's count covers its own rows only", async () => {
      const res = await call(env.app, 'GET', url(), { token: asB(), headers: { Prefer: 'count=exact' } })
      expect(res.headers.get('content-range')).toBe('0-1/2')
    })

    it("org B cannot PATCH A's notes: 204, nothing changed", async () => {
      const before = await snapshot(env)
      expect((await patch({ id: `eq.${env.a.Alpha.id}` }, { priority: 0 }, { token: asB() })).status).toBe(
        204,
      )
      const rep = await patch(
        { or: `(id.eq.${env.a.Alpha.id},id.eq.${env.a.Zeta.id})` },
        { priority: 0 },
        { token: asB(), headers: representation },
      )
      expect(rep.status).toBe(200)
      expect(await rep.json()).toEqual([])
      expect(await snapshot(env)).toEqual(before)
      const asA = await call(env.app, 'GET', url({ id: `eq.${env.a.Alpha.id}` }), {
        token: env.t.orgA.tokens.admin,
      })
      expect(await asA.json()).toStrictEqual([env.a.Alpha])
    })

    it('a PATCH by title in B changes only B’s note of that title', async () => {
      const res = await patch(
        { title: 'eq.Alpha' },
        { priority: 0 },
        { token: asB(), headers: representation },
      )
      expect(await res.json()).toStrictEqual([{ ...env.b.Alpha, priority: 0 }])
      const asA = await call(env.app, 'GET', url({ title: 'eq.Alpha' }), { token: env.t.orgA.tokens.admin })
      expect(await asA.json()).toStrictEqual([env.a.Alpha])
    })

    it("org B cannot DELETE A's notes: 204, nothing deleted", async () => {
      const before = await snapshot(env)
      expect((await del({ id: `eq.${env.a.Alpha.id}` }, { token: asB() })).status).toBe(204)
      expect((await del({ id: `in.(${env.a.Zeta.id})` }, { token: asB() })).status).toBe(204)
      expect(await snapshot(env)).toEqual(before)
      expect(await titles(env, { select: 'title' })).toEqual(titlesA)
    })

    it('a DELETE by title in B removes only B’s note of that title', async () => {
      expect((await del({ title: 'eq.Alpha' }, { token: asB() })).status).toBe(204)
      expect(await titles(env, { select: 'title' }, asB())).toEqual(['B only'])
      expect(await titles(env, { select: 'title' })).toEqual(titlesA)
    })

    it("a POST body with A's org_id → 400, nothing written", async () => {
      const before = await snapshot(env)
      const res = await post({ title: 'Planted', priority: 1, org_id: env.t.orgA.id }, { token: asB() })
      await expectError(res, 400, 'PGRST204', "'org_id'")
      expect(await snapshot(env)).toEqual(before)
    })

    it("org A's API key reads A's notes", async () => {
      const res = await call(env.app, 'GET', url({ select: 'title' }), {
        headers: { apikey: env.t.orgA.apiKey },
      })
      expect(res.status).toBe(200)
      expect(((await res.json()) as { title: string }[]).map((r) => r.title).sort()).toEqual(titlesA)
    })
  })

  describe('roles and authentication', () => {
    it.each(['agent', 'project_manager', 'team_admin', 'owner'] as const)(
      '%s can read notes (policy organizations)',
      async (role) => {
        expect(await titles(env, { select: 'title' }, env.t.orgA.tokens[role])).toEqual(titlesA)
      },
    )

    it.each(['agent', 'project_manager', 'team_admin'] as const)(
      '%s cannot POST, PATCH or DELETE: 403 42501, nothing changed',
      async (role) => {
        const token = env.t.orgA.tokens[role]
        const before = await snapshot(env)
        await expectError(
          await post({ title: 'Nope', priority: 1 }, { token }),
          403,
          '42501',
          'permission denied',
        )
        await expectError(
          await patch({ id: `eq.${env.a.Alpha.id}` }, { priority: 0 }, { token }),
          403,
          '42501',
        )
        await expectError(await del({ id: `eq.${env.a.Alpha.id}` }, { token }), 403, '42501')
        // Even a request that would fail validation is refused for the role first.
        await expectError(await patch({}, {}, { token }), 403, '42501')
        expect(await snapshot(env)).toEqual(before)
      },
    )

    it('owner can write', async () => {
      expect(
        (await post({ title: 'By owner', priority: 1 }, { token: env.t.orgA.tokens.owner })).status,
      ).toBe(201)
      expect(await titles(env, { title: 'eq.By owner' })).toEqual(['By owner'])
    })

    it('an API key (admin) can write', async () => {
      const res = await call(env.app, 'POST', url(), {
        body: { title: 'By key', priority: 1 },
        headers: { apikey: env.t.orgA.apiKey },
      })
      expect(res.status).toBe(201)
      expect(await titles(env, { title: 'eq.By key' })).toEqual(['By key'])
    })

    it.each(['GET', 'POST', 'PATCH', 'DELETE'])(
      '%s without a token → 401 PGRST301 with WWW-Authenticate',
      async (method) => {
        const before = await snapshot(env)
        const res = await call(
          env.app,
          method,
          url({ id: `eq.${env.a.Alpha.id}` }),
          method === 'GET' || method === 'DELETE' ? {} : { body: { priority: 0, title: 'x' } },
        )
        await expectError(res, 401, 'PGRST301', 'Missing credentials')
        expect(res.headers.get('www-authenticate')).toBe('Bearer realm="connectgain"')
        expect(await snapshot(env)).toEqual(before)
      },
    )

    it('a bad token → 401 PGRST301 with error="invalid_token"', async () => {
      const res = await call(env.app, 'GET', url(), { token: 'not-a-jwt' })
      await expectError(res, 401, 'PGRST301')
      expect(res.headers.get('www-authenticate')).toMatch(
        /^Bearer realm="connectgain", error="invalid_token"/,
      )
    })
  })

  describe('methods and resources', () => {
    it('PUT on a resource is a 4xx with the envelope, and writes nothing', async () => {
      const before = await snapshot(env)
      const res = await call(env.app, 'PUT', url({ id: `eq.${env.a.Alpha.id}` }), {
        token: env.t.orgA.tokens.admin,
        body: { title: 'Put', priority: 1 },
      })
      await expectError(res, 405, 'CG405')
      expect(res.headers.get('allow')).toBe('GET, POST, PATCH, DELETE')
      expect(await snapshot(env)).toEqual(before)
    })

    it('an unknown resource → 404 PGRST205 naming it', async () => {
      const res = await call(env.app, 'GET', url({}, 'nope'), { token: env.t.orgA.tokens.admin })
      const err = await expectError(res, 404, 'PGRST205', "'nope'")
      expect(err.hint).toBe('Available resources: organizations, notes')
      await expectError(
        await call(env.app, 'POST', url({}, 'nope'), { token: env.t.orgA.tokens.admin, body: { a: 1 } }),
        404,
        'PGRST205',
      )
    })

    it('organizations is still served, from the same registry, scoped to the caller', async () => {
      const res = await call(env.app, 'GET', url({ select: 'id' }, 'organizations'), {
        token: env.t.orgB.tokens.agent,
      })
      expect(res.status).toBe(200)
      expect(await res.json()).toStrictEqual([{ id: env.t.orgB.id }])
    })
  })
})
