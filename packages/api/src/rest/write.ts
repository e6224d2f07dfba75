/**
 * @module POST, PATCH and DELETE on `/rest/v1/{resource}`, and PostgREST upserts. Each request is one
 * `db.batch`: the rows it writes plus whatever the hooks add (commit.ts: the audit log, an outbox row).
 */
import { newId } from '@connectgain/db'
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { inBackground } from '../background.ts'
import { ApiError } from '../errors.ts'
import { readJsonBody } from '../middleware/body.ts'
import { chunks, MAX_BOUND_PARAMETERS } from './chunks.ts'
import { commitBatch, runRequestHooks } from './commit.ts'
import { conflictTarget } from './conflict.ts'
import { MAX_LIMIT } from './query.ts'
import {
  type Resource,
  type Row,
  readableColumns,
  type Statement,
  type WriteContext,
  type WriteEvent,
} from './registry.ts'
import {
  methodNotAllowed,
  notOneRow,
  type Reader,
  type RestRequest,
  reader,
  respond,
  scopeSql,
  where,
} from './request.ts'
import { parseBody } from './validate.ts'

function writeContext(r: RestRequest): WriteContext {
  const { db, clock, config } = r.c.get('deps')
  return { db, caller: r.caller, now: clock.now().toISOString(), config }
}

/** The values of the columns the server sets on a new row. */
function serverValues(resource: Resource, ctx: WriteContext): Row {
  const { caller, now } = ctx
  const values: Record<(typeof SERVER_VALUE_ORDER)[number], unknown> = {
    id: newId(resource.idPrefix),
    org_id: caller.orgId,
    user_id: caller.kind === 'session' ? caller.userId : null,
    created_at: now,
    updated_at: now,
    created_by: caller.kind === 'session' ? caller.userId : caller.keyId,
  }
  return Object.fromEntries(
    SERVER_VALUE_ORDER.filter((c) => resource.serverColumns.has(c)).map((c) => [c, values[c]]),
  )
}
const SERVER_VALUE_ORDER = ['id', 'org_id', 'user_id', 'created_at', 'updated_at', 'created_by'] as const

/** The table's column defaults, so an insert's "after" row is what the database will hold. */
function defaults(resource: Resource): Row {
  return Object.fromEntries(
    Object.entries(resource.stored).flatMap(([name, col]) =>
      col.default !== undefined && !(col.default instanceof Object && 'queryChunks' in col.default)
        ? [[name, col.default]]
        : [],
    ),
  )
}

/** A body validated by `schema` and turned into stored columns by the resource's `beforeWrite`. */
async function toStored(
  r: RestRequest,
  ctx: WriteContext,
  schema: Resource['insert'],
  body: unknown,
): Promise<Row> {
  const op = schema === r.resource.insert ? 'insert' : 'update'
  const parsed = parseBody(schema as NonNullable<Resource['insert']>, body, r.resource.name, {
    serverColumns: r.resource.serverColumns,
    readOnly: { columns: new Set(readableColumns(r.resource)), op },
  })
  return r.resource.beforeWrite ? r.resource.beforeWrite(parsed, { ...ctx, op }) : parsed
}

/**
 * Refuses rows that name, in a `references` column, an id that is not a row of the caller's org: one read per
 * referenced resource (chunked under D1's parameter limit), before anything is written.
 */
async function checkReferences(r: RestRequest, ctx: WriteContext, rows: Row[]): Promise<void> {
  for (const [column, target] of Object.entries(r.resource.references ?? {})) {
    const ids = [...new Set(rows.map((row) => row[column]).filter((v): v is string => typeof v === 'string'))]
    if (ids.length === 0) continue
    const referenced = r.registry.get(target)
    if (!referenced) throw new Error(`${r.resource.name}.${column}: no resource '${target}'`)
    const idColumn = referenced.stored.id as SQLiteColumn
    const orgColumn = referenced.stored[referenced.orgColumn] as SQLiteColumn
    const found = new Set<unknown>()
    for (const some of chunks(ids, MAX_BOUND_PARAMETERS - 1)) {
      const hits = await ctx.db
        .select({ id: idColumn })
        .from(referenced.table)
        .where(and(eq(orgColumn, ctx.caller.orgId), inArray(idColumn, some)))
      for (const hit of hits) found.add(hit.id)
    }
    const missing = ids.find((id) => !found.has(id))
    if (missing !== undefined) {
      throw new ApiError('23503', `${column}: no ${referenced.singular} '${missing}' in this organization`, {
        details: [
          {
            field: column,
            message: `No ${referenced.singular} with this id in this organization`,
            issue: 'reference',
          },
        ],
        hint: `List them with GET /rest/v1/${referenced.name}`,
      })
    }
  }
}

