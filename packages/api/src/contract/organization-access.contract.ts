/**
 * @module Contract: tenant isolation cases only the organizations resource has: org B aiming at org A
 * through its slug. Roles × methods and the id-based isolation cases are generated (resource.contract.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  devSession,
  expectJson,
  expectOrgUnchanged,
  listOrgs,
  ORG_B,
  type Org,
  patchOrgs,
  readOrg,
  type Session,
  type Target,
} from './http.ts'

/** Filters org B's admin might aim at org A by its slug: (A's id, A's slug) → query string. */
const slugFiltersAimedAtA: [string, (a: string, slugA: string) => string][] = [
  ["slug=eq.<A's slug>", (_a, slugA) => `?slug=eq.${slugA}`],
  ["or=(id.eq.<A>,slug.eq.<A's slug>)", (a, slugA) => `?or=(id.eq.${a},slug.eq.${slugA})`],
]

export function registerOrganizationAccessContract(target: Target): void {
  describe('organizations: org B cannot reach org A through its slug', () => {
    let ownerA: Session
    let adminB: Session
    let slugA: string
    beforeAll(async () => {
      ownerA = await devSession(target, 'owner')
      adminB = await devSession(target, 'admin', ORG_B)
      slugA = (await readOrg(target, ownerA.access_token, ownerA.org_id)).slug
      expect(adminB.org_id).not.toBe(ownerA.org_id)
    })

    it.each(slugFiltersAimedAtA)("org B's admin GET ?%s sees no org", async (_label, filter) => {
      expect(await listOrgs(target, adminB.access_token, filter(ownerA.org_id, slugA))).toEqual([])
    })

    it.each(slugFiltersAimedAtA)(
      "org B's admin PATCH ?%s → 204, and 200 [] with return=representation; org A unchanged",
      async (_label, filter) => {
        const query = filter(ownerA.org_id, slugA)
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
      },
    )
  })
}
