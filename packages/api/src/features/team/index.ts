/** @module The team: members with their roles and availability by the role rules, invitations with their email, and teams. */
import type { Feature } from '../../feature.ts'
import { checkTeamConfig, teamConfig } from './config.ts'
import { setAvailabilityFunction } from './functions.ts'
import { INVITATION_MAIL_JOB, invitationMailJob } from './invitation-mail.ts'
import { invitationsResource } from './invitations.resource.ts'
import {
  acceptInvitationFunction,
  inviteMemberFunction,
  resendInvitationFunction,
  revokeInvitationFunction,
} from './invitations.ts'
import { membersResource } from './members.resource.ts'
import { teamMembersResource, teamsResource } from './teams.resource.ts'
import { addTeamMemberFunction, removeTeamMemberFunction, updateTeamFunction } from './teams-functions.ts'

export const teamFeature: Feature = {
  name: 'team',
  resources: [membersResource, invitationsResource, teamsResource, teamMembersResource],
  functions: [
    setAvailabilityFunction,
    inviteMemberFunction,
    resendInvitationFunction,
    revokeInvitationFunction,
    acceptInvitationFunction,
    updateTeamFunction,
    addTeamMemberFunction,
    removeTeamMemberFunction,
  ],
  jobs: { [INVITATION_MAIL_JOB]: invitationMailJob },
  config: teamConfig,
  checkConfig: checkTeamConfig,
}
