/** @module A query shape names its SQL text exactly: the prepared-query cache never runs another shape's SQL. */
import { organizations } from '@connectgain/db'
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import { filterShape, filterToSql } from './filters.ts'
import { placeholders } from './prepared.ts'
import { parseQuery } from './query.ts'

const dialect = new SQLiteAsyncDialect()
const columns = { id: organizations.id, name: organizations.name, slug: organizations.slug }

/** The shape, SQL text and bound values of the filters of `search`. */
function compile(search: string) {
  const { filters } = parseQuery(new URLSearchParams(search))
  const values: Record<string, unknown> = {}
  const bind = placeholders(values)
  const texts = filters.map((f) => dialect.sqlToQuery(filterToSql(f, columns, 'organizations', bind)).sql)
  return { shape: filters.map(filterShape).join('&'), sql: texts.join(' AND '), values }
}

const sameShape = [
  ['name=eq.a', 'name=eq.b'],
  ['name=not.eq.a', 'name=not.eq.zzz'],
  ['name=like.A*', 'name=like.*b*'],
  ['slug=in.(a,b)', 'slug=in.(c,"d,e")'],
  ['or=(name.eq.a,and(slug.eq.b,id.neq.c))', 'or=(name.eq.x,and(slug.eq.y,id.neq.z))'],
  ['name=is.null', 'name=is.null'],
]
const otherShape = [
  ['name=eq.a', 'name=neq.a'],
  ['name=eq.a', 'slug=eq.a'],
  ['name=eq.a', 'name=not.eq.a'],
  ['name=like.a', 'name=ilike.a'],
  ['slug=in.(a,b)', 'slug=in.(a,b,c)'],
  ['slug=in.()', 'slug=in.(a)'],
  ['name=is.null', 'name=is.not_null'],
  ['name=is.true', 'name=is.false'],
  ['or=(name.eq.a,slug.eq.b)', 'and=(name.eq.a,slug.eq.b)'],
  ['or=(name.eq.a,slug.eq.b)', 'not.or=(name.eq.a,slug.eq.b)'],
  ['or=(name.eq.a,or(slug.eq.b,id.eq.c))', 'or=(name.eq.a,slug.eq.b,id.eq.c)'],
]

describe('filterShape', () => {
  it.each(sameShape)('%s and %s: one shape, one SQL text, other values', (a, b) => {
    const [x, y] = [compile(a), compile(b)]
    expect(x.shape).toBe(y.shape)
    expect(x.sql).toBe(y.sql)
  })

  // (Two shapes may still give one text, `or(x)` and `x` say: the cache then keeps it twice, harmlessly.)
  it.each(otherShape)('%s and %s: other shapes, other SQL', (a, b) => {
    const [x, y] = [compile(a), compile(b)]
    expect(x.shape).not.toBe(y.shape)
    expect(x.sql).not.toBe(y.sql)
  })

  it('binds every value as a placeholder, never as SQL text', () => {
    const { sql, values } = compile(`name=eq.'; drop table organizations; --&slug=in.(a,b)`)
    expect(sql).not.toContain('drop')
    expect(Object.values(values)).toEqual(["'; drop table organizations; --", 'a', 'b'])
  })
})
