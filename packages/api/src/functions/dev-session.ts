/** @module `POST /functions/v1/dev/session` (demo mode only): a session for any role, in the demo or another org. */
import { DevSessionRequest, SessionResponse } from '@connectgain/contracts'
import { mintSession } from '../auth/session-token.ts'
import { DEMO_ORG, demoEmail, ensureMember, ensureOrg } from '../seed.ts'
import { defineFunction } from './registry.ts'

export const devSessionFunction = defineFunction({
  name: 'dev/session',
  summary:
    'Demo mode only: a session for the demo member with `role`, in "Acme Inc" or in the org `org_slug` (created on first use). Absent in production.',
  auth: 'public',
  demoOnly: true,
  input: DevSessionRequest,
  output: SessionResponse,
  async handler(input, { deps }) {
    const { db, clock, config } = deps
    const slug = input.org_slug ?? DEMO_ORG.slug
    const { org } = await ensureOrg(db, clock, slug, slug === DEMO_ORG.slug ? DEMO_ORG.name : undefined)
    const email = demoEmail(input.role, slug)
    const member = await ensureMember(db, clock, { orgId: org.id, email, role: input.role })
    return mintSession(config.SESSION_SECRET, clock, { ...member, orgId: org.id })
  },
})
