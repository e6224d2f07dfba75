/**
 * @module The role rules, in one place: only an owner makes or unmakes owners, an admin manages every other role,
 * nobody changes their own role, and the last owner can never be demoted or removed. The members resource, the sessions function and every later path ask here.
 */
import type { Role } from '@connectgain/contracts'
import { type Db, memberships } from '@connectgain/db'
import { and, count, eq } from 'drizzle-orm'
import type { Caller } from '../../caller.ts'
import { ApiError } from '../../errors.ts'

const managers: ReadonlySet<Role> = new Set(['owner', 'admin'])

const denied = (message: string, hint: string) => new ApiError('42501', message, { hint })

/** A membership as the rules see it. */
export interface Membership {
  user_id: string
  role: Role
}

/** Refuses `actor` changing `member`'s role to `next` (nothing else is checked here). */
export function checkRoleChange(actor: Caller, member: Membership, next: Role): void {
  if (next === member.role) return
  if (actor.kind === 'session' && actor.userId === member.user_id) {
    throw denied('Nobody changes their own role', 'Ask another owner or admin to change it')
  }
  if (!managers.has(actor.role)) {
    throw denied(`The ${actor.role} role cannot change roles`, 'Owners and admins change roles')
  }
  if ((member.role === 'owner' || next === 'owner') && actor.role !== 'owner') {
    throw denied('Only an owner makes or unmakes owners', 'Ask an owner of the organization')
  }
}

/** Refuses `actor` removing `member`. */
export function checkRemoval(actor: Caller, member: Membership): void {
  if (!managers.has(actor.role)) {
    throw denied(`The ${actor.role} role cannot remove members`, 'Owners and admins remove members')
  }
  if (member.role === 'owner' && actor.role !== 'owner') {
    throw denied('Only an owner removes an owner', 'Ask an owner of the organization')
  }
}

/** 409 unless `orgId` keeps an owner after `leaving` of its owners are demoted or removed. */
export async function keepAnOwner(db: Db, orgId: string, leaving: number): Promise<void> {
  if (leaving === 0) return
  const [owners] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.org_id, orgId), eq(memberships.role, 'owner')))
  if ((owners?.n ?? 0) - leaving >= 1) return
  throw new ApiError('CG409', "This is the organization's last owner: it must always have one", {
    details: [{ field: 'role', message: 'The last owner cannot be demoted or removed', issue: 'last_owner' }],
    hint: 'Make another member an owner first',
  })
}
