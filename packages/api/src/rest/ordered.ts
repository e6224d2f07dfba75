/**
 * @module Ordered resources (`ordered: true`): a new row goes after the org's last one, unless it names its own
 * `position`. `POST /functions/v1/reorder` (functions/reorder.ts) rewrites every position at once.
 */
import { and, eq, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { RequestHook } from './registry.ts'

/** The request hook of an ordered resource: one read of the org's last position, then numbers the new rows on. */
export const assignPositions: RequestHook = async (events, { db, caller }) => {
  const unplaced = events.filter((e) => e.op === 'insert' && e.after && e.after.position == null)
  const resource = unplaced[0]?.resource
  if (!resource) return undefined
  const position = resource.stored.position as SQLiteColumn
  const org = resource.stored[resource.orgColumn] as SQLiteColumn
  const [last] = await db
    .select({ max: sql<number | null>`max(${position})` })
    .from(resource.table)
    .where(and(eq(org, caller.orgId)))
  let next = (last?.max ?? -1) + 1
  for (const event of unplaced) if (event.after) event.after.position = next++
  return undefined
}