/**
 * Runs the request hooks over `events`, builds the writes from what they leave (an insert's rows as the hooks left
 * them), and commits all of it as one batch; returns the written rows, shaped for output.
 */
async function commit(
  r: RestRequest,
  ctx: WriteContext,
  read: Reader,
  events: WriteEvent[],
  build: () => Statement[],
): Promise<Row[]> {
  if (events.length === 0) return []
  const added = await runRequestHooks(r.resource, events, ctx)
  const writes = build()
  const outbox = r.c.get('deps').outbox
  const results = (await commitBatch(
    r.resource,
    ctx,
    { writes, events, added },
    { registry: r.registry, onOutbox: outbox && (() => inBackground(r.c, outbox.kick())) },
  )) as Row[][]
  // An upsert writes one row per statement, in the order of its events; every other write does one kind of op.
  const ops = results.flatMap((rows, i) => rows.map(() => (events[i] ?? (events[0] as WriteEvent)).op))
  return read.shape(results.flat(), ops)
}

function written(r: RestRequest, rows: Row[], created: boolean): Response {
  const applied: string[] = []
  if (r.prefer.return) applied.push(`return=${r.prefer.return}`)
  if (r.prefer.resolution && r.query.onConflict) applied.push(`resolution=${r.prefer.resolution}`)
  const headers: Record<string, string> = applied.length ? { 'Preference-Applied': applied.join(', ') } : {}
  if (r.prefer.return === 'representation') return respond(r, rows, created ? 201 : 200, headers)
  return r.c.body(null, created ? 201 : 204, headers)
}

export async function insert(r: RestRequest): Promise<Response> {
  const { resource } = r
  if (!resource.insert) throw methodNotAllowed(resource)
  const read = reader(r)
  const body = await readJsonBody(r.c)
  const items: unknown[] = Array.isArray(body) ? body : [body]
  if (items.length === 0 || items.length > MAX_LIMIT) {
    throw new ApiError('PGRST102', `Send between 1 and ${MAX_LIMIT} rows`, { details: `got ${items.length}` })
  }
  if (r.single && items.length !== 1) throw notOneRow(items.length)
  const ctx = writeContext(r)
  const rows: Row[] = []
  for (const item of items)
    rows.push({ ...(await toStored(r, ctx, resource.insert, item)), ...serverValues(resource, ctx) })
  await checkReferences(r, ctx, rows)
  if (r.prefer.resolution && r.query.onConflict) return upsert(r, ctx, read, items, rows)
  const base = defaults(resource)
  const events = rows.map(
    (row): WriteEvent => ({
      op: 'insert',
      resource,
      before: null,
      after: { ...base, ...row },
      caller: r.caller,
    }),
  )
  // Every column of the table is a parameter of each row.
  const perStatement = MAX_BOUND_PARAMETERS / Object.keys(resource.stored).length
  const build = () =>
    chunks(
      events.map((e) => e.after),
      perStatement,
    ).map((some) =>
      ctx.db
        .insert(resource.table)
        .values(some as never)
        .returning(read.fetch),
    )
  return written(r, await commit(r, ctx, read, events, build), true)
}

/**
 * PostgREST's upsert: rows that match an existing one on `on_conflict` (plus the scope columns) are
 * updated with the columns the body sent (`merge-duplicates`) or left alone (`ignore-duplicates`);
 * the rest are inserted. Each row's statement knows whether it inserts or updates, so hooks see both.
 */
