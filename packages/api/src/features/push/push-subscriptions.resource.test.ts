/**
 * @module In production a push endpoint must be a public https URL (the outbound URL guard); the refused one writes
 * nothing. A browser belongs to the last member of the org who subscribed on it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../test-utils/index.ts'

const keys = {
  p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
  auth: 'tBHItJI5svbpez7KI4CCXg',
}

describe('push_subscriptions endpoints in production', () => {
  let t: TestContext
  beforeAll(async () => {
    t = await createTestContext({ CG_MODE: 'production' })
  })
  afterAll(() => t.close())

  const subscribe = (endpoint: string) =>
    t.request('POST', '/rest/v1/push_subscriptions', {
      token: t.orgA.tokens.agent,
      body: { endpoint, expirationTime: null, keys },
    })

  it.each([
    'http://push.example.com/send/1',
    'https://127.0.0.1/send',
    'https://10.0.0.8/send',
    'https://localhost/send',
  ])('refuses %s → 400 naming endpoint, nothing written', async (endpoint) => {
    const res = await subscribe(endpoint)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { details: { field: string }[] }).details[0]?.field).toBe('endpoint')
    const mine = await t.request('GET', '/rest/v1/push_subscriptions', { token: t.orgA.tokens.agent })
    expect(await mine.json()).toEqual([])
  })

  it("takes a push service's https endpoint", async () => {
    expect((await subscribe('https://fcm.googleapis.com/fcm/send/abc123')).status).toBe(201)
  })
})

describe('one browser, several members', () => {
  let t: TestContext
  beforeAll(async () => {
    t = await createTestContext()
  })
  afterAll(() => t.close())

  const subscribe = (token: string, endpoint: string) =>
    t.request('POST', '/rest/v1/push_subscriptions?on_conflict=endpoint', {
      token,
      body: { endpoint, expirationTime: null, keys },
      headers: { Prefer: 'resolution=merge-duplicates' },
    })
  const mine = async (token: string) =>
    (await (await t.request('GET', '/rest/v1/push_subscriptions?select=endpoint', { token })).json()) as {
      endpoint: string
    }[]

  it("takes the browser from the org's member before; another org's row for it stays", async () => {
    const shared = 'https://push.example.com/send/shared-desk'
    const { agent, admin } = t.orgA.tokens
    expect((await subscribe(agent, shared)).status).toBe(201)
    expect((await subscribe(t.orgB.tokens.agent, shared)).status).toBe(201)
    expect((await subscribe(admin, shared)).status).toBe(201)
    expect(await mine(admin)).toEqual([{ endpoint: shared }])
    expect(await mine(agent)).toEqual([])
    expect(await mine(t.orgB.tokens.agent), 'another tenant is not touched').toEqual([{ endpoint: shared }])
    // The same member subscribing again keeps their one row.
    expect((await subscribe(admin, shared)).status).toBe(201)
    expect(await mine(admin)).toEqual([{ endpoint: shared }])
  })
})
