/** @module The team: members with their roles and availability by the role rules, and invitations with their email. */
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

export const teamFeature: Feature = {
  name: 'team',
  resources: [membersResource, invitationsResource],
  functions: [
    setAvailabilityFunction,
    inviteMemberFunction,
    resendInvitationFunction,
    revokeInvitationFunction,
    acceptInvitationFunction,
  ],
  jobs: { [INVITATION_MAIL_JOB]: invitationMailJob },
  config: teamConfig,
  checkConfig: checkTeamConfig,
}
