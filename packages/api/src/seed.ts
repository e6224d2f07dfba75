/** @module The demo data: "Acme Inc" with one member per role, and the demo API key. */
import { roles } from '@connectgain/contracts'
import { apiKeys, type Db } from '@connectgain/db'
import { eq } from 'drizzle-orm'
import { registry } from './app.ts'
import type { Clock } from './clock.ts'
import { sha256Hex, storeApiKey } from './features/api-keys/api-keys.ts'
import { DEMO_ORG, demoEmail, ensureMember, ensureOrg } from './features/sessions/members.ts'

/** Seeds "Acme Inc" with one member per role and, when given, the demo API key (idempotent). */
export async function seedDemo(db: Db, clock: Clock, demoApiKey?: string): Promise<{ orgId: string }> {
  const { org } = await ensureOrg(db, clock, registry, DEMO_ORG.slug, DEMO_ORG.name)
  for (const role of roles) {
    await ensureMember(db, clock, { orgId: org.id, email: demoEmail(role, org.slug), fallbackRole: role })
  }
  if (demoApiKey) {
    const [known] = await db
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(eq(apiKeys.hash, await sha256Hex(demoApiKey)))
    if (!known) await storeApiKey(db, clock, demoApiKey, { orgId: org.id, name: 'Demo key' })
  }
  return { orgId: org.id }
}
