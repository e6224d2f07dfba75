/** @module The `assignee_id` a domain row names must be a member (user id) of the caller's org. */
import { memberships } from '@connectgain/db'
import { and, eq } from 'drizzle-orm'
import { ApiError } from '../../errors.ts'
import type { Row, WriteContext } from '../../rest/registry.ts'

/** A `beforeWrite` that refuses an `assignee_id` of no member of this org (another org's member included). */
export async function memberAssignee(values: Row, { db, caller }: WriteContext): Promise<Row> {
  const assignee = values.assignee_id
  if (typeof assignee !== 'string') return values
  const [member] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.org_id, caller.orgId), eq(memberships.user_id, assignee)))
  if (!member) {
    throw new ApiError('23503', `assignee_id: no member '${assignee}' in this organization`, {
      details: [{ field: 'assignee_id', message: 'Not a member of this organization', issue: 'reference' }],
      hint: 'Assign it to a member of this organization (a user id)',
    })
  }
  return values
}
