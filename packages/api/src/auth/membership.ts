/**
 * @module The role a session acts with: its token names a user and an org, and the membership as it is now decides.
 * One indexed read per request (the unique index on org and user), prepared once per database; a removed member
 * has none, a demoted one the new role, from their next request.
 */
import type { Role } from '@connectgain/contracts'
import { type Db, memberships } from '@connectgain/db'
import { and, eq, sql } from 'drizzle-orm'

interface RoleQuery {
  all(values: { org: string; user: string }): Promise<{ role: Role }[]>
}

const prepared = new WeakMap<Db, RoleQuery>()

/** `userId`'s role in `orgId` now, or null when they are no longer a member. */
export async function currentRole(db: Db, userId: string, orgId: string): Promise<Role | null> {
  let query = prepared.get(db)
  if (!query) {
    query = db
      .select({ role: memberships.role })
      .from(memberships)
      .where(
        and(eq(memberships.org_id, sql.placeholder('org')), eq(memberships.user_id, sql.placeholder('user'))),
      )
      .limit(1)
      .prepare() as unknown as RoleQuery
    prepared.set(db, query)
  }
  const [row] = await query.all({ org: orgId, user: userId })
  return row?.role ?? null
}

/** When each member's activity was last written, per database (by `org:user`). */
const written = new WeakMap<Db, Map<string, number>>()
const ACTIVITY_EVERY_MS = 60_000

/**
 * Writes the member's `last_active_at`, at most once a minute per member and process; null when it is not due.
 * The write runs after the response and never fails the request (its failure is logged).
 */
export function recordActivity(db: Db, orgId: string, userId: string, now: Date): Promise<void> | null {
  let last = written.get(db)
  if (!last) {
    last = new Map()
    written.set(db, last)
  }
  const key = `${orgId}:${userId}`
  if (now.getTime() - (last.get(key) ?? 0) < ACTIVITY_EVERY_MS) return null
  last.set(key, now.getTime())
  return db
    .update(memberships)
    .set({ last_active_at: now.toISOString() })
    .where(and(eq(memberships.org_id, orgId), eq(memberships.user_id, userId)))
    .then(
      () => undefined,
      (err: Error) => console.error(`member activity not written: ${err.message}`),
    )
}
