import { apiKeys } from '@connectgain/db'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../test-utils/index.ts'
import { keyStatus } from './api-keys.resource.ts'
import { createApiKey, isAcceptedKeyFormat, isLegacyKey, storeApiKey } from './api-keys.ts'
import { generateKey, isWellFormedKey } from './key-format.ts'

const legacyKey = () => `ak_${generateKey().slice(3, 35)}`

describe('API keys', () => {
  let ctx: TestContext | undefined
  afterEach(() => {
    ctx?.close()
    ctx = undefined
  })

  it('a typo is refused before any database read: with the database closed it is still a 401, not a 500', async () => {
    const t = await createTestContext()
    const typo = `${t.orgA.apiKey.slice(0, 10)}${t.orgA.apiKey[10] === 'a' ? 'b' : 'a'}${t.orgA.apiKey.slice(11)}`
    t.close() // every query now fails
    const refused = await t.request('GET', '/rest/v1/tags', { token: typo })
    expect(refused.status).toBe(401)
    expect(((await refused.json()) as { message: string }).message).toBe('invalid API key format')
    // The same request with a well-formed key does reach the database, which is gone.
    expect((await t.request('GET', '/rest/v1/tags', { token: t.orgA.apiKey })).status).toBe(500)
  })

  it('creates keys in the checksummed format and stores prefix, last4 and scope, never the key', async () => {
    ctx = await createTestContext()
    const { id, key } = await createApiKey(ctx.db, ctx.clock, {
      orgId: ctx.orgA.id,
      name: 'stored',
      description: 'for a test',
      scope: 'read_only',
    })
    expect(isWellFormedKey(key)).toBe(true)
    const [row] = await ctx.db.select().from(apiKeys).where(eq(apiKeys.id, id))
    expect(row).toMatchObject({
      prefix: key.slice(0, 7),
      last4: key.slice(-4),
      scope: 'read_only',
      description: 'for a test',
    })
    expect(JSON.stringify(row)).not.toContain(key)
  })

  it('still looks up a legacy key (ak_ + 32, no checksum): existing demo data keeps working', async () => {
    ctx = await createTestContext()
    const key = legacyKey()
    expect(isLegacyKey(key)).toBe(true)
    expect(isWellFormedKey(key)).toBe(false)
    expect(isAcceptedKeyFormat(key)).toBe(true)
    await storeApiKey(ctx.db, ctx.clock, key, { orgId: ctx.orgA.id, name: 'legacy' })
    expect((await ctx.request('GET', '/rest/v1/organizations', { token: key })).status).toBe(200)
  })

  it('refuses a malformed ak_ key with 401 "invalid API key format" without reading the database', async () => {
    const started = await createTestContext()
    const key = started.orgA.apiKey
    const typo = `${key.slice(0, 12)}${key[12] === 'x' ? 'y' : 'x'}${key.slice(13)}`
    started.close() // any look-up would now fail with 500
    for (const bad of [typo, key.slice(0, -1), `${key}0`, 'ak_short']) {
      const res = await started.request('GET', '/rest/v1/organizations', { token: bad })
      expect(res.status, bad).toBe(401)
      const body = (await res.json()) as { code: string; message: string; hint: string }
      expect(body).toMatchObject({ code: 'PGRST301', message: 'invalid API key format' })
      expect(body.hint).toMatch(/copy it whole/)
      expect(res.headers.get('www-authenticate')).toMatch(/error="invalid_token"/)
    }
    expect((await started.request('GET', '/rest/v1/organizations', { token: key })).status).toBe(500)
  })

  it('derives a status: revoked, expired, expiring within 7 days, else active', () => {
    const now = new Date('2026-01-15T12:00:00Z')
    const at = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString()
    expect(keyStatus({ revoked_at: at(-1), expires_at: at(30) }, now)).toBe('revoked')
    expect(keyStatus({ revoked_at: at(-1), expires_at: at(-2) }, now)).toBe('revoked')
    expect(keyStatus({ revoked_at: null, expires_at: at(-1) }, now)).toBe('expired')
    expect(keyStatus({ revoked_at: null, expires_at: now.toISOString() }, now)).toBe('expired')
    expect(keyStatus({ revoked_at: null, expires_at: at(7) }, now)).toBe('expiring')
    expect(keyStatus({ revoked_at: null, expires_at: at(1) }, now)).toBe('expiring')
    expect(keyStatus({ revoked_at: null, expires_at: at(7.01) }, now)).toBe('active')
    expect(keyStatus({ revoked_at: null, expires_at: null }, now)).toBe('active')
  })

  it('a read_only key may not call sessions (changes data); a full key may', async () => {
    ctx = await createTestContext()
    const { key } = await createApiKey(ctx.db, ctx.clock, {
      orgId: ctx.orgA.id,
      name: 'ro',
      scope: 'read_only',
    })
    const body = { email: 'someone@example.com' }
    const denied = await ctx.request('POST', '/functions/v1/sessions', { token: key, body })
    expect(denied.status).toBe(403)
    expect(await denied.json()).toMatchObject({ code: '42501', message: expect.stringMatching(/read_only/) })
    const ok = await ctx.request('POST', '/functions/v1/sessions', { token: ctx.orgA.apiKey, body })
    expect(ok.status).toBe(201)
  })
})
