/**
 * @module teams and team_members: owners and admins create, change and delete teams and appoint team admins over
 * REST; a team admin changes their own teams through functions (teams-functions.ts). Deleting a team unassigns its
 * conversations and removes its members in the same batch, each change audited.
 */
import { Team, TeamInsert, TeamMember, TeamMemberUpdate, TeamUpdate } from '@connectgain/contracts'
import { conversations, teamMembers, teams } from '@connectgain/db'
import { and, eq, inArray } from 'drizzle-orm'
import { defineResource, type RequestHook, type Row, type WriteEvent } from '../../rest/registry.ts'
import { conversationsResource } from '../domain/conversations.resource.ts'

/** A deleted team takes its routing with it: its conversations unassigned from it, its members out of it. */
const releaseTeam: RequestHook = async (events, { db, caller, now }) => {
  const ids = events.filter((e) => e.op === 'delete').map((e) => String(e.before?.id))
  if (ids.length === 0) return undefined
  const routed = and(eq(conversations.org_id, caller.orgId), inArray(conversations.team_id, ids))
  const ofTeams = and(eq(teamMembers.org_id, caller.orgId), inArray(teamMembers.team_id, ids))
  const unrouted = { team_id: null, updated_at: now }
  const changes: WriteEvent[] = [
    ...((await db.select().from(conversations).where(routed)) as Row[]).map(
      (row): WriteEvent => ({
        op: 'update',
        resource: conversationsResource,
        before: row,
        after: { ...row, ...unrouted },
        caller,
      }),
    ),
    ...((await db.select().from(teamMembers).where(ofTeams)) as Row[]).map(
      (row): WriteEvent => ({
        op: 'delete',
        resource: teamMembersResource,
        before: row,
        after: null,
        caller,
      }),
    ),
  ]
  return {
    before: [db.update(conversations).set(unrouted).where(routed), db.delete(teamMembers).where(ofTeams)],
    changes,
  }
}

export const teamsResource = defineResource({
  name: 'teams',
  description:
    "The organization's teams: a name unique in the organization (any case), a description, and whether new conversations are assigned to its members automatically. Owners and admins write them; a team admin renames their own teams with `POST /functions/v1/update-team`. Deleting a team unassigns its conversations.",
  table: teams,
  row: Team,
  insert: TeamInsert,
  update: TeamUpdate,
  deletable: true,
  idPrefix: 'team',
  hooks: [releaseTeam],
  sample: (n) => ({ name: `Team ${n}` }),
})

export const teamMembersResource = defineResource({
  name: 'team_members',
  singular: 'team member',
  description:
    "Who is in which team, and who administers it (`is_team_admin`). Members join a team with `POST /functions/v1/add-team-member` (owners, admins, and the team's admins) and leave it with `remove-team-member` or a DELETE (owners and admins); owners and admins appoint team admins by PATCH.",
  table: teamMembers,
  row: TeamMember,
  update: TeamMemberUpdate,
  deletable: true,
  idPrefix: 'tmm',
  sample: () => ({ is_team_admin: true }),
})
