/** @module The API contract suite against the Worker host, inside workerd with a local D1. */

import { env, SELF } from 'cloudflare:test'
import { apiKeys } from '@connectgain/db'
import { openWorkerDb } from '@connectgain/db/worker'
import { eq } from 'drizzle-orm'
import { createApiKey } from '../auth/api-keys.ts'
import { KeyUsage } from '../auth/key-usage.ts'
import { systemClock } from '../deps.ts'
import { describeApiContract } from './suite.ts'

describeApiContract('workerd', async () => {
  const fetch = (path: string, init?: RequestInit) => SELF.fetch(`http://cg.test${path}`, init)
  const devSession = async (body: string) =>
    (await (
      await fetch('/functions/v1/dev/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
    ).json()) as { org_id: string }
  // The first request seeds the demo org; its id is what the keys below belong to.
  const session = await devSession('{"role":"owner"}')
  const db = openWorkerDb(env)
  const orgId = session.org_id
  // Org B holds a key too, used once: the generated api_keys and api_key_usage cases (no insert over REST)
  // read an existing row in each org.
  const orgB = await devSession('{"role":"owner","org_slug":"other-co"}')
  const usage = new KeyUsage(db)
  const keyB = await createApiKey(db, systemClock, { orgId: orgB.org_id, name: 'org B key' })
  await usage.record(keyB.id, orgB.org_id, systemClock.now())
  const active = await createApiKey(db, systemClock, { orgId, name: 'active' })
  await usage.record(active.id, orgId, systemClock.now())
  const revoked = await createApiKey(db, systemClock, { orgId, name: 'revoked' })
  await db.update(apiKeys).set({ revoked_at: new Date().toISOString() }).where(eq(apiKeys.id, revoked.id))
  const expired = await createApiKey(db, systemClock, {
    orgId,
    name: 'expired',
    expiresAt: new Date(Date.now() - 1000).toISOString(),
  })
  return { fetch, keys: { active: active.key, revoked: revoked.key, expired: expired.key } }
})
