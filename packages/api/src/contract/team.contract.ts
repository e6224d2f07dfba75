/**
 * @module Contract: the team. Membership and role are read on every request (an old token acts with the role the
 * member has now, and a removed member's is refused), the members list, and the role rules with the roles that
 * must not pass. Each case uses an org of its own.
 */
import type { Role } from '@connectgain/contracts'
import { describe, expect, it } from 'vitest'
import {
  devSession,
  expectError,
  expectJson,
  ORG_B,
  ORGS,
  type CreatedRow as Row,
  SESSIONS,
  type Session,
  send,
  type Target,
  unique,
} from './http.ts'

interface Member extends Row {
  user_id: string
  email: string
  role: Role
  availability: string
  assignable: boolean
  last_active_at: string | null
}

/** A pending invitation and a team with a member in each org of the generated cases (the demo org and org B). */
export async function seedInvitation(target: Target): Promise<void> {
  for (const slug of [undefined, ORG_B]) {
    const owner = await devSession(target, 'owner', slug)
    const res = await send(target, '/functions/v1/invite-member', {
      method: 'POST',
      token: owner.access_token,
      body: { email: `seeded.${unique()}@example.com`, role: 'agent' },
    })
    if (res.status !== 201) throw new Error(`seeding an invitation: ${res.status} ${await res.text()}`)
    // And a team with a member, for the generated teams and team_members cases.
    const made = await send(target, '/rest/v1/teams', {
      method: 'POST',
      token: owner.access_token,
      body: { name: `Seeded ${unique()}` },
      headers: { Prefer: 'return=representation' },
    })
    const [seeded] = (await made.json()) as Row[]
    const added = await send(target, '/functions/v1/add-team-member', {
      method: 'POST',
      token: owner.access_token,
      body: { team_id: seeded?.id, user_id: owner.user_id },
    })
    if (added.status !== 201) throw new Error(`seeding a team member: ${added.status} ${await added.text()}`)
  }
}

