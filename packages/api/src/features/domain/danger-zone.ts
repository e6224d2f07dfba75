/**
 * @module The Danger Zone: `GET /functions/v1/data-summary` counts the org's domain data and
 * `POST /functions/v1/delete-all-data` deletes all of it in one batch. Both read the registry's `domainData`
 * declarations, so a new domain table is counted and deleted by declaring itself one.
 */
import { DataSummary, DeleteAllDataRequest, DeleteAllDataResponse } from '@connectgain/contracts'
import { auditLog, newId, organizations } from '@connectgain/db'
import { count, eq, type SQL, sql } from 'drizzle-orm'
import { getTableConfig, type SQLiteColumn } from 'drizzle-orm/sqlite-core'
import * as z from 'zod/mini'
import { defineFunction } from '../../functions/registry.ts'
import { commitBatch } from '../../rest/commit.ts'
import { domainResources, type Registry, type Resource, type Statement } from '../../rest/registry.ts'
import { actorOf } from '../audit/audit-log.ts'
import { eventStatement } from '../webhooks/outbox.ts'

const orgRows = (resource: Resource, orgId: string): SQL =>
  eq(resource.stored[resource.orgColumn] as SQLiteColumn, orgId)

/**
 * The domain resources, children before parents: a resource comes only once no remaining one has a foreign key to
 * it (messages before conversations before contacts; deals and tasks before contacts and companies). Otherwise in
 * registration order.
 */
export function deletionOrder(registry: Registry): Resource[] {
  const remaining = domainResources(registry)
  const parentsOf = new Map(
    remaining.map((r) => [
      r,
      new Set(getTableConfig(r.table).foreignKeys.map((fk) => fk.reference().foreignTable)),
    ]),
  )
  const order: Resource[] = []
  while (remaining.length > 0) {
    const next =
      remaining.find((r) => !remaining.some((other) => other !== r && parentsOf.get(other)?.has(r.table))) ??
      remaining[0]
    if (!next) break
    order.push(next)
    remaining.splice(remaining.indexOf(next), 1)
  }
  return order
}

/** `{ "contacts": <count>, … }` as SQL: counted inside the batch, so it is what the batch then deletes. */
const countsJson = (resources: readonly Resource[], orgId: string): SQL =>
  sql`json_object(${sql.join(
    resources.map((r) => sql`${r.name}, (SELECT count(*) FROM ${r.table} WHERE ${orgRows(r, orgId)})`),
    sql`, `,
  )})`

export const dataSummaryFunction = defineFunction({
  name: 'data-summary',
  summary:
    "How many rows of each domain resource (contacts, conversations, messages, deals, …) the caller's organization holds, and the organization's name: what `delete-all-data` would delete. Owners and admins only.",
  auth: 'member',
  permission: 'data-summary',
  method: 'GET',
  input: z.object({}),
  output: DataSummary,
  async handler(_input, { deps, registry, caller }) {
    const [organization] = await deps.db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, caller.orgId))
    if (!organization) throw new Error(`the caller's organization ${caller.orgId} is gone`)
    const counts: Record<string, number> = {}
    for (const resource of domainResources(registry)) {
      const [row] = await deps.db
        .select({ n: count() })
        .from(resource.table)
        .where(orgRows(resource, caller.orgId))
      counts[resource.name] = row?.n ?? 0
    }
    return { organization, counts }
  },
})

export const deleteAllDataFunction = defineFunction({
  name: 'delete-all-data',
  summary:
    'Delete all of the organization\'s domain data (contacts, conversations and their messages, companies, deals, tasks, message templates, automations, bot flows) in one atomic step, and answer the counts deleted. Settings, members, API keys, webhooks and the audit log stay. The body must be `{"confirmation": "DELETE ALL DATA"}`, exactly. Writes one audit entry and sends one `data.deleted` event. Owners only.',
  auth: 'member',
  permission: 'delete-all-data',
  changesData: true,
  input: DeleteAllDataRequest,
  output: DeleteAllDataResponse,
  async handler(_input, { deps, registry, caller, background }) {
    const { db, clock, config } = deps
    const now = clock.now().toISOString()
    const ctx = { db, caller, now, config }
    const order = deletionOrder(registry)
    const [first] = order
    if (!first) return { deleted: {} }
    const counted = sql`json_object('deleted', json(${countsJson(order, caller.orgId)}))`
    // The audit entry and the event count the rows inside the batch, before its deletes: they say what it deleted.
    const audit = db.insert(auditLog).values({
      id: newId('aud'),
      org_id: caller.orgId,
      ...actorOf(caller),
      action: 'delete',
      resource: 'delete-all-data',
      row_id: caller.orgId,
      before: counted as never,
      after: null,
      created_at: now,
    })
    const actor = caller.kind === 'session' ? caller.userId : caller.keyId
    const event = eventStatement(
      ctx,
      'data.deleted',
      sql`json_object('deleted', json(${countsJson(order, caller.orgId)}), 'deleted_by', ${actor})`,
    )
    // Each resource's count just before its delete: the answer, from the same transaction as the deletes.
    const perResource: Statement[] = order.flatMap((r) => [
      db.select({ n: count() }).from(r.table).where(orgRows(r, caller.orgId)),
      db.delete(r.table).where(orgRows(r, caller.orgId)),
    ])
    const results = await commitBatch(
      first,
      ctx,
      { writes: [audit, event, ...perResource], events: [], added: { before: [], after: [], changes: [] } },
      { registry },
    )
    if (deps.outbox) background(deps.outbox.kick())
    const deleted: Record<string, number> = {}
    order.forEach((r, i) => {
      const [row] = results[2 + 2 * i] as { n: number }[]
      deleted[r.name] = row?.n ?? 0
    })
    return { deleted }
  },
})
