/**
 * @module members: the org's memberships with who each member is. Every role lists them; owners and admins change
 * roles and availability and remove members, each member sets their own availability, by the role rules. Removing a
 * member unassigns their open conversations and deletes their push subscriptions and team memberships in the same batch.
 */
import { isAssignable, Member, MemberUpdate, type Role } from '@connectgain/contracts'
import { conversations, memberships, pushSubscriptions, teamMembers } from '@connectgain/db'
import { and, eq, ne } from 'drizzle-orm'
import {
  defineResource,
  type RequestHook,
  type Row,
  type Statement,
  type WriteEvent,
} from '../../rest/registry.ts'
import { conversationsResource } from '../domain/conversations.resource.ts'
import { pushSubscriptionsResource } from '../push/push-subscriptions.resource.ts'
import { checkRemoval, checkRoleChange, keepAnOwner, type Membership } from './role-rules.ts'
import { teamMembersResource } from './teams.resource.ts'

const member = (row: Row | null) => row as unknown as Membership & Row

/** Every change to a member passes the role rules; a removal takes their open work with it. */
const roleRules: RequestHook = async (events, { db, caller, now }) => {
  let ownersLeaving = 0
  const after: Statement[] = []
  const changes: WriteEvent[] = []
  for (const event of events) {
    const before = member(event.before)
    if (event.op === 'update' && event.after) {
      const next = event.after.role as Role
      checkRoleChange(caller, before, next)
      if (before.role === 'owner' && next !== 'owner') ownersLeaving++
    } else if (event.op === 'delete') {
      checkRemoval(caller, before)
      if (before.role === 'owner') ownersLeaving++
      const theirOpen = and(
        eq(conversations.org_id, caller.orgId),
        eq(conversations.assignee_id, before.user_id),
        ne(conversations.status, 'resolved'),
      )
      const unassign = { assignee_id: null, updated_at: now }
      for (const row of (await db.select().from(conversations).where(theirOpen)) as Row[]) {
        changes.push({
          op: 'update',
          resource: conversationsResource,
          before: row,
          after: { ...row, ...unassign },
          caller,
        })
      }
      after.push(db.update(conversations).set(unassign).where(theirOpen))
      const theirs = and(
        eq(pushSubscriptions.org_id, caller.orgId),
        eq(pushSubscriptions.user_id, before.user_id),
      )
      for (const row of (await db.select().from(pushSubscriptions).where(theirs)) as Row[]) {
        changes.push({ op: 'delete', resource: pushSubscriptionsResource, before: row, after: null, caller })
      }
      after.push(db.delete(pushSubscriptions).where(theirs))
      const theirTeams = and(eq(teamMembers.org_id, caller.orgId), eq(teamMembers.user_id, before.user_id))
      for (const row of (await db.select().from(teamMembers).where(theirTeams)) as Row[]) {
        changes.push({ op: 'delete', resource: teamMembersResource, before: row, after: null, caller })
      }
      after.push(db.delete(teamMembers).where(theirTeams))
    }
  }
  await keepAnOwner(db, caller.orgId, ownersLeaving)
  return { after, changes }
}

export const membersResource = defineResource({
  name: 'members',
  description:
    "The organization's members: who they are, their role, their availability (`online`, `busy`, `offline`) and whether conversations may be assigned to them automatically (`assignable`: never a project manager, never someone offline). Every member lists them. Owners and admins change roles and availability and remove members (their open conversations become unassigned); only an owner makes or unmakes owners, nobody changes their own role, and the last owner cannot be demoted or removed. Each member sets their own availability with `POST /functions/v1/set-availability`. New members join by invitation.",
  table: memberships,
  row: Member,
  update: MemberUpdate,
  deletable: true,
  idPrefix: 'mem',
  hooks: [roleRules],
  sample: () => ({ availability: 'busy' }),
  afterRead: (row) => ({ ...row, assignable: isAssignable(row as { role: string; availability: string }) }),
})