export function registerTeamContract(target: Target): void {
  describe('The team: members, role rules, membership read on every request', () => {
    /** A fresh org with an owner, an API key and a member of `role` minted by the key (as a host backend does). */
    async function team(role: Role = 'admin') {
      const slug = `team-${unique().toLowerCase()}`
      const owner = await devSession(target, 'owner', slug)
      const { api_key: key } = await expectJson<{ api_key: string }>(
        await send(target, '/functions/v1/generate-api-key', {
          method: 'POST',
          token: owner.access_token,
          body: { name: 'Backend' },
        }),
        201,
      )
      const mint = (email: string, as?: Role) =>
        send(target, SESSIONS, { method: 'POST', token: key, body: { email, ...(as ? { role: as } : {}) } })
      const email = `member.${unique()}@example.com`
      const member = await expectJson<Session>(await mint(email, role), 201)
      const members = async (token = owner.access_token) =>
        expectJson<Member[]>(await send(target, '/rest/v1/members?order=created_at', { token }), 200)
      const find = async (userId: string) => (await members()).find((m) => m.user_id === userId) as Member
      const patch = (s: Session, id: string, body: unknown) =>
        send(target, `/rest/v1/members?id=eq.${id}`, { method: 'PATCH', token: s.access_token, body })
      const remove = (s: Session, id: string) =>
        send(target, `/rest/v1/members?id=eq.${id}`, { method: 'DELETE', token: s.access_token })
      return { slug, owner, key, mint, email, member, members, find, patch, remove }
    }
    const renameOrg = (token: string, orgId: string) =>
      send(target, `${ORGS}?id=eq.${orgId}`, {
        method: 'PATCH',
        token,
        body: { name: `Renamed ${unique()}` },
      })

    it('an old token acts with the role the member has now: an admin demoted to agent can no longer change the org', async () => {
      const { member, mint, email } = await team('admin')
      expect((await renameOrg(member.access_token, member.org_id)).status).toBe(204)
      await expectJson(await mint(email, 'agent'), 201)
      await expectError(await renameOrg(member.access_token, member.org_id), { status: 403, code: '42501' })
      const generated = await send(target, '/functions/v1/generate-api-key', {
        method: 'POST',
        token: member.access_token,
        body: { name: 'With an old token' },
      })
      await expectError(generated, { status: 403, code: '42501' })
    })

    it('a removed member is refused from their next request (401), their open conversations unassigned', async () => {
      const { owner, member, find, remove } = await team('agent')
      const [contact] = await expectJson<Row[]>(
        await send(target, '/rest/v1/contacts', {
          method: 'POST',
          token: owner.access_token,
          body: { name: `Ana ${unique()}` },
          headers: { Prefer: 'return=representation' },
        }),
        201,
      )
      const [open] = await expectJson<Row[]>(
        await send(target, '/rest/v1/conversations', {
          method: 'POST',
          token: owner.access_token,
          body: { contact_id: contact?.id, subject: 'Open', assignee_id: member.user_id },
          headers: { Prefer: 'return=representation' },
        }),
        201,
      )
      const membership = await find(member.user_id)
      expect((await remove(owner, membership.id)).status).toBe(204)
      await expectError(await send(target, ORGS, { token: member.access_token }), {
        status: 401,
        code: 'PGRST301',
        message: /no longer a member of this organization/,
      })
      const [after] = await expectJson<Row[]>(
        await send(target, `/rest/v1/conversations?id=eq.${open?.id}`, { token: owner.access_token }),
        200,
      )
      expect(after?.assignee_id).toBeNull()
      const audit = await expectJson<Row[]>(
        await send(target, `/rest/v1/audit_log?row_id=eq.${open?.id}&order=created_at.desc&limit=1`, {
          token: owner.access_token,
        }),
        200,
      )
      expect(audit[0]).toMatchObject({ action: 'update', resource: 'conversations' })
    })

    it('lists members with who they are; a project manager or anyone offline is not assignable; another org sees none', async () => {
      const { owner, member, members, find, patch, email } = await team('project_manager')
      const listed = await members(member.access_token)
      expect(listed.map((m) => m.role).sort()).toEqual(['owner', 'project_manager'])
      const pm = await find(member.user_id)
      expect(pm).toMatchObject({ email, role: 'project_manager', availability: 'online', assignable: false })
      const me = (await members()).find((m) => m.role === 'owner') as Member
      expect(me.assignable).toBe(true)
      expect((await patch(owner, me.id, { availability: 'offline' })).status).toBe(204)
      expect((await find(owner.user_id)).assignable).toBe(false)
      const other = await devSession(target, 'owner', `team-other-${unique().toLowerCase()}`)
      const theirs = await expectJson<Member[]>(
        await send(target, '/rest/v1/members', { token: other.access_token }),
        200,
      )
      expect(theirs.some((m) => m.user_id === member.user_id || m.user_id === owner.user_id)).toBe(false)
      // Another org's member is as absent as a missing one: the PATCH matches nothing and changes nothing.
      expect((await patch(other, pm.id, { role: 'agent' })).status).toBe(204)
      expect((await find(member.user_id)).role).toBe('project_manager')
    })

    it('a member sets their own availability by function; PATCH is for owners and admins; nobody else’s', async () => {
      const { owner, member, find, patch } = await team('agent')
      const mine = await find(member.user_id)
      const set = await expectJson<Member>(
        await send(target, '/functions/v1/set-availability', {
          method: 'POST',
          token: member.access_token,
          body: { availability: 'busy' },
        }),
        200,
      )
      expect(set).toMatchObject({ id: mine.id, availability: 'busy', role: 'agent', assignable: true })
      expect((await find(member.user_id)).availability).toBe('busy')
      await expectError(await patch(member, mine.id, { role: 'admin' }), { status: 403, code: '42501' })
      const ownerRow = await find(owner.user_id)
      await expectError(await patch(member, ownerRow.id, { availability: 'offline' }), {
        status: 403,
        code: '42501',
      })
      await expectError(
        await send(target, `/rest/v1/members?id=eq.${ownerRow.id}`, {
          method: 'DELETE',
          token: member.access_token,
        }),
        { status: 403, code: '42501' },
      )
      expect((await find(owner.user_id)).availability).toBe('online')
    })

    it('only an owner makes or unmakes owners; nobody changes their own role; the last owner stays (409, every path)', async () => {
      const { owner, member: admin, find, patch, remove, mint } = await team('admin')
      const adminRow = await find(admin.user_id)
      const ownerRow = await find(owner.user_id)
      await expectError(await patch(admin, adminRow.id, { role: 'agent' }), {
        status: 403,
        code: '42501',
        message: /own role/,
      })
      await expectError(await patch(owner, ownerRow.id, { role: 'admin' }), { status: 403, code: '42501' })
      await expectError(await patch(admin, ownerRow.id, { role: 'admin' }), {
        status: 403,
        code: '42501',
        message: /Only an owner/,
      })
      await expectError(await remove(admin, ownerRow.id), { status: 403, code: '42501' })
      // The only owner, through sessions (the host backend's key) and through a removal.
      await expectError(await mint(`owner@${ownerRow.email.split('@')[1]}`, 'agent'), {
        status: 409,
        code: 'CG409',
        message: /last owner/,
      })
      await expectError(await remove(owner, ownerRow.id), {
        status: 409,
        code: 'CG409',
        message: /last owner/,
      })
      expect((await find(owner.user_id)).role).toBe('owner')
      // An owner makes the admin an owner; then either may step the other down.
      expect((await patch(owner, adminRow.id, { role: 'owner' })).status).toBe(204)
      expect((await find(admin.user_id)).role).toBe('owner')
      expect((await patch(admin, ownerRow.id, { role: 'agent' })).status).toBe(204)
      expect((await find(owner.user_id)).role).toBe('agent')
    })

    it('writes last_active_at as the member uses the API', async () => {
      const { member, find } = await team('agent')
      await send(target, ORGS, { token: member.access_token })
      let seen: string | null = null
      for (let i = 0; i < 50 && !seen; i++) {
        seen = (await find(member.user_id)).last_active_at
        if (!seen) await new Promise((r) => setTimeout(r, 50))
      }
      expect(seen).toEqual(expect.any(String))
    })

    it('a read_only API key cannot reveal a webhook secret (403 naming the scope)', async () => {
      const { owner } = await team()
      const [hook] = await expectJson<Row[]>(
        await send(target, '/rest/v1/webhook_configurations', {
          method: 'POST',
          token: owner.access_token,
          body: { url: 'https://hooks.example.com/team', events: ['*'] },
          headers: { Prefer: 'return=representation' },
        }),
        201,
      )
      const { api_key } = await expectJson<{ api_key: string }>(
        await send(target, '/functions/v1/generate-api-key', {
          method: 'POST',
          token: owner.access_token,
          body: { name: 'Reader', scope: 'read_only' },
        }),
        201,
      )
      await expectError(
        await send(target, '/functions/v1/reveal-webhook-secret', {
          method: 'POST',
          token: api_key,
          body: { id: hook?.id },
        }),
        { status: 403, code: '42501', message: /read_only/ },
      )
    })

    it('the audit log answers CSV for Accept: text/csv, the selected columns as its header', async () => {
      const { owner, member } = await team('agent')
      const res = await send(target, '/rest/v1/audit_log?select=action,resource,row_id&order=created_at', {
        token: owner.access_token,
        headers: { Accept: 'text/csv' },
      })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
      const [header, ...lines] = (await res.text()).trimEnd().split('\r\n')
      expect(header).toBe('action,resource,row_id')
      expect(lines.some((line) => line.startsWith('insert,members,'))).toBe(true)
      await expectError(
        await send(target, '/rest/v1/audit_log', {
          token: member.access_token,
          headers: { Accept: 'text/csv' },
        }),
        { status: 403, code: '42501' },
      )
    })

    it('invitations: a link to copy, no duplicates, only an owner invites an owner; accepted once, by the invited email', async () => {
      const { owner, member: admin, key } = await team('admin')
      const call = (name: string, body: unknown, token?: string) =>
        send(target, `/functions/v1/${name}`, { method: 'POST', body, ...(token ? { token } : {}) })
      const email = `invitee.${unique()}@example.com`
      const invited = await expectJson<Row & { accept_url: string; status: string; emailed: boolean }>(
        await call('invite-member', { email, role: 'agent' }, admin.access_token),
        201,
      )
      expect(invited).toMatchObject({ email, role: 'agent', status: 'pending', emailed: false })
      const token = new URL(invited.accept_url).searchParams.get('invite') as string
      expect(token).toMatch(/^inv_/)
      const again = await expectError(
        await call('invite-member', { email, role: 'agent' }, owner.access_token),
        {
          status: 409,
          code: 'CG409',
        },
      )
      expect(again.hint).toContain('resend-invitation')
      await expectError(
        await call(
          'invite-member',
          { email: `boss.${unique()}@example.com`, role: 'owner' },
          admin.access_token,
        ),
        {
          status: 403,
          code: '42501',
          message: /Only an owner/,
        },
      )
      const agent = await devSession(target, 'agent', (await team()).slug)
      await expectError(
        await call(
          'invite-member',
          { email: `x.${unique()}@example.com`, role: 'agent' },
          agent.access_token,
        ),
        {
          status: 403,
          code: '42501',
        },
      )
      const list = await expectJson<Row[]>(
        await send(target, '/rest/v1/invitations', { token: owner.access_token }),
        200,
      )
      expect(list.map((i) => i.email)).toContain(email)
      expect(list.every((i) => !('token_hash' in i))).toBe(true)
      const other = await team()
      const theirs = await expectJson<Row[]>(
        await send(target, '/rest/v1/invitations', { token: other.owner.access_token }),
        200,
      )
      expect(theirs.some((i) => i.email === email)).toBe(false)
      await expectError(await call('accept-invitation', { token, email }, other.key), {
        status: 404,
        code: 'CG404',
      })
      const wrong = await expectError(
        await call('accept-invitation', { token, email: 'someone.else@example.com' }, key),
        {
          status: 400,
          code: '22P02',
        },
      )
      expect(JSON.stringify(wrong.details)).toContain('email')
      // Demo mode: the demo page accepts a link itself, without an API key.
      const session = await expectJson<Session>(
        await call('accept-invitation', { token, email: email.toUpperCase() }),
        201,
      )
      expect(session).toMatchObject({ role: 'agent', org_id: owner.org_id })
      expect((await send(target, ORGS, { token: session.access_token })).status).toBe(200)
      await expectError(await call('accept-invitation', { token, email }, key), {
        status: 410,
        code: 'CG410',
        message: /^This invitation was already used$/,
      })
      await expectError(await call('invite-member', { email, role: 'agent' }, owner.access_token), {
        status: 409,
        code: 'CG409',
        message: /already a member/,
      })
    })

    it('a revoked invitation answers 410 and a resend of it 409; an unknown token 404', async () => {
      const { owner, key } = await team()
      const call = (name: string, body: unknown, token: string) =>
        send(target, `/functions/v1/${name}`, { method: 'POST', body, token })
      const email = `revoked.${unique()}@example.com`
      const invited = await expectJson<Row & { accept_url: string }>(
        await call('invite-member', { email, role: 'agent' }, owner.access_token),
        201,
      )
      const revoked = await expectJson<Row>(
        await call('revoke-invitation', { id: invited.id }, owner.access_token),
        200,
      )
      expect(revoked.status).toBe('revoked')
      const token = new URL(invited.accept_url).searchParams.get('invite') as string
      await expectError(await call('accept-invitation', { token, email }, key), {
        status: 410,
        code: 'CG410',
        message: /^This invitation was revoked$/,
      })
      await expectError(await call('resend-invitation', { id: invited.id }, owner.access_token), {
        status: 409,
        code: 'CG409',
      })
      await expectError(await call('accept-invitation', { token: 'inv_nope', email }, key), {
        status: 404,
        code: 'CG404',
      })
    })

    it('teams: a name unique in any case; a team admin manages only their own teams; deleting a team unroutes its conversations', async () => {
      const { owner, member: teamAdmin, mint } = await team('team_admin')
      const agent = await expectJson<Session>(await mint(`agent.${unique()}@example.com`, 'agent'), 201)
      const call = (name: string, body: unknown, s: Session) =>
        send(target, `/functions/v1/${name}`, { method: 'POST', body, token: s.access_token })
      const post = async (resource: string, body: unknown) =>
        (
          await expectJson<Row[]>(
            await send(target, `/rest/v1/${resource}`, {
              method: 'POST',
              token: owner.access_token,
              body,
              headers: { Prefer: 'return=representation' },
            }),
            201,
          )
        )[0] as Row
      const billing = await post('teams', { name: `Billing ${unique()}` })
      const sales = await post('teams', { name: `Sales ${unique()}` })
      await expectError(
        await send(target, '/rest/v1/teams', {
          method: 'POST',
          token: owner.access_token,
          body: { name: String(billing.name).toUpperCase() },
        }),
        { status: 409, code: '23505' },
      )
      // The owner puts the team admin in Billing and makes them its admin: Billing only.
      const seat = await expectJson<Row>(
        await call('add-team-member', { team_id: billing.id, user_id: teamAdmin.user_id }, owner),
        201,
      )
      const appoint = await send(target, `/rest/v1/team_members?id=eq.${seat.id}`, {
        method: 'PATCH',
        token: owner.access_token,
        body: { is_team_admin: true },
      })
      expect(appoint.status).toBe(204)
      const renamed = await expectJson<Row>(
        await call('update-team', { id: billing.id, name: `Billing and refunds ${unique()}` }, teamAdmin),
        200,
      )
      expect(renamed.name).toMatch(/^Billing and refunds/)
      await expectJson(
        await call('add-team-member', { team_id: billing.id, user_id: agent.user_id }, teamAdmin),
        201,
      )
      await expectError(await call('update-team', { id: sales.id, name: 'Taken over' }, teamAdmin), {
        status: 403,
        code: '42501',
        message: /not an admin of the team/,
      })
      await expectError(
        await call('add-team-member', { team_id: sales.id, user_id: agent.user_id }, teamAdmin),
        {
          status: 403,
          code: '42501',
        },
      )
      await expectError(
        await call('add-team-member', { team_id: billing.id, user_id: agent.user_id }, agent),
        {
          status: 403,
          code: '42501',
        },
      )
      await expectError(
        await send(target, '/rest/v1/teams', {
          method: 'POST',
          token: teamAdmin.access_token,
          body: { name: 'Mine' },
        }),
        { status: 403, code: '42501' },
      )
      const other = await team()
      await expectError(
        await call('add-team-member', { team_id: billing.id, user_id: other.owner.user_id }, owner),
        {
          status: 409,
          code: '23503',
        },
      )
      await expectError(await call('update-team', { id: billing.id, name: 'Foreign' }, other.owner), {
        status: 404,
        code: 'CG404',
      })
      // Deleting the team: its conversations are no longer routed to it, and its members no longer in it.
      const contact = await post('contacts', { name: `Routed ${unique()}` })
      const routed = await post('conversations', { contact_id: contact.id, team_id: billing.id })
      const removed = await send(target, `/rest/v1/teams?id=eq.${billing.id}`, {
        method: 'DELETE',
        token: owner.access_token,
      })
      expect(removed.status).toBe(204)
      const [after] = await expectJson<Row[]>(
        await send(target, `/rest/v1/conversations?id=eq.${routed.id}`, { token: owner.access_token }),
        200,
      )
      expect(after?.team_id).toBeNull()
      const left = await expectJson<Row[]>(
        await send(target, `/rest/v1/team_members?team_id=eq.${billing.id}`, { token: owner.access_token }),
        200,
      )
      expect(left).toEqual([])
    })
  })
}

