/**
 * @module `POST /functions/v1/reorder {"resource", "ids"}`: the kit's function for every ordered resource. `ids`
 * must name each of the caller's rows exactly once; every position is then set in one batch, and each row that
 * moved is a write like any other (audited, its events raised).
 */
import { can, ReorderRequest, ReorderResponse } from '@connectgain/contracts'
import { sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Caller } from '../caller.ts'
import { ApiError } from '../errors.ts'
import { chunks, MAX_BOUND_PARAMETERS } from '../rest/chunks.ts'
import { commitBatch, runRequestHooks } from '../rest/commit.ts'
import type { Registry, Resource, Row, WriteContext, WriteEvent } from '../rest/registry.ts'
import { scopeSql } from '../rest/request.ts'
import { defineFunction } from './registry.ts'

function orderedResource(registry: Registry, name: string, caller: Caller): Resource {
  const resource = registry.get(name)
  if (!resource?.ordered) {
    const ordered = [...registry.values()].filter((r) => r.ordered).map((r) => r.name)
    throw new ApiError('22P02', `Invalid resource: '${name}' is not an ordered resource`, {
      details: [{ field: 'resource', message: 'Not an ordered resource', issue: 'custom' }],
      hint: `Ordered resources: ${ordered.join(', ')}`,
    })
  }
  if (resource.scope === 'user' && caller.kind !== 'session') {
    throw new ApiError('42501', `${resource.name} holds each member's own rows: an API key has none`)
  }
  if (!can(caller.role, 'write', resource.policy)) {
    throw new ApiError('42501', `permission denied to write ${resource.name}`, {
      hint: `The ${caller.role} role cannot reorder ${resource.name}`,
    })
  }
  return resource
}

/** 400 naming `ids` unless they are the stored rows' ids, each once. */
function checkIds(ids: readonly string[], rows: readonly Row[], resource: Resource): void {
  const stored = new Set(rows.map((row) => String(row.id)))
  const seen = new Set<string>()
  const twice = ids.filter((id) => seen.size === seen.add(id).size)
  const unknown = ids.filter((id) => !stored.has(id))
  const missing = [...stored].filter((id) => !seen.has(id))
  const problems = [
    ...(twice.length ? [`named twice: ${twice.join(', ')}`] : []),
    ...(unknown.length ? [`not ${resource.singular}s of this organization: ${unknown.join(', ')}`] : []),
    ...(missing.length ? [`missing: ${missing.join(', ')}`] : []),
  ]
  if (problems.length === 0) return
  throw new ApiError('22P02', `Invalid ids: ${problems.join('; ')}`, {
    details: [{ field: 'ids', message: problems.join('; '), issue: 'custom' }],
    hint: `Send every ${resource.singular} of the organization exactly once (GET /rest/v1/${resource.name}?select=id)`,
  })
}

export const reorderFunction = defineFunction({
  name: 'reorder',
  summary:
    "Set the order of an ordered resource's rows (lifecycle stages, sidebar items) in one step: `ids` names every row of the organization once, in the new order. Whoever may write the resource may reorder it.",
  auth: 'member',
  changesData: true,
  input: ReorderRequest,
  output: ReorderResponse,
  async handler({ resource: name, ids }, { deps, registry, caller, background }) {
    const resource = orderedResource(registry, name, caller)
    const { db, clock, config } = deps
    const rows = (await db
      .select()
      .from(resource.table)
      .where(scopeSql(resource, caller))
      .limit(ids.length + 1)) as Row[]
    checkIds(ids, rows, resource)
    const ctx: WriteContext = { db, caller, now: clock.now().toISOString(), config }
    const byId = new Map(rows.map((row) => [String(row.id), row]))
    const stamp: Row = resource.serverColumns.has('updated_at') ? { updated_at: ctx.now } : {}
    const events: WriteEvent[] = ids.flatMap((id, position) => {
      const before = byId.get(id) as Row
      if (before.position === position) return []
      return [{ op: 'update', resource, before, after: { ...before, position, ...stamp }, caller }]
    })
    const added = await runRequestHooks(resource, events, ctx)
    const id = resource.stored.id as SQLiteColumn
    // CASE binds two parameters a row and the IN list one more; the scope and the stamp bind three.
    const writes = chunks(events, (MAX_BOUND_PARAMETERS - 3) / 3).map((some) => {
      const cases = sql.join(
        some.map((e) => sql`WHEN ${e.before?.id} THEN ${e.after?.position}`),
        sql` `,
      )
      const ids = sql.join(
        some.map((e) => sql`${e.before?.id}`),
        sql`, `,
      )
      return db
        .update(resource.table)
        .set({ position: sql`CASE ${id} ${cases} END`, ...stamp } as never)
        .where(sql`${scopeSql(resource, caller)} AND ${id} IN (${ids})`)
    })
    await commitBatch(
      resource,
      ctx,
      { writes, events, added },
      { registry, onOutbox: () => deps.outbox && background(deps.outbox.kick()) },
    )
    return { resource: resource.name, ids, moved: events.length }
  },
})
