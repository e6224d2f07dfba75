/** @module Contract: reading and updating the caller's organization (spec "Update Organization Settings") and every field rule. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  devSession,
  expectError,
  expectJson,
  expectOrgUnchanged,
  listOrgs,
  ORG_B,
  ORGS,
  type Org,
  type OrgSettings,
  patchOrgs,
  readOrg,
  rolesWhoCan,
  type Session,
  SINGLE_OBJECT,
  send,
  settingsOf,
  type Target,
  unique,
  updateOrg,
} from './http.ts'

/** The request body of the spec's "Update Organization Settings". */
const specBody: OrgSettings = {
  name: 'My Company',
  slug: 'my-company',
  timezone: 'America/New_York',
  currency: 'USD',
}
const orgColumns = ['created_at', 'currency', 'id', 'name', 'slug', 'timezone', 'updated_at']

export function registerOrganizationsContract(target: Target): void {
  describe('GET /rest/v1/organizations', () => {
    let owner: Session
    beforeAll(async () => {
      owner = await devSession(target, 'owner')
    })

    it("lists exactly the caller's own org, with every readable column", async () => {
      const rows = await listOrgs(target, owner.access_token)
      expect(rows).toHaveLength(1)
      expect(rows[0]?.id).toBe(owner.org_id)
      expect(Object.keys(rows[0] ?? {}).sort()).toEqual(orgColumns)
    })

    it('select= returns only the listed columns', async () => {
      const rows = await listOrgs(target, owner.access_token, `?select=id,name&id=eq.${owner.org_id}`)
      expect(rows).toHaveLength(1)
      expect(Object.keys(rows[0] ?? {}).sort()).toEqual(['id', 'name'])
    })

    it(`Accept: ${SINGLE_OBJECT} answers an object`, async () => {
      const res = await send(target, `${ORGS}?id=eq.${owner.org_id}`, {
        token: owner.access_token,
        headers: { Accept: SINGLE_OBJECT },
      })
      expect(res.headers.get('content-type')).toContain(SINGLE_OBJECT)
      const org = await expectJson<Org>(res, 200)
      expect(Array.isArray(org)).toBe(false)
      expect(org.id).toBe(owner.org_id)
    })

    it('Prefer: count=exact reports the total in Content-Range', async () => {
      const res = await send(target, ORGS, { token: owner.access_token, headers: { Prefer: 'count=exact' } })
      expect(res.headers.get('content-range')).toBe('0-0/1')
      expect(await expectJson<Org[]>(res, 200)).toHaveLength(1)
    })

    it('a single object on a filter matching nothing → 406 PGRST116', async () => {
      const res = await send(target, `${ORGS}?id=eq.org_missing`, {
        token: owner.access_token,
        headers: { Accept: SINGLE_OBJECT },
      })
      await expectError(res, { status: 406, code: 'PGRST116' })
    })

    it('an unknown column in select → 400 42703 naming it', async () => {
      const res = await send(target, `${ORGS}?select=id,password`, { token: owner.access_token })
      await expectError(res, { status: 400, code: '42703', message: /password/ })
    })

    it.each(['POST', 'DELETE'])(
      '%s is not allowed on organizations → 405, and nothing changes',
      async (method) => {
        await expectOrgUnchanged(target, owner.access_token, owner.org_id, async () => {
          const res = await send(target, `${ORGS}?id=eq.${owner.org_id}`, {
            method,
            token: owner.access_token,
            ...(method === 'POST' ? { body: specBody } : {}),
          })
          expect(res.headers.get('allow')).toBe('GET, PATCH')
          await expectError(res, { status: 405, code: 'CG405' })
        })
      },
    )
  })

  describe('PATCH /rest/v1/organizations?id=eq.{org_id}', () => {
    let owner: Session
    let original: OrgSettings
    beforeAll(async () => {
      owner = await devSession(target, 'owner')
      original = settingsOf(await readOrg(target, owner.access_token, owner.org_id))
    })
    afterEach(async () => {
      await updateOrg(target, owner.access_token, owner.org_id, original)
    })

    it.each(rolesWhoCan('write', 'organizations'))(
      "the spec's body as %s → 204, and a GET shows the new values",
      async (role) => {
        const { access_token, org_id } = await devSession(target, role)
        const res = await patchOrgs(target, access_token, `?id=eq.${org_id}`, specBody)
        expect(res.status).toBe(204)
        expect(await res.text()).toBe('')
        expect(await readOrg(target, access_token, org_id)).toMatchObject({ id: org_id, ...specBody })
      },
    )

    it('Prefer: return=representation → 200 with the updated row', async () => {
      const res = await patchOrgs(
        target,
        owner.access_token,
        `?id=eq.${owner.org_id}`,
        specBody,
        'return=representation',
      )
      expect(res.headers.get('preference-applied')).toBe('return=representation')
      const rows = await expectJson<Org[]>(res, 200)
      expect(rows).toEqual([expect.objectContaining({ id: owner.org_id, ...specBody })])
      expect(await readOrg(target, owner.access_token, owner.org_id)).toEqual(rows[0])
    })

    it('changes only the fields in the body', async () => {
      const before = await readOrg(target, owner.access_token, owner.org_id)
      const after = await updateOrg(target, owner.access_token, owner.org_id, { timezone: 'Europe/Paris' })
      expect(settingsOf(after)).toEqual({ ...settingsOf(before), timezone: 'Europe/Paris' })
    })

    it('accepts timezone "UTC"', async () => {
      await updateOrg(target, owner.access_token, owner.org_id, { timezone: 'America/New_York' })
      const org = await updateOrg(target, owner.access_token, owner.org_id, { timezone: 'UTC' })
      expect(org.timezone).toBe('UTC')
    })

    it('trims the name', async () => {
      const org = await updateOrg(target, owner.access_token, owner.org_id, { name: '  Acme  ' })
      expect(org.name).toBe('Acme')
    })

    it('accepts the longest name and the shortest and longest slugs', async () => {
      const name = 'n'.repeat(100)
      const longSlug = `${'s'.repeat(36)}${unique()}`
      expect(longSlug).toHaveLength(48)
      expect(
        await updateOrg(target, owner.access_token, owner.org_id, { name, slug: longSlug }),
      ).toMatchObject({
        name,
        slug: longSlug,
      })
      expect((await updateOrg(target, owner.access_token, owner.org_id, { slug: 'a1' })).slug).toBe('a1')
    })

    it('without a filter → 400 21000, nothing changes', async () => {
      await expectOrgUnchanged(target, owner.access_token, owner.org_id, async () => {
        await expectError(await patchOrgs(target, owner.access_token, '', { name: 'Everyone' }), {
          status: 400,
          code: '21000',
        })
      })
    })

    it('with an empty body → 400 PGRST102', async () => {
      const res = await patchOrgs(target, owner.access_token, `?id=eq.${owner.org_id}`, {})
      await expectError(res, { status: 400, code: 'PGRST102' })
    })
  })

  describe('organization field rules: each bad value → 400 naming the field, and nothing changes', () => {
    let owner: Session
    beforeAll(async () => {
      owner = await devSession(target, 'owner')
    })
    const rejectsField = (body: Record<string, unknown>, code: string, field: string) =>
      expectOrgUnchanged(target, owner.access_token, owner.org_id, async () => {
        const res = await patchOrgs(target, owner.access_token, `?id=eq.${owner.org_id}`, body)
        await expectError(res, { status: 400, code, field })
      })

    it.each([
      ['name', ''],
      ['name', '   '],
      ['name', 'n'.repeat(101)],
      ['name', 5],
      ['name', null],
      ['name', 'Acme\nInc'],
      ['name', 'Acme\u0000'],
      ['slug', 'Not A Slug'],
      ['slug', 'a'],
      ['slug', 's'.repeat(49)],
      ['slug', 'my--company'],
      ['slug', '-lead'],
      ['slug', 'trail-'],
      ['slug', 'UPPER'],
      ['slug', 'my_company'],
      ['timezone', 'Mars/Phobos'],
      ['timezone', ''],
      ['currency', 'XYZ1'],
      ['currency', 'usd'],
      ['currency', 1],
    ])('%s = %j → 22P02', async (field, value) => {
      await rejectsField({ [field]: value }, '22P02', field)
    })

    it('a valid field beside an invalid one is not applied either', async () => {
      await rejectsField({ name: 'Half Applied', slug: 'Not A Slug' }, '22P02', 'slug')
    })

    it('an unknown column → PGRST204 naming it', async () => {
      await rejectsField({ name: 'Acme', nickname: 'acme' }, 'PGRST204', 'nickname')
    })

    it.each(['id', 'org_id', 'created_at', 'updated_at'])(
      'server-owned %s in the body → PGRST204',
      async (field) => {
        await rejectsField({ [field]: 'org_forged' }, 'PGRST204', field)
      },
    )

    it("another org taking org A's slug → 409 23505 naming slug; neither org changes", async () => {
      const adminB = await devSession(target, 'admin', ORG_B)
      const slugA = (await readOrg(target, owner.access_token, owner.org_id)).slug
      await expectOrgUnchanged(target, owner.access_token, owner.org_id, () =>
        expectOrgUnchanged(target, adminB.access_token, adminB.org_id, async () => {
          const res = await patchOrgs(target, adminB.access_token, `?id=eq.${adminB.org_id}`, { slug: slugA })
          await expectError(res, { status: 409, code: '23505', field: 'slug', message: /slug/ })
        }),
      )
    })
  })
}
