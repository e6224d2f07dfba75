/**
 * @module Invitations: `invite-member`, `resend-invitation` and `revoke-invitation` (owners and admins; only an owner
 * invites an owner), and `accept-invitation`, which the host app's backend calls with its API key once it has signed
 * the person in (in demo mode the demo page calls it without one). A link is single-use, valid 7 days, and its token
 * is stored only as a hash.
 */
import {
  AcceptInvitationRequest,
  AcceptInvitationResponse,
  INVITATION_DAYS,
  Invitation,
  InvitationIdRequest,
  InvitationWithLink,
  InviteMemberRequest,
  type Role,
} from '@connectgain/contracts'
import { type Db, invitations, memberships, newId } from '@connectgain/db'
import { and, eq, gt, isNull } from 'drizzle-orm'
import { webCryptoHashing } from '../../auth/hashing.ts'
import { mintSession } from '../../auth/session-token.ts'
import type { Caller } from '../../caller.ts'
import { ApiError } from '../../errors.ts'
import { orgRow } from '../../functions/org-row.ts'
import { defineFunction, type FunctionContext } from '../../functions/registry.ts'
import { commitBatch } from '../../rest/commit.ts'
import type { Row, WriteContext } from '../../rest/registry.ts'
import { encryptSecret } from '../../secrets/encryption.ts'
import { ensureMember } from '../sessions/members.ts'
import { INVITATION_MAIL_JOB, type InvitationMailPayload, linkContext } from './invitation-mail.ts'
import { invitationStatus, invitationsResource } from './invitations.resource.ts'

type InvitationRow = typeof invitations.$inferSelect
const DAY_MS = 86_400_000
const none = { before: [], after: [], changes: [] }

/** A single-use token: `inv_` and 32 random bytes in base64url. */
function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return `inv_${btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')}`
}

const hashOf = (token: string) => Promise.resolve(webCryptoHashing.sha256Hex(token))

/** The invitation as the API answers it: its status, never its hash. */
function shown(row: InvitationRow, now: Date) {
  const { token_hash: _, revoked_at: __, org_id: ___, updated_at: ____, ...rest } = row
  return { ...rest, status: invitationStatus(row as unknown as Row, now) }
}

const orgInvitation = (db: Db, orgId: string, id: string) =>
  orgRow(db, invitations, orgId, id, { noun: 'invitation', list: 'GET /rest/v1/invitations' })

/**
 * Gives `row` a new token and expiry (a new invitation, or a resend), commits it with its audit entry, queues its
 * email (or, in demo mode without SMTP, logs the link) and answers it with the link.
 */
async function issue(
  row: InvitationRow,
  before: InvitationRow | null,
  { deps, registry, caller, url }: Pick<FunctionContext<'member'>, 'deps' | 'registry' | 'caller' | 'url'>,
) {
  const { db, clock, config, queue } = deps
  if (!config.SMTP_URL && config.CG_MODE === 'production') {
    throw new ApiError('CG503', 'Invitations cannot be sent: SMTP_URL is not set', {
      hint: 'Set SMTP_URL (smtp://user:pass@host:port) and MAIL_FROM (docs/team.md)',
    })
  }
  const now = clock.now()
  const token = newToken()
  const next: InvitationRow = {
    ...row,
    token_hash: await hashOf(token),
    expires_at: new Date(now.getTime() + INVITATION_DAYS * DAY_MS).toISOString(),
    updated_at: now.toISOString(),
  }
  const ctx: WriteContext = { db, caller, now: now.toISOString(), config }
  const write = before
    ? db.update(invitations).set(next).where(eq(invitations.id, row.id))
    : db.insert(invitations).values(next)
  const event = {
    op: before ? 'update' : 'insert',
    resource: invitationsResource,
    before,
    after: next,
    caller,
  } as const
  await commitBatch(
    invitationsResource,
    ctx,
    { writes: [write], events: [event as never], added: none },
    { registry },
  )
  const link = new URL(config.INVITE_URL_TEMPLATE.replace('{token}', encodeURIComponent(token)), url).href
  if (config.SMTP_URL) {
    const payload: InvitationMailPayload = {
      invitation_id: row.id,
      link: await encryptSecret(config.ENCRYPTION_KEY, link, linkContext(row.id)),
      token_hash: next.token_hash,
    }
    await queue.send([{ kind: INVITATION_MAIL_JOB, payload }])
  } else {
    console.log(`Demo mode, no SMTP_URL: the invitation for ${row.email} is ${link}`)
  }
  return { ...shown(next, now), accept_url: link, emailed: Boolean(config.SMTP_URL) }
}