async function upsert(
  r: RestRequest,
  ctx: WriteContext,
  read: Reader,
  items: unknown[],
  rows: Row[],
): Promise<Response> {
  const { resource } = r
  const merge = r.prefer.resolution === 'merge-duplicates'
  if (merge && !resource.update) throw methodNotAllowed(resource, 'resolution=merge-duplicates')
  const target = conflictTarget(resource, r.query.onConflict ?? [])
  const key = (row: Row) => JSON.stringify(target.map((c) => row[c]))
  const keys = rows.map(key)
  if (new Set(keys).size !== keys.length) {
    throw new ApiError('21000', 'The body names the same row twice', {
      hint: `Each row must differ in ${target.join(', ')}`,
    })
  }
  const found = await existingRows(r, target, rows)
  const base = defaults(resource)
  const id = resource.stored.id as SQLiteColumn
  const events: WriteEvent[] = []
  /** Per event, the columns a merge sets (an insert writes its whole `after`). */
  const sets = new Map<WriteEvent, Row>()
  for (const [i, row] of rows.entries()) {
    const before = found.get(i)
    if (!before) {
      events.push({ op: 'insert', resource, before: null, after: { ...base, ...row }, caller: r.caller })
    } else if (merge) {
      // Only the columns this body sent: a default must not overwrite what the row holds.
      let set = await toStored(r, ctx, resource.update, items[i])
      if (resource.mergeUpdate) set = await resource.mergeUpdate(set, before, ctx)
      if (resource.serverColumns.has('updated_at')) set.updated_at = ctx.now
      const event: WriteEvent = {
        op: 'update',
        resource,
        before,
        after: { ...before, ...set },
        caller: r.caller,
      }
      events.push(event)
      sets.set(event, set)
    }
  }
  const build = () =>
    events.map((event) => {
      const set = sets.get(event)
      return set
        ? ctx.db
            .update(resource.table)
            .set(set)
            .where(and(scopeSql(resource, r.caller), eq(id, event.before?.id)))
            .returning(read.fetch)
        : ctx.db
            .insert(resource.table)
            .values(event.after as never)
            .returning(read.fetch)
    })
  return written(r, await commit(r, ctx, read, events, build), true)
}

/**
 * The stored row each input row meets on `target`, by input index. The match runs in SQL, so that a
 * column's collation (tag names are unique case-insensitively) decides, as the unique index does.
 */
