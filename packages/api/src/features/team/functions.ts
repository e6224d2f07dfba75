/** @module `POST /functions/v1/set-availability {"availability"}`: each member sets their own, whatever their role. */
import { Member, SetAvailabilityRequest } from '@connectgain/contracts'
import { memberships } from '@connectgain/db'
import { and, eq } from 'drizzle-orm'
import { ApiError } from '../../errors.ts'
import { defineFunction } from '../../functions/registry.ts'
import { commitBatch } from '../../rest/commit.ts'
import type { Row } from '../../rest/registry.ts'
import { membersResource } from './members.resource.ts'

export const setAvailabilityFunction = defineFunction({
  name: 'set-availability',
  summary:
    'Set your own availability (`online`, `busy` or `offline`): whether you are assigned conversations automatically. Every member may; a session only (an API key has no availability).',
  auth: 'member',
  permission: 'set-availability',
  changesData: true,
  input: SetAvailabilityRequest,
  output: Member,
  async handler({ availability }, { deps, registry, caller }) {
    if (caller.kind !== 'session') {
      throw new ApiError('42501', 'An API key has no availability', {
        hint: "Call it with the member's session token; owners and admins may PATCH /rest/v1/members",
      })
    }
    const { db, clock, config } = deps
    const mine = and(eq(memberships.org_id, caller.orgId), eq(memberships.user_id, caller.userId))
    const [before] = (await db.select().from(memberships).where(mine)) as Row[]
    if (!before) throw new Error('a signed-in member has a membership') // the auth middleware read it
    const after = { ...before, availability }
    await commitBatch(
      membersResource,
      { db, caller, now: clock.now().toISOString(), config },
      {
        writes: [db.update(memberships).set({ availability }).where(mine)],
        events: [{ op: 'update', resource: membersResource, before, after, caller }],
        added: { before: [], after: [], changes: [] },
      },
      { registry },
    )
    return (await membersResource.afterRead?.(after, { config, now: clock.now(), caller })) as Member
  },
})
