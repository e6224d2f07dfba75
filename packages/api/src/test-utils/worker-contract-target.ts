/** @module The contract's target on workerd: keys for the demo org (active, revoked, expired) and a used key in each org. */
import { env } from 'cloudflare:test'
import { apiKeys } from '@connectgain/db'
import { openWorkerDb } from '@connectgain/db/worker'
import { eq } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { ContractTarget } from '../contract/target.ts'
import { createApiKey } from '../features/api-keys/api-keys.ts'
import { KeyUsage } from '../features/api-keys/key-usage.ts'

type Fetch = ContractTarget['fetch']

/** Seeds through the first requests (the demo org, org B), then writes the keys the contract needs. */
export async function workerTarget(fetch: Fetch, clock: Clock): Promise<ContractTarget> {
  const devSession = async (body: string) =>
    (await (
      await fetch('/functions/v1/dev/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
    ).json()) as { org_id: string }
  // The first request seeds the demo org; its id is what the keys below belong to.
  const { org_id: orgId } = await devSession('{"role":"owner"}')
  const db = openWorkerDb(env)
  // Org B holds a key too, used once: the generated api_keys and api_key_usage cases (no insert over REST)
  // read an existing row in each org.
  const orgB = await devSession('{"role":"owner","org_slug":"other-co"}')
  const usage = new KeyUsage(db)
  const keyB = await createApiKey(db, clock, { orgId: orgB.org_id, name: 'org B key' })
  await usage.record(keyB.id, orgB.org_id, clock.now())
  const active = await createApiKey(db, clock, { orgId, name: 'active' })
  await usage.record(active.id, orgId, clock.now())
  const revoked = await createApiKey(db, clock, { orgId, name: 'revoked' })
  await db.update(apiKeys).set({ revoked_at: clock.now().toISOString() }).where(eq(apiKeys.id, revoked.id))
  const expired = await createApiKey(db, clock, {
    orgId,
    name: 'expired',
    expiresAt: new Date(clock.now().getTime() - 1000).toISOString(),
  })
  return { fetch, keys: { active: active.key, revoked: revoked.key, expired: expired.key } }
}
