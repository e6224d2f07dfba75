/** @module `POST /functions/v1/sessions`: a host backend mints a session token for one of its users. */
import { MintSessionRequest, SessionResponse } from '@connectgain/contracts'
import { type Db, memberships, users } from '@connectgain/db'
import { and, eq } from 'drizzle-orm'
import { mintSession } from '../../auth/session-token.ts'
import { ApiError } from '../../errors.ts'
import { defineFunction } from '../../functions/registry.ts'
import { ensureMember } from './members.ts'

/** The email of the member `userId` of `orgId`; 404 naming user_id when there is none. */
async function memberEmail(db: Db, orgId: string, userId: string): Promise<string> {
  const [member] = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.user_id))
    .where(and(eq(memberships.org_id, orgId), eq(memberships.user_id, userId)))
  if (!member) {
    throw new ApiError('CG404', `No member with user_id '${userId}' in this organization`, {
      details: [{ field: 'user_id', message: 'Not a member of this organization' }],
      hint: 'Pass email instead to add the user as a member',
    })
  }
  return member.email
}

export const sessionsFunction = defineFunction({
  name: 'sessions',
  summary:
    'Mint a 1-hour session token for <cg-settings>. Call it from your backend with an org API key; pass user_id of a member, or email to find or add one.',
  auth: 'api_key',
  permission: 'sessions',
  changesData: true, // may add a member or change a role
  input: MintSessionRequest,
  output: SessionResponse,
  status: 201,
  async handler(input, { deps, caller }) {
    const { db, clock, config } = deps
    const orgId = caller.orgId
    const email = input.email ?? (await memberEmail(db, orgId, input.user_id ?? ''))
    const member = await ensureMember(db, clock, { orgId, email, name: input.name, role: input.role }, caller)
    return mintSession(config.SESSION_SECRET, clock, { ...member, orgId })
  },
})
