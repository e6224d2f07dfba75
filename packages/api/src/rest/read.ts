/** @module GET `/rest/v1/{resource}`: filtered, ordered, paged rows of the caller's scope. */
import { asc, count, desc, sql } from 'drizzle-orm'
import { ApiError } from '../errors.ts'
import { requestHeader } from '../middleware/headers.ts'
import { placeholders, preparedQuery } from './prepared.ts'
import { MAX_LIMIT, parseRange } from './query.ts'
import type { Row } from './registry.ts'
import { column, notOneRow, type RestRequest, reader, respond, where, whereShape } from './request.ts'

export async function select(r: RestRequest): Promise<Response> {
  const { db } = r.c.get('deps')
  const range = parseRange(requestHeader(r.c, 'range'))
  const offset = r.query.offset ?? range?.offset ?? 0
  const limit = Math.min(r.query.limit ?? range?.limit ?? MAX_LIMIT, MAX_LIMIT)
  const orderBy = r.query.order.map((o) => {
    const col = column(r, o.column)
    // PostgreSQL's defaults (what PostgREST users expect): NULLs sort last ascending, first descending.
    const nulls = o.nulls ?? (o.direction === 'asc' ? 'last' : 'first')
    return sql`${o.direction === 'asc' ? asc(col) : desc(col)} nulls ${sql.raw(nulls)}`
  })
  const read = reader(r)
  // Values become placeholders; the SQL is built once per shape (the filters, columns and order, not values).
  const values: Record<string, unknown> = { limit, offset }
  const filter = where(r, placeholders(values))
  const shape = `${whereShape(r)}|${Object.keys(read.fetch).join(',')}|${r.query.order
    .map((o) => `${o.column}.${o.direction}.${o.nulls ?? ''}`)
    .join(',')}`
  const rows = await preparedQuery<Row[]>(db, r.resource, `rows|${shape}`, () =>
    db
      .select(read.fetch)
      .from(r.resource.table)
      .where(filter)
      .orderBy(...orderBy)
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(),
  ).all(values)
  let total: number | undefined
  if (r.prefer.count) {
    const counting = preparedQuery<{ n: number }[]>(db, r.resource, `count|${whereShape(r)}`, () =>
      db.select({ n: count() }).from(r.resource.table).where(filter).prepare(),
    )
    const [counted] = await counting.all(values)
    total = counted?.n ?? 0
  }
  if (r.single && rows.length !== 1) throw notOneRow(rows.length)
  // PostgREST's rule: only an offset past the last row is unsatisfiable; offset == total is an empty page.
  if (total !== undefined && offset > total) {
    throw new ApiError('PGRST103', 'Requested range not satisfiable', {
      details: `An offset of ${offset} was requested, but there are only ${total} rows.`,
      headers: { 'Content-Range': `*/${total}` },
    })
  }
  const span = rows.length ? `${offset}-${offset + rows.length - 1}` : '*'
  const partial = total !== undefined && rows.length < total
  return respond(r, await read.shape(rows), partial ? 206 : 200, {
    'Content-Range': `${span}/${total ?? '*'}`,
  })
}
