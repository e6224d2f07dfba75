/** @module One REST request resolved once: its resource, caller, scope, query, and how rows are read and shaped. */
import { type Action, can } from '@connectgain/contracts'
import { and, eq, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Context } from 'hono'
import type { Caller } from '../caller.ts'
import { ApiError } from '../errors.ts'
import { requireCaller } from '../middleware/auth.ts'
import { requestHeader } from '../middleware/headers.ts'
import type { AppEnv } from '../types.ts'
import { CSV, toCsv } from './csv.ts'
import { type Bind, filterShape, filterToSql, unknownColumn } from './filters.ts'
import { checkUrlLength, type ParsedQuery, type Prefer, parsePrefer, parseQuery } from './query.ts'
import {
  filterableFor,
  type Operation,
  operations,
  type Registry,
  type Resource,
  type Row,
  readableFor,
  type WriteEvent,
} from './registry.ts'

export const SINGLE_OBJECT = 'application/vnd.pgrst.object+json'

/** Everything a handler needs about one request, resolved and checked once. */
export interface RestRequest {
  c: Context<AppEnv>
  registry: Registry
  resource: Resource
  caller: Caller
  /** The columns this caller reads: the resource's readable ones, or fewer for a role its `columnsFor` limits. */
  readable: string[]
  /** Of those, the stored ones: what filters and `order=` may name. */
  columns: Readonly<Record<string, SQLiteColumn>>
  query: ParsedQuery
  single: boolean
  /** `Accept: text/csv`: a GET answers CSV. */
  csv: boolean
  prefer: Prefer
}

/**
 * The request's resource, caller and query, checked in this order: the resource exists (404), the caller is
 * signed in (401), the resource allows the method at all (405, whatever the role), the caller may (403).
 */
export function resolve(c: Context<AppEnv>, registry: Registry, op: Operation): RestRequest {
  const action: Action = op === 'select' ? 'read' : 'write'
  const name = c.req.param('resource') ?? ''
  const resource = registry.get(name)
  if (!resource) {
    throw new ApiError('PGRST205', `Could not find the resource '${name}'`, {
      hint: `Available resources: ${[...registry.keys()].join(', ')}`,
    })
  }
  const caller = requireCaller(c)
  if (!operations(resource).includes(op)) throw methodNotAllowed(resource, c.req.method)
  if (resource.scope === 'user' && caller.kind !== 'session') {
    throw new ApiError('42501', `${resource.name} holds each member's own rows: an API key has none`, {
      hint: "Call it with the member's session token (your backend mints one with POST /functions/v1/sessions)",
    })
  }
  if (action === 'write' && caller.kind === 'api_key' && caller.scope === 'read_only') {
    throw new ApiError(
      '42501',
      `permission denied to write ${resource.name}: this API key's scope is read_only`,
      {
        hint: 'Use an API key with the full scope to change data',
      },
    )
  }
  if (!can(caller.role, action, resource.policy)) {
    throw new ApiError('42501', `permission denied to ${action} ${resource.name}`, {
      hint: `The ${caller.role} role cannot ${action} ${resource.name}`,
    })
  }
  const url = new URL(c.req.url)
  checkUrlLength(url)
  return {
    c,
    registry,
    resource,
    caller,
    readable: readableFor(resource, caller.role),
    columns: filterableFor(resource, caller.role),
    query: parseQuery(url.searchParams),
    single: (requestHeader(c, 'accept') ?? '').includes(SINGLE_OBJECT),
    csv: op === 'select' && (requestHeader(c, 'accept') ?? '').includes(CSV),
    prefer: parsePrefer(requestHeader(c, 'prefer')),
  }
}

/** A filterable, orderable column; derived and secret columns are not, nor those the caller's role does not read. */
export function column(r: RestRequest, name: string): SQLiteColumn {
  const col = r.columns[name]
  if (!col) throw unknownColumn(r.resource.name, name, Object.keys(r.columns))
  return col
}