/** The org's invitation `id`, refused unless it can still be resent or revoked. */
async function openInvitation(db: Db, orgId: string, id: string, verb: string): Promise<InvitationRow> {
  const row = await orgInvitation(db, orgId, id)
  if (row.accepted_at)
    throw new ApiError('CG409', `This invitation was accepted: there is nothing to ${verb}`)
  if (row.revoked_at) {
    throw new ApiError('CG409', `This invitation was revoked`, {
      hint: 'Invite the person again with POST /functions/v1/invite-member',
    })
  }
  return row
}

export const inviteMemberFunction = defineFunction({
  name: 'invite-member',
  summary:
    'Invite someone by email with a role: answers the invitation with its `accept_url` (valid 7 days, single use) and emails it when SMTP_URL is set. Owners and admins; only an owner invites an owner. Someone who is a member already, or has a pending invitation, gets 409 (resend it instead).',
  auth: 'member',
  permission: 'invite-member',
  changesData: true,
  input: InviteMemberRequest,
  output: InvitationWithLink,
  status: 201,
  async handler({ email, role }, ctx) {
    const { db, clock } = ctx.deps
    const { caller } = ctx
    if (role === 'owner' && caller.role !== 'owner') {
      throw new ApiError('42501', 'Only an owner invites an owner', {
        hint: 'Invite them as an admin, or ask an owner',
      })
    }
    const address = email.toLowerCase()
    const [member] = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.org_id, caller.orgId), eq(memberships.email, address)))
    if (member) {
      throw new ApiError('CG409', `${address} is already a member of this organization`, {
        details: [{ field: 'email', message: 'Already a member', issue: 'member' }],
        hint: 'Change their role in Team Members instead',
      })
    }
    const now = clock.now().toISOString()
    const [pending] = await db
      .select({ id: invitations.id })
      .from(invitations)
      .where(
        and(
          eq(invitations.org_id, caller.orgId),
          eq(invitations.email, address),
          isNull(invitations.accepted_at),
          isNull(invitations.revoked_at),
          gt(invitations.expires_at, now),
        ),
      )
    if (pending) {
      throw new ApiError('CG409', `${address} has a pending invitation`, {
        details: [
          { field: 'email', message: 'Already invited', issue: 'invited', params: { id: pending.id } },
        ],
        hint: `Resend it: POST /functions/v1/resend-invitation {"id":"${pending.id}"}`,
      })
    }
    const row: InvitationRow = {
      id: newId('inv'),
      org_id: caller.orgId,
      email: address,
      role: role as Role,
      token_hash: '',
      invited_by: caller.kind === 'session' ? caller.userId : null,
      expires_at: now,
      accepted_at: null,
      revoked_at: null,
      created_at: now,
      updated_at: now,
    }
    return issue(row, null, ctx)
  },
})

export const resendInvitationFunction = defineFunction({
  name: 'resend-invitation',
  summary:
    'Issue a pending or expired invitation again: a new link valid 7 days (the old one stops working), emailed when SMTP_URL is set. Owners and admins.',
  auth: 'member',
  permission: 'resend-invitation',
  changesData: true,
  input: InvitationIdRequest,
  output: InvitationWithLink,
  async handler({ id }, ctx) {
    const row = await openInvitation(ctx.deps.db, ctx.caller.orgId, id, 'resend')
    return issue(row, row, ctx)
  },
})