/**
 * Last of the suite: it moves the host clock eight days forward (past every invitation's expiry and every
 * earlier token's), so nothing after it relies on what came before.
 */
export function registerInvitationExpiryContract(target: Target): void {
  describe('Invitations expire after 7 days', () => {
    it('an invitation 8 days old → 410 naming when it expired; a resend gives a link that works', async ({
      skip,
    }) => {
      const advance = target().advanceClock
      if (!advance) return skip('this host cannot move its clock')
      const slug = `expiry-${unique().toLowerCase()}`
      const owner = await devSession(target, 'owner', slug)
      const call = (name: string, body: unknown, token: string) =>
        send(target, `/functions/v1/${name}`, { method: 'POST', body, token })
      const { api_key: key } = await expectJson<{ api_key: string }>(
        await call('generate-api-key', { name: 'Backend' }, owner.access_token),
        201,
      )
      const email = `late.${unique()}@example.com`
      const invited = await expectJson<Row & { accept_url: string }>(
        await call('invite-member', { email, role: 'agent' }, owner.access_token),
        201,
      )
      advance(8 * 86_400_000)
      const token = new URL(invited.accept_url).searchParams.get('invite') as string
      await expectError(await call('accept-invitation', { token, email }, key), {
        status: 410,
        code: 'CG410',
        message: /^This invitation expired on /,
      })
      const resent = await expectJson<Row & { accept_url: string }>(
        await call('resend-invitation', { id: invited.id }, key),
        200,
      )
      const fresh = new URL(resent.accept_url).searchParams.get('invite') as string
      await expectError(await call('accept-invitation', { token, email }, key), {
        status: 404,
        code: 'CG404',
      })
      const session = await expectJson<Session>(
        await call('accept-invitation', { token: fresh, email }, key),
        201,
      )
      expect(session.role).toBe('agent')
    })
  })
}
