/** @module In production a push endpoint must be a public https URL (the outbound URL guard); the refused one writes nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../test-utils/index.ts'

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
