/** @module `POST /functions/v1/dev/session` (demo mode only): a session for any role, in the demo or another org. */
import { DevSessionRequest, roles, SessionResponse } from '@connectgain/contracts'
import { type Db, memberships, organizations, users } from '@connectgain/db'
import { asc, eq, inArray } from 'drizzle-orm'
import { mintSession } from '../../auth/session-token.ts'
import type { Clock } from '../../clock.ts'
import { defineFunction } from '../../functions/registry.ts'
import type { Registry } from '../../rest/registry.ts'
import { DEMO_ORG, demoEmail, ensureMember, ensureOrg } from './members.ts'

/**
 * The demo org, found through its demo members (`<role>@acme.test`) rather than its slug: users may
 * rename it (spec Use Case 1), and it must stay the demo org. Created on first use.
 */
async function demoOrg(db: Db, clock: Clock, registry: Registry) {
  const [first] = await db
    .select({ org: organizations })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.user_id))
    .innerJoin(organizations, eq(organizations.id, memberships.org_id))
    .where(
      inArray(
        users.email,
        roles.map((role) => demoEmail(role, DEMO_ORG.slug)),
      ),
    )
    .orderBy(asc(memberships.created_at), asc(memberships.id))
    .limit(1)
  return first?.org ?? (await ensureOrg(db, clock, registry, DEMO_ORG.slug, DEMO_ORG.name)).org
}

export const devSessionFunction = defineFunction({
  name: 'dev/session',
  summary:
    'Demo mode only: a session for the demo member with `role`, in "Acme Inc" or in the org `org_slug` (created on first use). Absent in production.',
  auth: 'public',
  demoOnly: true,
  input: DevSessionRequest,
  output: SessionResponse,
  async handler(input, { deps, registry }) {
    const { db, clock, config } = deps
    const slug = input.org_slug ?? DEMO_ORG.slug
    const org =
      input.org_slug === undefined
        ? await demoOrg(db, clock, registry)
        : (await ensureOrg(db, clock, registry, slug, slug === DEMO_ORG.slug ? DEMO_ORG.name : undefined)).org
    const email = demoEmail(input.role, slug)
    const member = await ensureMember(db, clock, { orgId: org.id, email, role: input.role })
    return mintSession(config.SESSION_SECRET, clock, { ...member, orgId: org.id })
  },
})
