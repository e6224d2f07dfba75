/** @module Invitations: how a person joins an org, by a single-use link valid for 7 days. */
import * as z from 'zod/mini'
import { ui } from './field-ui.ts'
import { meta } from './meta.ts'
import { Role, roleField, roleWords } from './roles.ts'
import { SessionResponse } from './sessions.ts'

export const INVITATION_DAYS = 7
export const invitationStatuses = ['pending', 'accepted', 'expired', 'revoked'] as const
export type InvitationStatus = (typeof invitationStatuses)[number]

export const Invitation = meta(
  z.object({
    id: z.string(),
    email: z.string(),
    role: Role,
    status: z.enum(invitationStatuses),
    invited_by: z.nullable(z.string()),
    expires_at: z.string(),
    accepted_at: z.nullable(z.string()),
    created_at: z.string(),
  }),
  { id: 'Invitation' },
)
export type Invitation = z.infer<typeof Invitation>

const InviteEmail = z.email('Must be an email address such as ana@example.com')

export const InviteMemberRequest = meta(
  z.strictObject({
    email: ui(InviteEmail, { id: 'invite.email', label: 'Email' }),
    role: ui(roleField(), { id: 'invite.role', label: 'Role', options: roleWords }),
  }),
  { id: 'InviteMemberRequest', examples: [{ email: 'ana@example.com', role: 'agent' }] },
)
export type InviteMemberRequest = z.infer<typeof InviteMemberRequest>

/** The invitation, with the link to give the person (shown to the inviter, and sent by email when SMTP is set). */
export const InvitationWithLink = meta(
  z.object({
    ...Invitation.shape,
    accept_url: z.string(),
    /** Whether an email is on its way (false without SMTP_URL in demo mode: copy the link yourself). */
    emailed: z.boolean(),
  }),
  { id: 'InvitationWithLink' },
)
export type InvitationWithLink = z.infer<typeof InvitationWithLink>

export const InvitationIdRequest = meta(z.strictObject({ id: z.string().check(z.minLength(1)) }), {
  id: 'InvitationIdRequest',
})

export const AcceptInvitationRequest = meta(
  z.strictObject({
    token: z.string().check(z.minLength(1, 'The token from the invitation link')),
    email: meta(InviteEmail, { description: 'The signed-in person’s email: it must be the invited one.' }),
    name: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  }),
  { id: 'AcceptInvitationRequest', examples: [{ token: 'inv_…', email: 'ana@example.com', name: 'Ana' }] },
)

export const AcceptInvitationResponse = SessionResponse