/** The rows the caller may see at all: their org's, and for a `user` resource only their own. */
export function scopeSql(resource: Resource, caller: Caller, bind: Bind = (v) => v): SQL {
  const orgColumn = resource.stored[resource.orgColumn] as SQLiteColumn
  const org = eq(orgColumn, bind(caller.orgId, orgColumn))
  if (resource.scope === 'org' || caller.kind !== 'session') return org
  const userColumn = resource.stored.user_id as SQLiteColumn
  return and(org, eq(userColumn, bind(caller.userId, userColumn))) as SQL
}

/** The scope AND every filter: the only WHERE any statement of a request gets. */
export function where(r: RestRequest, bind?: Bind): SQL {
  const filters = r.query.filters.map((f) => filterToSql(f, r.columns, r.resource.name, bind))
  return and(scopeSql(r.resource, r.caller, bind), ...filters) as SQL
}

/** What of `where(r)` shapes its SQL text (see filterShape): the scope and the filters, values left out. */
export function whereShape(r: RestRequest): string {
  const scope = r.resource.scope === 'user' && r.caller.kind === 'session' ? 'user' : 'org'
  return `${scope}:${r.query.filters.map(filterShape).join('&')}`
}

/** How rows are read for this request: which stored columns to fetch, and the output row for a stored one. */
export interface Reader {
  fetch: Record<string, SQLiteColumn>
  /** The output rows for stored ones, in order; `written` says, per row, what this request just did to it. */
  shape(rows: Row[], written?: readonly WriteEvent['op'][]): Promise<Row[]>
}

/**
 * `select=` (or every column the caller reads) as a reader. Derived columns and `afterRead` see the whole stored
 * row; the output holds only the selected columns the caller reads, so a secret never leaves, whatever is asked.
 */
export function reader(r: RestRequest): Reader {
  const { resource, readable } = r
  const items = r.query.select ?? readable.map((c) => ({ column: c, alias: undefined }))
  for (const item of items) {
    if (!readable.includes(item.column)) throw unknownColumn(resource.name, item.column, readable)
  }
  const fetch = resource.afterRead
    ? (resource.stored as Record<string, SQLiteColumn>)
    : Object.fromEntries(items.map((i) => [i.column, resource.columns[i.column] as SQLiteColumn]))
  const { config, clock } = r.c.get('deps')
  const pick = (row: Row) => Object.fromEntries(items.map((i) => [i.alias ?? i.column, row[i.column]]))
  const { afterRead } = resource
  const url = r.c.req.url
  return {
    fetch,
    shape: afterRead
      ? async (rows, written) => {
          const now = clock.now()
          const shaped = rows.map((row, i) => {
            const op = written?.[i]
            return afterRead(row, { config, now, caller: r.caller, url, ...(op ? { written: op } : {}) })
          })
          return (await Promise.all(shaped)).map(pick)
        }
      : async (rows) => rows.map(pick),
  }
}

export function notOneRow(n: number): ApiError {
  return new ApiError('PGRST116', 'JSON object requested, multiple (or no) rows returned', {
    details: `The result contains ${n} rows`,
  })
}

/** The rows as JSON (an array, or one object for a single-object Accept), or as CSV for `Accept: text/csv`. */
export function respond(r: RestRequest, rows: Row[], status: 200 | 201 | 206, headers = {}): Response {
  if (r.csv) {
    const columns = r.query.select?.map((item) => item.alias ?? item.column) ?? r.readable
    return r.c.body(toCsv(columns, rows), status, { ...headers, 'Content-Type': `${CSV}; charset=utf-8` })
  }
  const body = r.single ? rows[0] : rows
  return r.c.json(body, status, {
    ...headers,
    'Content-Type': `${r.single ? SINGLE_OBJECT : 'application/json'}; charset=utf-8`,
  })
}

const methods = { select: 'GET', insert: 'POST', update: 'PATCH', delete: 'DELETE' } as const

export function methodNotAllowed(resource: Resource, what = 'this method'): ApiError {
  const allow = operations(resource).map((op) => methods[op])
  return new ApiError('CG405', `${resource.name} does not support ${what}`, {
    hint: `Allowed: ${allow.join(', ')}`,
    headers: { Allow: allow.join(', ') },
  })
}
