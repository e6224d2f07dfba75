/** @module Contract: who may read and write an organization: the role matrix, and tenant isolation between org A and org B. */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  devSession,
  expectError,
  expectJson,
  expectOrgUnchanged,
  listOrgs,
  ORG_B,
  ORGS,
  type Org,
  orgReaders,
  orgWriters,
  patchOrgs,
  readOrg,
  type Session,
  SINGLE_OBJECT,
  send,
  settingsOf,
  type Target,
  updateOrg,
} from './http.ts'

/** Filters org B's admin might aim at org A: (A's id, B's id, A's slug) → query string. */
const filtersAimedAtA: [string, (a: string, b: string, slugA: string) => string][] = [
  ['id=eq.A', (a) => `?id=eq.${a}`],
  ['id=in.(A)', (a) => `?id=in.(${a})`],
  ['or=(id.eq.A,slug.eq.<A slug>)', (a, _b, slugA) => `?or=(id.eq.${a},slug.eq.${slugA})`],
  ["slug=eq.<A's slug>", (_a, _b, slugA) => `?slug=eq.${slugA}`],
  ['id=not.eq.B', (_a, b) => `?id=not.eq.${b}`],
]

export function registerOrganizationAccessContract(target: Target): void {
  describe('organization roles', () => {
    it.each(orgReaders)('%s can read its org but PATCH → 403 42501, and nothing changes', async (role) => {
      const member = await devSession(target, role)
      const owner = await devSession(target, 'owner')
      expect((await listOrgs(target, member.access_token)).map((o) => o.id)).toEqual([member.org_id])
      await expectOrgUnchanged(target, owner.access_token, owner.org_id, async () => {
        for (const prefer of [undefined, 'return=representation']) {
          const res = await patchOrgs(
            target,
            member.access_token,
            `?id=eq.${member.org_id}`,
            { name: `${role} was here` },
            prefer,
          )
          await expectError(res, { status: 403, code: '42501', message: /permission denied/ })
        }
      })
    })

    it.each(orgWriters)('%s can PATCH its org', async (role) => {
      const member = await devSession(target, role)
      const before = await readOrg(target, member.access_token, member.org_id)
      try {
        const after = await updateOrg(target, member.access_token, member.org_id, {
          name: `${role} was here`,
        })
        expect(after.name).toBe(`${role} was here`)
      } finally {
        await updateOrg(target, member.access_token, member.org_id, settingsOf(before))
      }
    })
  })

  describe('tenant isolation: org B cannot see or change org A', () => {
    let ownerA: Session
    let adminB: Session
    let slugA: string
    beforeAll(async () => {
      ownerA = await devSession(target, 'owner')
      adminB = await devSession(target, 'admin', ORG_B)
      slugA = (await readOrg(target, ownerA.access_token, ownerA.org_id)).slug
      expect(adminB.org_id).not.toBe(ownerA.org_id)
    })
    const idsSeenByB = async (query: string) =>
      (await listOrgs(target, adminB.access_token, query)).map((o) => o.id)

    it('reads only org B, whatever the filter', async () => {
      expect(await idsSeenByB('')).toEqual([adminB.org_id])
      expect(await idsSeenByB(`?id=eq.${ownerA.org_id}`)).toEqual([])
      expect(await idsSeenByB(`?id=in.(${ownerA.org_id},${adminB.org_id})`)).toEqual([adminB.org_id])
      expect(await idsSeenByB(`?or=(id.eq.${ownerA.org_id},slug.eq.${slugA})`)).toEqual([])
      expect(await idsSeenByB(`?slug=eq.${slugA}`)).toEqual([])
    })

    it('a single object of org A is 406, as if it did not exist', async () => {
      const res = await send(target, `${ORGS}?id=eq.${ownerA.org_id}`, {
        token: adminB.access_token,
        headers: { Accept: SINGLE_OBJECT },
      })
      await expectError(res, { status: 406, code: 'PGRST116' })
    })

    it.each(filtersAimedAtA)('PATCH through %s changes nothing in org A', async (_label, filter) => {
      const query = filter(ownerA.org_id, adminB.org_id, slugA)
      await expectOrgUnchanged(target, ownerA.access_token, ownerA.org_id, async () => {
        const minimal = await patchOrgs(target, adminB.access_token, query, { name: 'Pwned' })
        expect(minimal.status).toBe(204)
        const represented = await patchOrgs(
          target,
          adminB.access_token,
          query,
          { name: 'Pwned' },
          'return=representation',
        )
        expect(await expectJson<Org[]>(represented, 200)).toEqual([])
      })
    })

    it.each(['org_id', 'id'])(
      'a body %s pointing at org A is refused (400), and neither org changes',
      async (field) => {
        await expectOrgUnchanged(target, ownerA.access_token, ownerA.org_id, () =>
          expectOrgUnchanged(target, adminB.access_token, adminB.org_id, async () => {
            const res = await patchOrgs(target, adminB.access_token, `?id=eq.${adminB.org_id}`, {
              [field]: ownerA.org_id,
              name: 'Moved',
            })
            await expectError(res, { status: 400, code: 'PGRST204', field })
          }),
        )
      },
    )
  })
}
