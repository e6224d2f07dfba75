/** @module `/rest/v1/{resource}`: PostgREST-style CRUD over the registry, scoped to the caller's org. */
import { type Action, can } from '@connectgain/contracts'
import { newId } from '@connectgain/db'
import { and, asc, count, desc, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { type Context, Hono } from 'hono'
import type { Caller } from '../caller.ts'
import { ApiError } from '../errors.ts'
import { requireCaller } from '../middleware/auth.ts'
import { readJsonBody } from '../middleware/body.ts'
import type { AppEnv } from '../types.ts'
import { type Columns, filterToSql, unknownColumn } from './filters.ts'
import { MAX_LIMIT, type ParsedQuery, parsePrefer, parseQuery, parseRange } from './query.ts'
import { operations, type Registry, type Resource, readableColumns } from './registry.ts'
import { parseBody } from './validate.ts'

const SINGLE_OBJECT = 'application/vnd.pgrst.object+json'

/** Everything a handler needs about one request, resolved and checked once. */
interface RestRequest {
  c: Context<AppEnv>
  resource: Resource
  caller: Caller
  query: ParsedQuery
  columns: Columns
  single: boolean
  prefer: ReturnType<typeof parsePrefer>
}

function resolve(c: Context<AppEnv>, registry: Registry, action: Action): RestRequest {
  const name = c.req.param('resource') ?? ''
  const resource = registry.get(name)
  if (!resource) {
    throw new ApiError('PGRST205', `Could not find the resource '${name}'`, {
      hint: `Available resources: ${[...registry.keys()].join(', ')}`,
    })
  }
  const caller = requireCaller(c)
  if (!can(caller.role, action, resource.policy)) {
    throw new ApiError('42501', `permission denied to ${action} ${resource.name}`, {
      hint: `The ${caller.role} role cannot ${action} ${resource.name}`,
    })
  }
  const all = getTableColumns(resource.table) as Columns
  const columns = Object.fromEntries(readableColumns(resource).flatMap((k) => (all[k] ? [[k, all[k]]] : [])))
  return {
    c,
    resource,
    caller,
    query: parseQuery(new URL(c.req.url).searchParams),
    columns,
    single: (c.req.header('accept') ?? '').includes(SINGLE_OBJECT),
    prefer: parsePrefer(c.req.header('prefer')),
  }
}

function column(r: RestRequest, name: string): SQLiteColumn {
  const col = r.columns[name]
  if (!col) throw unknownColumn(r.resource.name, name, Object.keys(r.columns))
  return col
}

/** The `select=` projection: output key → column. */
function projection(r: RestRequest): Record<string, SQLiteColumn> {
  if (!r.query.select) return r.columns
  return Object.fromEntries(r.query.select.map((item) => [item.alias ?? item.column, column(r, item.column)]))
}

/** The caller's org scope AND every filter: the only WHERE any statement here gets. */
function where(r: RestRequest): SQL {
  const scope = sql`${r.resource.orgColumn} = ${r.caller.orgId}`
  return and(scope, ...r.query.filters.map((f) => filterToSql(f, r.columns, r.resource.name))) as SQL
}

function notOneRow(n: number): ApiError {
  return new ApiError('PGRST116', 'JSON object requested, multiple (or no) rows returned', {
    details: `The result contains ${n} rows`,
  })
}

function respond(
  r: RestRequest,
  rows: Record<string, unknown>[],
  status: 200 | 201 | 206,
  headers = {},
): Response {
  const body = r.single ? rows[0] : rows
  return r.c.json(body, status, {
    ...headers,
    'Content-Type': `${r.single ? SINGLE_OBJECT : 'application/json'}; charset=utf-8`,
  })
}

async function select(r: RestRequest): Promise<Response> {
  const { db } = r.c.get('deps')
  const range = parseRange(r.c.req.header('range'))
  const offset = r.query.offset ?? range?.offset ?? 0
  const limit = Math.min(r.query.limit ?? range?.limit ?? MAX_LIMIT, MAX_LIMIT)
  const orderBy = r.query.order.map((o) => {
    const col = column(r, o.column)
    // PostgreSQL's defaults (what PostgREST users expect): NULLs sort last ascending, first descending.
    const nulls = o.nulls ?? (o.direction === 'asc' ? 'last' : 'first')
    return sql`${o.direction === 'asc' ? asc(col) : desc(col)} nulls ${sql.raw(nulls)}`
  })
  const filter = where(r)
  const rows = await db
    .select(projection(r))
    .from(r.resource.table)
    .where(filter)
    .orderBy(...orderBy)
    .limit(limit)
    .offset(offset)
  let total: number | undefined
  if (r.prefer.count) {
    const [counted] = await db.select({ n: count() }).from(r.resource.table).where(filter)
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
  return respond(r, rows, partial ? 206 : 200, { 'Content-Range': `${span}/${total ?? '*'}` })
}

function requireFilter(r: RestRequest, verb: 'PATCH' | 'DELETE'): void {
  if (r.query.filters.length === 0) {
    throw new ApiError('21000', `${verb} requires a filter`, {
      hint: `Add a filter such as ?id=eq.<id>: a ${verb} that touches every row is refused`,
    })
  }
  if (r.query.limit !== undefined || r.query.offset !== undefined) {
    throw new ApiError('PGRST100', `'limit' and 'offset' are not supported on ${verb}`, {
      hint: 'Narrow the rows with filters instead',
    })
  }
}

/** Ids of the rows a write will touch; with a single-object Accept, refuses (writing nothing) unless exactly one. */
async function targetIds(r: RestRequest): Promise<string[]> {
  const { db } = r.c.get('deps')
  const idColumn = getTableColumns(r.resource.table).id as SQLiteColumn
  const rows = await db
    .select({ id: idColumn })
    .from(r.resource.table)
    .where(where(r))
    .limit(MAX_LIMIT + 1)
  if (r.single && rows.length !== 1) throw notOneRow(rows.length)
  // Only the first MAX_LIMIT + 1 ids are read: writing those alone would silently skip the rest.
  if (rows.length > MAX_LIMIT) {
    throw new ApiError('21000', `${r.c.req.method} would touch more than ${MAX_LIMIT} rows`, {
      hint: `Narrow the filter: at most ${MAX_LIMIT} rows per request`,
    })
  }
  return rows.map((row) => String(row.id))
}

function written(r: RestRequest, rows: Record<string, unknown>[], created: boolean): Response {
  const applied: Record<string, string> = r.prefer.return
    ? { 'Preference-Applied': `return=${r.prefer.return}` }
    : {}
  if (r.prefer.return === 'representation') return respond(r, rows, created ? 201 : 200, applied)
  return r.c.body(null, created ? 201 : 204, applied)
}

async function insert(r: RestRequest): Promise<Response> {
  const schema = r.resource.insert
  if (!schema) throw methodNotAllowed(r.resource)
  const body = await readJsonBody(r.c)
  const items = Array.isArray(body) ? body : [body]
  if (items.length === 0 || items.length > MAX_LIMIT) {
    throw new ApiError('PGRST102', `Send between 1 and ${MAX_LIMIT} rows`, { details: `got ${items.length}` })
  }
  const { db, clock } = r.c.get('deps')
  const now = clock.now().toISOString()
  const values = items.map((item) => ({
    ...parseBody(schema, item, r.resource.name),
    id: newId(r.resource.idPrefix),
    org_id: r.caller.orgId,
    created_at: now,
    ...(r.resource.touchesUpdatedAt ? { updated_at: now } : {}),
  }))
  if (r.single && values.length !== 1) throw notOneRow(values.length)
  // The registry erases each table's insert type; the contract schema above already shaped `values`.
  const [rows] = await db.batch([
    db
      .insert(r.resource.table)
      .values(values as never)
      .returning(projection(r)),
  ])
  return written(r, rows as Record<string, unknown>[], true)
}

async function update(r: RestRequest): Promise<Response> {
  const schema = r.resource.update
  if (!schema) throw methodNotAllowed(r.resource)
  requireFilter(r, 'PATCH')
  const patch = parseBody(schema, await readJsonBody(r.c), r.resource.name)
  if (Object.keys(patch).length === 0) {
    throw new ApiError('PGRST102', 'Request body has no columns to update', {
      hint: 'Send {"column": value}',
    })
  }
  const ids = await targetIds(r)
  if (ids.length === 0) return written(r, [], false)
  const { db, clock } = r.c.get('deps')
  const set = r.resource.touchesUpdatedAt ? { ...patch, updated_at: clock.now().toISOString() } : patch
  const idColumn = getTableColumns(r.resource.table).id as SQLiteColumn
  const [rows] = await db.batch([
    db
      .update(r.resource.table)
      .set(set)
      .where(and(where(r), inArray(idColumn, ids)))
      .returning(projection(r)),
  ])
  return written(r, rows as Record<string, unknown>[], false)
}

async function remove(r: RestRequest): Promise<Response> {
  if (!r.resource.deletable) throw methodNotAllowed(r.resource)
  requireFilter(r, 'DELETE')
  const ids = await targetIds(r)
  if (ids.length === 0) return written(r, [], false)
  const { db } = r.c.get('deps')
  const idColumn = getTableColumns(r.resource.table).id as SQLiteColumn
  const [rows] = await db.batch([
    db
      .delete(r.resource.table)
      .where(and(where(r), inArray(idColumn, ids)))
      .returning(projection(r)),
  ])
  return written(r, rows as Record<string, unknown>[], false)
}

const methods = { select: 'GET', insert: 'POST', update: 'PATCH', delete: 'DELETE' } as const

function methodNotAllowed(resource: Resource): ApiError {
  const allow = operations(resource).map((op) => methods[op])
  return new ApiError('CG405', `${resource.name} does not support this method`, {
    hint: `Allowed: ${allow.join(', ')}`,
    headers: { Allow: allow.join(', ') },
  })
}

export function restRoutes(registry: Registry): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/:resource', (c) => select(resolve(c, registry, 'read')))
  app.post('/:resource', (c) => insert(resolve(c, registry, 'write')))
  app.patch('/:resource', (c) => update(resolve(c, registry, 'write')))
  app.delete('/:resource', (c) => remove(resolve(c, registry, 'write')))
  app.all('/:resource', (c) => {
    throw methodNotAllowed(resolve(c, registry, 'read').resource)
  })
  return app
}
