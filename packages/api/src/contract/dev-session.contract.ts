/** @module Contract: the demo route `POST /functions/v1/dev/session` (sessions for every role, in org A or an org by slug). */
import { roles } from '@connectgain/contracts'
import { describe, expect, it } from 'vitest'
import {
  DEV_SESSION,
  devSession,
  expectError,
  listOrgs,
  ORG_B,
  readOrg,
  type Session,
  send,
  type Target,
  unique,
  updateOrg,
} from './http.ts'

export function registerDevSessionContract(target: Target): void {
  describe('POST /functions/v1/dev/session', () => {
    it('gives each of the five roles a session in the demo org, one member per role', async () => {
      const sessions: Session[] = []
      for (const role of roles) sessions.push(await devSession(target, role))
      const [first] = sessions
      expect(new Set(sessions.map((s) => s.org_id))).toEqual(new Set([first?.org_id]))
      expect(new Set(sessions.map((s) => s.user_id)).size).toBe(roles.length)
      for (const session of sessions) {
        const rows = await listOrgs(target, session.access_token)
        expect(rows.map((r) => r.id)).toEqual([session.org_id])
      }
    })

    it('answers the same member on a second call', async () => {
      const a = await devSession(target, 'agent')
      const b = await devSession(target, 'agent')
      expect(b.user_id).toBe(a.user_id)
      expect(b.org_id).toBe(a.org_id)
    })

    it(`with org_slug "${ORG_B}" gives another org`, async () => {
      const a = await devSession(target, 'admin')
      const b = await devSession(target, 'admin', ORG_B)
      expect(b.org_id).not.toBe(a.org_id)
      expect((await readOrg(target, b.access_token, b.org_id)).slug).toBe(ORG_B)
    })

    it('creates an unknown org_slug on first use and answers the same org on the second', async () => {
      const slug = `tenant-${unique()}`
      const demo = await devSession(target, 'owner')
      const first = await devSession(target, 'owner', slug)
      const second = await devSession(target, 'agent', slug)
      expect(first.org_id).not.toBe(demo.org_id)
      expect(second.org_id).toBe(first.org_id)
      const org = await readOrg(target, first.access_token, first.org_id)
      expect(org).toMatchObject({ id: first.org_id, slug })
    })

    it('keeps answering the demo org after the demo org changes its slug', async () => {
      const owner = await devSession(target, 'owner')
      const before = await readOrg(target, owner.access_token, owner.org_id)
      const renamed = `renamed-${unique()}`
      await updateOrg(target, owner.access_token, owner.org_id, { slug: renamed })
      try {
        const again = await devSession(target, 'agent')
        expect(again.org_id).toBe(owner.org_id)
        expect((await readOrg(target, again.access_token, again.org_id)).slug).toBe(renamed)
      } finally {
        await updateOrg(target, owner.access_token, owner.org_id, { slug: before.slug })
      }
    })

    it('refuses an unknown role with 400 naming role', async () => {
      const res = await send(target, DEV_SESSION, { method: 'POST', body: { role: 'superuser' } })
      await expectError(res, { status: 400, code: '22P02', field: 'role' })
    })

    it('refuses an org_slug that is not a slug with 400 naming org_slug', async () => {
      const res = await send(target, DEV_SESSION, {
        method: 'POST',
        body: { role: 'admin', org_slug: 'Not A Slug' },
      })
      await expectError(res, { status: 400, code: '22P02', field: 'org_slug' })
    })

    it('refuses an unknown field with 400 naming it', async () => {
      const res = await send(target, DEV_SESSION, {
        method: 'POST',
        body: { role: 'admin', org_id: 'org_x' },
      })
      await expectError(res, { status: 400, code: 'PGRST204', field: 'org_id' })
    })
  })
}
