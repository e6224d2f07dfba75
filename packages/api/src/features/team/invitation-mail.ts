/**
 * @module The invitation email, sent by a job through the host's mailer: a plain-text and an HTML part with the org's
 * name, who invited and the link. The link travels encrypted in the job; a job for a link that a resend replaced,
 * or for an invitation no longer pending, sends nothing.
 */
import { invitations, organizations, users } from '@connectgain/db'
import { eq } from 'drizzle-orm'
import type { JobHandler } from '../../jobs/job.ts'
import type { MailMessage } from '../../mail.ts'
import { decryptSecret } from '../../secrets/encryption.ts'

export const INVITATION_MAIL_JOB = 'invitation.email'

export interface InvitationMailPayload {
  invitation_id: string
  /** The accept link, encrypted under ENCRYPTION_KEY for this invitation. */
  link: string
  /** The hash of the token in the link: a resend changes it, and the older job then sends nothing. */
  token_hash: string
}

export const linkContext = (invitationId: string) => `invitations.link:${invitationId}`

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

/** The email for one invitation. */
export function invitationMessage(m: {
  to: string
  from: string
  org: string
  inviter: string
  link: string
  role: string
  expires: string
}): MailMessage {
  const subject = `${m.inviter} invited you to ${m.org}`
  const text = [
    `${m.inviter} invited you to join ${m.org} as ${m.role}.`,
    '',
    `Accept the invitation: ${m.link}`,
    '',
    `The link works once, until ${m.expires}. If you did not expect it, ignore this email.`,
  ].join('\n')
  const html = `<p>${escapeHtml(m.inviter)} invited you to join <strong>${escapeHtml(m.org)}</strong> as ${escapeHtml(m.role)}.</p>
<p><a href="${escapeHtml(m.link)}">Accept the invitation</a></p>
<p>The link works once, until ${escapeHtml(m.expires)}. If you did not expect it, ignore this email.</p>`
  return { to: m.to, from: m.from, subject, text, html }
}

export const invitationMailJob: JobHandler = async (raw, { db, config, mailer }) => {
  const payload = raw as InvitationMailPayload
  if (!mailer) {
    return {
      ok: false,
      reason: 'this host sends no mail (SMTP is not available on Workers)',
      retryable: false,
    }
  }
  const [found] = await db
    .select({
      invitation: invitations,
      org: organizations.name,
      inviter: users.name,
      inviterEmail: users.email,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.org_id))
    .leftJoin(users, eq(users.id, invitations.invited_by))
    .where(eq(invitations.id, payload.invitation_id))
  const invitation = found?.invitation
  if (!invitation || invitation.accepted_at || invitation.revoked_at) return { ok: true }
  if (invitation.token_hash !== payload.token_hash) return { ok: true } // resent: the newer job sends the newer link
  const link = await decryptSecret(config.ENCRYPTION_KEY, payload.link, linkContext(invitation.id))
  const message = invitationMessage({
    to: invitation.email,
    from: config.MAIL_FROM ?? '',
    org: found.org,
    inviter: found.inviter ?? found.inviterEmail ?? 'Your team',
    link,
    role: invitation.role.replace('_', ' '),
    expires: new Date(invitation.expires_at).toUTCString(),
  })
  const sent = await mailer.send(message)
  return sent.ok ? { ok: true } : sent
}
