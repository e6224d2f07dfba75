/**
 * @module test-push (spec Use Case 4, step 5) through the app: each of my devices gets a notification its
 * browser can decrypt; a device its push service calls gone is removed; nobody else's device is touched.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../test-utils/index.ts'
import {
  createTestSubscriber,
  type FakePushService,
  startPushService,
} from '../../test-utils/push-service.ts'

let t: TestContext
let service: FakePushService
afterEach(async () => {
  await service?.close()
  t?.close()
})

describe('test-push', () => {
  it("sends each of the caller's devices a notification it decrypts; a gone one is deleted; others' untouched", async () => {
    t = await createTestContext()
    service = await startPushService()
    const phone = createTestSubscriber()
    const laptop = createTestSubscriber()
    const colleague = createTestSubscriber()
    const subscribe = (
      token: string,
      endpoint: string,
      keys: { p256dh: string; auth: string },
      label: string,
    ) =>
      t.request('POST', '/rest/v1/push_subscriptions', {
        token,
        body: { endpoint, expirationTime: null, keys, device_label: label },
      })
    const me = t.orgA.tokens.agent
    expect((await subscribe(me, service.endpoint('phone'), phone.keys, 'Phone')).status).toBe(201)
    expect((await subscribe(me, service.endpoint('laptop'), laptop.keys, 'Laptop')).status).toBe(201)
    expect(
      (await subscribe(t.orgA.tokens.admin, service.endpoint('colleague'), colleague.keys, 'Theirs')).status,
    ).toBe(201)
    service.script({ status: 201 }, { status: 410 }) // the second request's device has unsubscribed

    const res = await t.request('POST', '/functions/v1/test-push', { token: me, body: {} })
    expect(res.status).toBe(200)
    const { results } = (await res.json()) as {
      results: { device_label: string; ok: boolean; removed: boolean }[]
    }
    expect(results).toHaveLength(2)
    expect(service.requests.map((r) => r.path).sort()).toEqual(['/push/v2/laptop', '/push/v2/phone'].sort())

    const [first] = service.requests
    const device = first?.path.endsWith('phone') ? phone : laptop
    const payload = JSON.parse(device.decrypt(first?.body ?? new Uint8Array()))
    expect(payload).toMatchObject({ title: 'ConnectGain test notification', url: '/', tag: 'cg-test' })

    expect(results.filter((r) => r.removed)).toHaveLength(1)
    const left = (await (
      await t.request('GET', '/rest/v1/push_subscriptions', { token: me })
    ).json()) as unknown[]
    expect(left).toHaveLength(1)
    const theirs = (await (
      await t.request('GET', '/rest/v1/push_subscriptions', { token: t.orgA.tokens.admin })
    ).json()) as unknown[]
    expect(theirs).toHaveLength(1)
  })

  it('an API key has no devices: 403 naming why', async () => {
    t = await createTestContext()
    const res = await t.request('POST', '/functions/v1/test-push', { token: t.orgA.apiKey, body: {} })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { message: string }).message).toMatch(/session token/)
  })
})
