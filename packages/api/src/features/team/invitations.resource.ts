/** @module invitations: who was invited with which role, and whether the link is pending, accepted, expired or revoked. */
import { Invitation, type InvitationStatus } from '@connectgain/contracts'
import { invitations } from '@connectgain/db'
import { defineResource, type Row } from '../../rest/registry.ts'

export function invitationStatus(row: Row, now: Date): InvitationStatus {
  if (row.accepted_at) return 'accepted'
  if (row.revoked_at) return 'revoked'
  return new Date(String(row.expires_at)).getTime() <= now.getTime() ? 'expired' : 'pending'
}

export const invitationsResource = defineResource({
  name: 'invitations',
  description:
    'Invitations to join the organization: the email, the role, who invited, until when the link works, and its `status` (`pending`, `accepted`, `expired`, `revoked`). Made with `POST /functions/v1/invite-member`, changed with `resend-invitation` and `revoke-invitation`; the token is stored only as a hash and never read back.',
  table: invitations,
  row: Invitation,
  idPrefix: 'inv',
  secret: ['token_hash'],
  afterRead: (row, { now }) => ({ ...row, status: invitationStatus(row, now) }),
})