export const revokeInvitationFunction = defineFunction({
  name: 'revoke-invitation',
  summary: 'Revoke an invitation: its link stops working (410). Owners and admins.',
  auth: 'member',
  permission: 'revoke-invitation',
  changesData: true,
  input: InvitationIdRequest,
  output: Invitation,
  async handler({ id }, { deps, registry, caller }) {
    const { db, clock, config } = deps
    const row = await openInvitation(db, caller.orgId, id, 'revoke')
    const now = clock.now()
    const next = { ...row, revoked_at: now.toISOString(), updated_at: now.toISOString() }
    const ctx: WriteContext = { db, caller, now: now.toISOString(), config }
    await commitBatch(
      invitationsResource,
      ctx,
      {
        writes: [db.update(invitations).set(next).where(eq(invitations.id, id))],
        events: [
          { op: 'update', resource: invitationsResource, before: row as Row, after: next as Row, caller },
        ],
        added: none,
      },
      { registry },
    )
    return shown(next, now)
  },
})

/** Why a token cannot be used, each in its own words (410). */
function gone(row: InvitationRow, now: Date): ApiError | null {
  if (row.accepted_at)
    return new ApiError('CG410', 'This invitation was already used', { hint: 'Sign in instead' })
  if (row.revoked_at) {
    return new ApiError('CG410', 'This invitation was revoked', { hint: 'Ask for a new invitation' })
  }
  if (new Date(row.expires_at).getTime() <= now.getTime()) {
    return new ApiError('CG410', `This invitation expired on ${row.expires_at}`, {
      hint: 'Ask an owner or admin to resend it',
    })
  }
  return null
}

export const acceptInvitationFunction = defineFunction({
  name: 'accept-invitation',
  summary:
    "Accept an invitation for the person your app has signed in: `email` must be the invited one (any case). Creates the user if needed and the membership with the invited role, and answers a session as `POST /functions/v1/sessions` does. Call it from your backend with the org's API key (in demo mode, also without one). Used, revoked and expired links answer 410, an unknown one 404.",
  auth: 'public',
  changesData: true,
  input: AcceptInvitationRequest,
  output: AcceptInvitationResponse,
  status: 201,
  async handler({ token, email, name }, { deps, registry, caller }) {
    const { db, clock, config } = deps
    if (caller?.kind === 'session') {
      throw new ApiError('42501', 'accept-invitation is called by your backend with its API key', {
        hint: 'Send "Authorization: Bearer ak_…" from your server after signing the person in',
      })
    }
    if (!caller && config.CG_MODE !== 'demo') {
      throw new ApiError('PGRST301', 'Missing credentials', {
        hint: "Call it with the organization's API key",
      })
    }
    const [row] = await db
      .select()
      .from(invitations)
      .where(eq(invitations.token_hash, await hashOf(token)))
    if (!row || (caller && row.org_id !== caller.orgId)) {
      throw new ApiError('CG404', 'No invitation for this link', {
        details: [{ field: 'token', message: 'Not an invitation of this organization' }],
        hint: 'Check that the whole link was copied',
      })
    }
    const now = clock.now()
    const refused = gone(row, now)
    if (refused) throw refused
    if (email.toLowerCase() !== row.email) {
      throw new ApiError('22P02', 'Invalid email: this invitation is for another email address', {
        details: [{ field: 'email', message: 'Not the invited email address', issue: 'custom' }],
        hint: 'Sign in with the address the invitation was sent to',
      })
    }
    await orgInvitation(db, row.org_id, row.id) // still there
    const actor: Caller | undefined = caller ?? undefined
    const member = await ensureMember(
      db,
      clock,
      { orgId: row.org_id, email: row.email, name, role: row.role },
      actor,
    )
    const who: Caller = actor ?? {
      kind: 'session',
      userId: member.userId,
      orgId: row.org_id,
      role: member.role,
    }
    const next = { ...row, accepted_at: now.toISOString(), updated_at: now.toISOString() }
    await commitBatch(
      invitationsResource,
      { db, caller: who, now: now.toISOString(), config },
      {
        writes: [
          db
            .update(invitations)
            .set(next)
            .where(and(eq(invitations.id, row.id), isNull(invitations.accepted_at))),
        ],
        events: [
          {
            op: 'update',
            resource: invitationsResource,
            before: row as Row,
            after: next as Row,
            caller: who,
          },
        ],
        added: none,
      },
      { registry },
    )
    return mintSession(config.SESSION_SECRET, clock, { ...member, orgId: row.org_id })
  },
})