async function existingRows(r: RestRequest, target: string[], rows: Row[]): Promise<Map<number, Row>> {
  const { resource } = r
  const { db } = r.c.get('deps')
  const names = target.map((_, k) => sql.raw(`c${k}`))
  const on = sql.join(
    target.map((c, k) => sql`${resource.stored[c]} = input.${names[k]}`),
    sql` AND `,
  )
  const id = resource.stored.id as SQLiteColumn
  const indexed = rows.map((row, i) => ({ row, i }))
  const matched: { i: number; id: string }[] = []
  // Each input row binds its index and its target values; the scope binds two more.
  for (const some of chunks(indexed, (MAX_BOUND_PARAMETERS - 2) / (target.length + 1))) {
    const values = sql.join(
      some.map(
        ({ row, i }) =>
          sql`(${i}, ${sql.join(
            target.map((c) => sql`${row[c]}`),
            sql`, `,
          )})`,
      ),
      sql`, `,
    )
    matched.push(
      ...(await db.all<{ i: number; id: string }>(
        sql`WITH input(i, ${sql.join(names, sql`, `)}) AS (VALUES ${values})
            SELECT input.i AS i, ${id} AS id FROM input JOIN ${resource.table} ON ${on}
            WHERE ${scopeSql(resource, r.caller)}`,
      )),
    )
  }
  const stored: Row[] = []
  for (const some of chunks(matched, MAX_BOUND_PARAMETERS)) {
    const ids = some.map((m) => m.id)
    stored.push(...((await db.select().from(resource.table).where(inArray(id, ids))) as Row[]))
  }
  const byId = new Map(stored.map((row) => [String((row as Row).id), row as Row]))
  return new Map(matched.flatMap((m) => (byId.has(m.id) ? [[Number(m.i), byId.get(m.id) as Row]] : [])))
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

/** The stored rows a write will touch; with a single-object Accept, refuses (writing nothing) unless exactly one. */
async function targetRows(r: RestRequest): Promise<Row[]> {
  const { db } = r.c.get('deps')
  const rows = (await db
    .select()
    .from(r.resource.table)
    .where(where(r))
    .limit(MAX_LIMIT + 1)) as Row[]
  if (r.single && rows.length !== 1) throw notOneRow(rows.length)
  // Only the first MAX_LIMIT + 1 rows are read: writing those alone would silently skip the rest.
  if (rows.length > MAX_LIMIT) {
    throw new ApiError('21000', `${r.c.req.method} would touch more than ${MAX_LIMIT} rows`, {
      hint: `Narrow the filter: at most ${MAX_LIMIT} rows per request`,
    })
  }
  return rows
}

const idColumn = (resource: Resource) => resource.stored.id as SQLiteColumn

/** The ids of `rows` in runs that fit one statement beside `others` parameters and the scope's two. */
const idChunks = (rows: Row[], others: number) =>
  chunks(
    rows.map((row) => String(row.id)),
    MAX_BOUND_PARAMETERS - 2 - others,
  )

export async function update(r: RestRequest): Promise<Response> {
  const { resource } = r
  if (!resource.update) throw methodNotAllowed(resource)
  requireFilter(r, 'PATCH')
  const read = reader(r)
  const ctx = writeContext(r)
  const set = await toStored(r, ctx, resource.update, await readJsonBody(r.c))
  await checkReferences(r, ctx, [set])
  if (Object.keys(set).length === 0) {
    throw new ApiError('PGRST102', 'Request body has no columns to update', {
      hint: 'Send {"column": value}',
    })
  }
  if (resource.serverColumns.has('updated_at')) set.updated_at = ctx.now
  const before = await targetRows(r)
  if (resource.mergeUpdate) return updateEach(r, ctx, read, set, before, resource.mergeUpdate)
  const events = before.map(
    (row): WriteEvent => ({
      op: 'update',
      resource,
      before: row,
      after: { ...row, ...set },
      caller: r.caller,
    }),
  )
  // The rows read above, by id and scope (each id a parameter, as is each value set).
  const build = () =>
    idChunks(before, Object.keys(set).length).map((ids) =>
      ctx.db
        .update(resource.table)
        .set(set)
        .where(and(scopeSql(resource, r.caller), inArray(idColumn(resource), ids)))
        .returning(read.fetch),
    )
  return written(r, await commit(r, ctx, read, events, build), false)
}

/** A PATCH whose rows each get their own columns (`mergeUpdate`): one statement per row, all in one batch. */
async function updateEach(
  r: RestRequest,
  ctx: WriteContext,
  read: Reader,
  set: Row,
  before: Row[],
  merge: NonNullable<Resource['mergeUpdate']>,
): Promise<Response> {
  const { resource } = r
  const events: WriteEvent[] = []
  const sets = new Map<WriteEvent, Row>()
  for (const row of before) {
    const own = await merge({ ...set }, row, ctx)
    if ('updated_at' in set) own.updated_at = set.updated_at
    const event: WriteEvent = {
      op: 'update',
      resource,
      before: row,
      after: { ...row, ...own },
      caller: r.caller,
    }
    events.push(event)
    sets.set(event, own)
  }
  const build = () =>
    events.map((event) =>
      ctx.db
        .update(resource.table)
        .set(sets.get(event) as Row)
        .where(and(scopeSql(resource, r.caller), eq(idColumn(resource), event.before?.id)))
        .returning(read.fetch),
    )
  return written(r, await commit(r, ctx, read, events, build), false)
}

export async function remove(r: RestRequest): Promise<Response> {
  const { resource } = r
  if (!resource.deletable) throw methodNotAllowed(resource)
  requireFilter(r, 'DELETE')
  const read = reader(r)
  const ctx = writeContext(r)
  const before = await targetRows(r)
  const events = before.map(
    (row): WriteEvent => ({ op: 'delete', resource, before: row, after: null, caller: r.caller }),
  )
  const build = () =>
    idChunks(before, 0).map((ids) =>
      ctx.db
        .delete(resource.table)
        .where(and(scopeSql(resource, r.caller), inArray(idColumn(resource), ids)))
        .returning(read.fetch),
    )
  return written(r, await commit(r, ctx, read, events, build), false)
}
