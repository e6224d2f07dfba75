/** @module Teams: groups of members that conversations are routed to; each team may have team admins. */
import * as z from 'zod/mini'
import { ui } from './field-ui.ts'
import { meta } from './meta.ts'
import { patchOf } from './patch.ts'
import { oneLineName } from './rules.ts'

export const Team = meta(
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.nullable(z.string()),
    allow_auto_assign: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'Team' },
)
export type Team = z.infer<typeof Team>

export const TeamInsert = meta(
  z.strictObject({
    name: ui(oneLineName(60), { id: 'teams.name', label: 'Name' }),
    description: ui(z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(300)))), {
      id: 'teams.description',
      label: 'Description',
      format: 'multiline',
    }),
    allow_auto_assign: ui(z._default(z.boolean(), true), {
      id: 'teams.allow-auto-assign',
      label: 'Assign conversations automatically',
      help: 'New conversations for the team go to its available members in turn.',
    }),
  }),
  { id: 'TeamInsert', examples: [{ name: 'Billing', description: 'Invoices and refunds' }] },
)
export const TeamUpdate = meta(patchOf(TeamInsert), { id: 'TeamUpdate' })

export const TeamMember = meta(
  z.object({
    id: z.string(),
    team_id: z.string(),
    user_id: z.string(),
    is_team_admin: z.boolean(),
    created_at: z.string(),
  }),
  { id: 'TeamMember' },
)
export type TeamMember = z.infer<typeof TeamMember>

export const TeamMemberInsert = meta(
  z.strictObject({
    team_id: z.string().check(z.minLength(1)),
    user_id: z.string().check(z.minLength(1)),
    is_team_admin: z._default(z.boolean(), false),
  }),
  { id: 'TeamMemberInsert', examples: [{ team_id: 'team_…', user_id: 'usr_…' }] },
)
export const TeamMemberUpdate = meta(z.strictObject({ is_team_admin: z.boolean() }), {
  id: 'TeamMemberUpdate',
})

/** What a team admin changes of their own team (owners and admins PATCH /rest/v1/teams). */
export const UpdateTeamRequest = meta(
  z.strictObject({ id: z.string().check(z.minLength(1)), ...TeamUpdate.shape }),
  { id: 'UpdateTeamRequest', examples: [{ id: 'team_…', name: 'Billing & refunds' }] },
)
/** A member added to or removed from a team by one of its team admins (or an owner or admin). */
export const TeamMembershipRequest = meta(
  z.strictObject({ team_id: z.string().check(z.minLength(1)), user_id: z.string().check(z.minLength(1)) }),
  { id: 'TeamMembershipRequest', examples: [{ team_id: 'team_…', user_id: 'usr_…' }] },
)
