/**
 * @module The rows every new org starts with: each resource's `orgDefaults`, with their server-set columns (and, in
 * an ordered resource, their positions) filled in. Used when an org is created and when a function restores them.
 */

import type { Db } from '@connectgain/db'
import { newId, organizations } from '@connectgain/db'
import { eq, sql } from 'drizzle-orm'
import type { Registry, Resource, Row, Statement } from './registry.ts'

/** `resource`'s default rows for `orgId`, as stored rows. */
export function defaultRows(resource: Resource, orgId: string, now: string): Row[] {
  return (resource.orgDefaults ?? []).map((row, i) => {
    const server: Row = { id: newId(resource.idPrefix), [resource.orgColumn]: orgId }
    if (resource.serverColumns.has('created_at')) server.created_at = now
    if (resource.serverColumns.has('updated_at')) server.updated_at = now
    return { ...(resource.ordered ? { position: i } : {}), ...row, ...server }
  })
}

/**
 * Statements that insert every resource's defaults for `orgId`, each only if the org row exists when it runs:
 * in the batch that creates the org, a create that lost a race (the org row not written) inserts nothing either.
 */
export function orgDefaultStatements(db: Db, registry: Registry, orgId: string, now: string): Statement[] {
  return [...registry.values()].flatMap((resource) =>
    defaultRows(resource, orgId, now).map((row) =>
      db.insert(resource.table).select(
        db
          .select(
            // Every column, in the table's order (as INSERT … SELECT needs): a default where the row has none.
            Object.fromEntries(
              Object.entries(resource.stored).map(([k, col]) => {
                const value = row[k] ?? (col.default instanceof Object ? null : col.default) ?? null
                return [k, sql`${typeof value === 'boolean' ? Number(value) : value}`.as(k)]
              }),
            ),
          )
          .from(organizations)
          .where(eq(organizations.id, orgId)),
      ),
    ),
  )
}
