/** @module Shared test fixtures: a migrated temp database, two seeded orgs with one member per role, keys and tokens. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Role, roles } from '@connectgain/contracts'
import { apiKeys } from '@connectgain/db'
import { type DbHandle, openDb } from '@connectgain/db/client'
import { migrateDb } from '@connectgain/db/migrate'
import { eq } from 'drizzle-orm'
import { createApp, jobHandlers, outboxes, registry } from '../app.ts'
import { mintSession } from '../auth/session-token.ts'
import type { Config } from '../config.ts'
import { createApiKey } from '../features/api-keys/api-keys.ts'
import { KeyUsage } from '../features/api-keys/key-usage.ts'
import { demoEmail, ensureMember, ensureOrg } from '../features/sessions/members.ts'
import { nodeEmailTester } from '../hosts/node-email-tester.ts'
import { Dispatcher } from '../jobs/dispatcher.ts'
import { TableQueue } from '../jobs/table-queue.ts'
import { seedDemo } from '../seed.ts'
import { TestClock } from './clock.ts'

export { TestClock } from './clock.ts'

export const testConfig = (overrides: Partial<Config> = {}): Config => ({
  CG_MODE: 'demo',
  PORT: 8787,
  DATA_DIR: '.data',
  SESSION_SECRET: 'test-session-secret-0123456789abcdef',
  ENCRYPTION_KEY: btoa(String.fromCharCode(...new Uint8Array(32).fill(7))),
  JOB_LEASE_SECONDS: 60,
  EMAIL_BOX_TIMEOUT_SECONDS: 10,
  PUSH_URL_TEMPLATE: '/?conversation={conversation_id}',
  INVITE_URL_TEMPLATE: '/?invite={token}',
  META_GRAPH_URL: 'https://graph.facebook.com/v23.0',
  TELEGRAM_API_URL: 'https://api.telegram.org',
  TWILIO_API_URL: 'https://api.twilio.com',
  CHANNEL_CHECK_TIMEOUT_MS: 10_000,
  // A VAPID pair made for the tests (web-push generateVAPIDKeys), as demo mode generates one.
  VAPID_PUBLIC_KEY: 'BJujlneFXeuQWGbrqEJJ72e0mrEnJqO3TOa6FnaXJkB24QJfa2PWI5ibUKXyFtvpWH5iJIRmq9YZvCxUKLi0hlY',
  VAPID_PRIVATE_KEY: 'vlMYkGG8ybGfMg_Fud4A3TF4P_VFzzGc5KhbtAx8FE8',
  VAPID_SUBJECT: 'mailto:ops@example.com',
  ...overrides,
})

export interface TestOrg {
  id: string
  slug: string
  /** A session token for the member with each role. */
  tokens: Record<Role, string>
  userIds: Record<Role, string>
  /** An active API key. */
  apiKey: string
}

export interface RequestOptions {
  token?: string | undefined
  body?: unknown
  headers?: Record<string, string>
}

/** Everything a test needs: the app, a movable clock, org A ("acme") and org B ("other-co"). */
export async function createTestContext(
  overrides: Partial<Config> = {},
  /** The database; a fresh temp libSQL file by default. */
  open: (dir: string) => Promise<DbHandle> = (dir) => openDb(`file:${join(dir, 'test.db')}`),
  /** Where the test clock starts: a fixed day by default; the real time where a peer checks timestamps (webhooks). */
  clock = new TestClock(),
) {
  const dir = mkdtempSync(join(tmpdir(), 'cg-test-'))
  const { db, close } = await open(dir)
  await migrateDb(db)
  const config = testConfig(overrides)
  // The hosts' handlers (webhook deliveries), run when a test drains the queue.
  const queue = new TableQueue({ db, clock, config }, jobHandlers)
  const outbox = new Dispatcher(db, clock, queue, outboxes)
  // The Node host's email tester, as `npm start` wires it.
  const app = createApp({ db, clock, config, queue, outbox, emailTester: nodeEmailTester })

  async function seedOrg(slug: string): Promise<TestOrg> {
    const org =
      slug === 'acme'
        ? { id: (await seedDemo(db, clock)).orgId }
        : (await ensureOrg(db, clock, registry, slug)).org
    const tokens = {} as Record<Role, string>
    const userIds = {} as Record<Role, string>
    for (const role of roles) {
      const member = await ensureMember(db, clock, { orgId: org.id, email: demoEmail(role, slug), role })
      userIds[role] = member.userId
      tokens[role] = (
        await mintSession(config.SESSION_SECRET, clock, { ...member, orgId: org.id })
      ).access_token
    }
    const { id, key } = await createApiKey(db, clock, { orgId: org.id, name: 'test key' })
    await new KeyUsage(db).record(id, org.id, clock.now()) // a day of usage: api_key_usage has a row per org
    return { id: org.id, slug, tokens, userIds, apiKey: key }
  }

  const orgA = await seedOrg('acme')
  const orgB = await seedOrg('other-co')

  /** `app.request` with JSON in and the token as a Bearer header. */
  function request(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...opts.headers }
    if (opts.token) headers.Authorization = `Bearer ${opts.token}`
    let body: string | undefined
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body)
      headers['Content-Type'] ??= 'application/json'
    }
    return Promise.resolve(app.request(path, { method, headers, body }))
  }

  return {
    app,
    db,
    queue,
    outbox,
    clock,
    config,
    orgA,
    orgB,
    request,
    /** A key for org A that has been revoked, and one that has expired. */
    async deadKeys() {
      const revoked = await createApiKey(db, clock, { orgId: orgA.id, name: 'revoked' })
      await db
        .update(apiKeys)
        .set({ revoked_at: clock.now().toISOString() })
        .where(eq(apiKeys.id, revoked.id))
      const expired = await createApiKey(db, clock, {
        orgId: orgA.id,
        name: 'expired',
        expiresAt: new Date(clock.now().getTime() - 1000).toISOString(),
      })
      return { revoked: revoked.key, expired: expired.key }
    },
    close() {
      close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>
