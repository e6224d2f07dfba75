/** @module Contract: `POST /functions/v1/sessions`, where a host backend mints session tokens with its org API key. */
import type { Role } from '@connectgain/contracts'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  devSession,
  expectError,
  expectJson,
  expectSession,
  listOrgs,
  ORG_B,
  SESSIONS,
  type Session,
  send,
  type Target,
  unique,
} from './http.ts'

/** An email no earlier run used, so the "new person" is new on hosts whose database persists. */
const newEmail = () => `new.person.${unique()}@example.com`

export function registerSessionsContract(target: Target): void {
  describe('POST /functions/v1/sessions', () => {
    let orgA: string
    let orgB: string
    beforeAll(async () => {
      orgA = (await devSession(target, 'owner')).org_id
      orgB = (await devSession(target, 'admin', ORG_B)).org_id
    })
    /** Calls the function with the org A API key (or `token`). */
    const mint = (body: unknown, token: string = target().keys.active) =>
      send(target, SESSIONS, { method: 'POST', token, body })
    const minted = async (body: unknown, role: Role): Promise<Session> => {
      const session = await expectJson<Session>(await mint(body), 201)
      expectSession(session, role)
      expect(session.org_id).toBe(orgA)
      return session
    }

    it('with the email of a new person → 201, an agent session whose token reads org A', async () => {
      const session = await minted({ email: newEmail() }, 'agent')
      expect((await listOrgs(target, session.access_token)).map((o) => o.id)).toEqual([orgA])
    })

    it('with a role → the member gets that role (the host is the source of truth), same user', async () => {
      const email = newEmail()
      const first = await minted({ email }, 'agent')
      const promoted = await minted({ email, role: 'admin' }, 'admin')
      expect(promoted.user_id).toBe(first.user_id)
      const demoted = await minted({ email: email.toUpperCase(), role: 'agent' }, 'agent')
      expect(demoted.user_id).toBe(first.user_id)
    })

    it('with the user_id of a member → that member, who keeps their role', async () => {
      const created = await minted({ email: newEmail(), role: 'admin' }, 'admin')
      const again = await minted({ user_id: created.user_id }, 'admin')
      expect(again.user_id).toBe(created.user_id)
    })

    it('accepts the key in the apikey header', async () => {
      const res = await send(target, SESSIONS, {
        method: 'POST',
        headers: { apikey: target().keys.active },
        body: { email: newEmail() },
      })
      expectSession(await expectJson<Session>(res, 201), 'agent')
    })

    it('an unknown user_id → 404 naming user_id', async () => {
      await expectError(await mint({ user_id: 'usr_doesnotexist' }), {
        status: 404,
        code: 'CG404',
        field: 'user_id',
      })
    })

    it.each([
      ['both user_id and email', { user_id: 'usr_x', email: 'both@example.com' }],
      ['neither user_id nor email', { role: 'agent' }],
    ])('%s → 400 naming user_id', async (_label, body) => {
      await expectError(await mint(body), { status: 400, code: '22P02', field: 'user_id' })
    })

    it.each([
      ['email', { email: 'not-an-email' }],
      ['role', { email: 'role@example.com', role: 'superuser' }],
    ])('an invalid %s → 400 naming it', async (field, body) => {
      await expectError(await mint(body), { status: 400, code: '22P02', field })
    })

    it('an unknown field → 400 naming it', async () => {
      await expectError(await mint({ email: newEmail(), org_id: 'org_x' }), {
        status: 400,
        code: 'PGRST204',
        field: 'org_id',
      })
    })

    it('a token minted for org A cannot read org B', async () => {
      const session = await minted({ email: newEmail(), role: 'owner' }, 'owner')
      expect(await listOrgs(target, session.access_token, `?id=eq.${orgB}`)).toEqual([])
      expect(
        (await listOrgs(target, session.access_token, `?id=in.(${orgA},${orgB})`)).map((o) => o.id),
      ).toEqual([orgA])
    })

    it("org A's key cannot mint a session for a member of org B (404)", async () => {
      const memberB = await devSession(target, 'agent', ORG_B)
      await expectError(await mint({ user_id: memberB.user_id }), {
        status: 404,
        code: 'CG404',
        field: 'user_id',
      })
    })

    it.each(['owner', 'admin'] as const)(
      'a %s session JWT instead of an API key → 403 42501',
      async (role) => {
        const { access_token } = await devSession(target, role)
        await expectError(await mint({ email: newEmail() }, access_token), {
          status: 403,
          code: '42501',
          message: /API key/,
        })
      },
    )

    it('no credentials → 401 PGRST301', async () => {
      const res = await send(target, SESSIONS, { method: 'POST', body: { email: newEmail() } })
      await expectError(res, { status: 401, code: 'PGRST301' })
    })

    it('a revoked or expired key → 401', async () => {
      const { revoked, expired } = target().keys
      await expectError(await mint({ email: newEmail() }, revoked), { status: 401, code: 'PGRST301' })
      await expectError(await mint({ email: newEmail() }, expired), { status: 401, code: 'PGRST301' })
    })
  })
}
