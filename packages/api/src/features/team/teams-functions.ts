/**
 * @module What a team admin does to the teams they administer (owners and admins may do it to any team): rename or
 * change it (`update-team`), add a member (`add-team-member`), remove one (`remove-team-member`). Each change is a
 * write like any other, in one batch with its audit entry.
 */
import { Team, TeamMember, TeamMembershipRequest, UpdateTeamRequest } from '@connectgain/contracts'
import { type Db, newId, teamMembers, teams } from '@connectgain/db'
import { and, eq } from 'drizzle-orm'
import { currentRole } from '../../auth/membership.ts'
import type { Caller } from '../../caller.ts'
import { ApiError } from '../../errors.ts'
import { orgRow } from '../../functions/org-row.ts'
import { defineFunction, type FunctionContext } from '../../functions/registry.ts'
import { commitBatch } from '../../rest/commit.ts'
import type { Resource, Row, Statement, WriteEvent } from '../../rest/registry.ts'
import { teamMembersResource, teamsResource } from './teams.resource.ts'

const none = { before: [], after: [], changes: [] }

/** The org's team `id`, if `caller` may manage it: owners and admins any, a team admin their own (else 403). */
async function managedTeam(db: Db, caller: Caller, id: string) {
  const team = await orgRow(db, teams, caller.orgId, id, { noun: 'team', list: 'GET /rest/v1/teams' })
  if (caller.role === 'owner' || caller.role === 'admin') return team
  const [admin] =
    caller.kind === 'session'
      ? await db
          .select({ id: teamMembers.id })
          .from(teamMembers)
          .where(
            and(
              eq(teamMembers.team_id, id),
              eq(teamMembers.user_id, caller.userId),
              eq(teamMembers.is_team_admin, true),
            ),
          )
      : []
  if (!admin) {
    throw new ApiError('42501', `You are not an admin of the team ${team.name}`, {
      hint: 'A team admin manages only the teams they administer; ask an owner or admin',
    })
  }
  return team
}

/** Commits one write of `resource` as a write event (audited), in the batch with what the row hooks add. */
async function commitOne(
  { deps, registry, caller }: Pick<FunctionContext<'member'>, 'deps' | 'registry' | 'caller'>,
  resource: Resource,
  write: Statement,
  event: Omit<WriteEvent, 'resource' | 'caller'>,
) {
  const { db, clock, config } = deps
  await commitBatch(
    resource,
    { db, caller, now: clock.now().toISOString(), config },
    { writes: [write], events: [{ ...event, resource, caller }], added: none },
    { registry },
  )
}

export const updateTeamFunction = defineFunction({
  name: 'update-team',
  summary:
    "Change a team's name, description or automatic assignment. A team admin may for the teams they administer; owners and admins for any (they may also PATCH /rest/v1/teams).",
  auth: 'member',
  permission: 'update-team',
  changesData: true,
  input: UpdateTeamRequest,
  output: Team,
  async handler({ id, ...changes }, ctx) {
    const { db, clock } = ctx.deps
    const team = await managedTeam(db, ctx.caller, id)
    if (Object.keys(changes).length === 0) {
      throw new ApiError('PGRST102', 'Nothing to change', {
        hint: 'Send name, description or allow_auto_assign',
      })
    }
    const next = { ...team, ...changes, updated_at: clock.now().toISOString() }
    await commitOne(ctx, teamsResource, db.update(teams).set(next).where(eq(teams.id, id)), {
      op: 'update',
      before: team as Row,
      after: next as Row,
    })
    return next
  },
})

export const addTeamMemberFunction = defineFunction({
  name: 'add-team-member',
  summary:
    'Add a member of the organization to a team. A team admin may for the teams they administer; owners and admins for any. A member already in the team is 409.',
  auth: 'member',
  permission: 'add-team-member',
  changesData: true,
  input: TeamMembershipRequest,
  output: TeamMember,
  status: 201,
  async handler({ team_id, user_id }, ctx) {
    const { db, clock } = ctx.deps
    const { caller } = ctx
    await managedTeam(db, caller, team_id)
    if (!(await currentRole(db, user_id, caller.orgId))) {
      throw new ApiError('23503', `user_id: no member '${user_id}' in this organization`, {
        details: [{ field: 'user_id', message: 'Not a member of this organization', issue: 'reference' }],
        hint: 'List the members with GET /rest/v1/members',
      })
    }
    const row = {
      id: newId('tmm'),
      org_id: caller.orgId,
      team_id,
      user_id,
      is_team_admin: false,
      created_at: clock.now().toISOString(),
    }
    await commitOne(ctx, teamMembersResource, db.insert(teamMembers).values(row), {
      op: 'insert',
      before: null,
      after: row,
    })
    return row
  },
})

export const removeTeamMemberFunction = defineFunction({
  name: 'remove-team-member',
  summary:
    'Remove a member from a team (they stay in the organization). A team admin may for the teams they administer; owners and admins for any.',
  auth: 'member',
  permission: 'remove-team-member',
  changesData: true,
  input: TeamMembershipRequest,
  output: TeamMember,
  async handler({ team_id, user_id }, ctx) {
    const { db } = ctx.deps
    await managedTeam(db, ctx.caller, team_id)
    const inTeam = and(eq(teamMembers.team_id, team_id), eq(teamMembers.user_id, user_id))
    const [row] = await db.select().from(teamMembers).where(inTeam)
    if (!row) {
      throw new ApiError('CG404', `No member '${user_id}' in this team`, {
        details: [{ field: 'user_id', message: 'Not in this team' }],
        hint: `List them with GET /rest/v1/team_members?team_id=eq.${team_id}`,
      })
    }
    await commitOne(ctx, teamMembersResource, db.delete(teamMembers).where(inTeam), {
      op: 'delete',
      before: row as Row,
      after: null,
    })
    return row
  },
})
