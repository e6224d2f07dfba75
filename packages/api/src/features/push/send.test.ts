/** @module sendPush against a fake push service: the browser can decrypt it, the VAPID JWT verifies, answers map to outcomes. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestSubscriber,
  type FakePushService,
  startPushService,
} from '../../test-utils/push-service.ts'
import { MAX_PAYLOAD_BYTES, type PushPayload, retryAfterSeconds, sendPush } from './send.ts'
import { generateVapidKeys, type VapidKeys } from './vapid.ts'

const payload: PushPayload = {
  title: 'Webhook failing',
  body: 'Deliveries to https://hooks.example.com have failed 5 times — ünïcode too',
  url: 'https://app.example.com/settings/webhooks/whk_123',
  tag: 'whk_123',
}

let service: FakePushService
const vapid: VapidKeys = { ...generateVapidKeys(), subject: 'mailto:ops@example.com' }
const subscriber = createTestSubscriber()
const subscription = () => ({ endpoint: service.endpoint(), keys: subscriber.keys })

beforeAll(async () => {
  service = await startPushService()
})
afterAll(() => service.close())
beforeEach(() => {
  service.requests.length = 0
  service.script()
})

const fromBase64url = (s: string) => new Uint8Array(Buffer.from(s, 'base64url'))
const jsonPart = (s: string) => JSON.parse(Buffer.from(s, 'base64url').toString('utf8'))

describe('sendPush', () => {
  it('delivers a payload the subscriber decrypts (RFC 8291) and reports 201 as ok', async () => {
    const attempt = await sendPush(subscription(), payload, { vapid })
    expect(attempt).toMatchObject({
      ok: true,
      status_code: 201,
      gone: false,
      retryable: false,
      retry_after_seconds: null,
      error: null,
    })
    expect(attempt.duration_ms).toBeGreaterThanOrEqual(0)
    expect(service.requests).toHaveLength(1)
    const [request] = service.requests
    expect(request!.method).toBe('POST')
    expect(request!.path).toBe('/push/v2/sub-1')
    expect(JSON.parse(subscriber.decrypt(request!.body))).toEqual(payload)
    // aes128gcm header: 16-byte salt, 4-byte record size, key id length 65, the sender's uncompressed P-256 key.
    expect(request!.body[20]).toBe(65)
    expect(request!.body[21]).toBe(0x04)
  })

  it('sends the Web Push headers: aes128gcm, TTL, Urgency, Topic', async () => {
    await sendPush(subscription(), payload, {
      vapid,
      ttlSeconds: 600,
      urgency: 'high',
      topic: 'whk_123-failing',
    })
    const { headers, body } = service.requests[0]!
    expect(headers['content-encoding']).toBe('aes128gcm')
    expect(headers['content-type']).toBe('application/octet-stream')
    expect(headers['content-length']).toBe(String(body.byteLength))
    expect(headers.ttl).toBe('600')
    expect(headers.urgency).toBe('high')
    expect(headers.topic).toBe('whk_123-failing')
  })

  it('defaults to a 24 h TTL, normal urgency and no topic', async () => {
    await sendPush(subscription(), payload, { vapid })
    const { headers } = service.requests[0]!
    expect(headers.ttl).toBe(String(24 * 60 * 60))
    expect(headers.urgency).toBe('normal')
    expect(headers.topic).toBeUndefined()
  })

  it('signs a VAPID JWT (RFC 8292) for the push service origin that verifies with the public key', async () => {
    const before = Math.floor(Date.now() / 1000)
    await sendPush(subscription(), payload, { vapid })
    const match = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(
      service.requests[0]!.headers.authorization!,
    )
    expect(match).not.toBeNull()
    const [, header, claims, signature, k] = match!
    expect(k).toBe(vapid.publicKey)
    expect(jsonPart(header!)).toMatchObject({ alg: 'ES256', typ: 'JWT' })
    const jwt = jsonPart(claims!) as { aud: string; exp: number; sub: string }
    expect(jwt.aud).toBe(service.origin)
    expect(jwt.sub).toBe('mailto:ops@example.com')
    expect(jwt.exp).toBeGreaterThan(before)
    expect(jwt.exp).toBeLessThanOrEqual(before + 24 * 60 * 60)

    const key = await crypto.subtle.importKey(
      'raw',
      fromBase64url(k!),
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    )
    const signed = new TextEncoder().encode(`${header}.${claims}`)
    const verify = (data: Uint8Array<ArrayBuffer>) =>
      crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, fromBase64url(signature!), data)
    expect(await verify(signed)).toBe(true)
    expect(await verify(new TextEncoder().encode(`${header}.${claims}x`))).toBe(false)
  })

  it('encrypts afresh each time: two sends of the same payload differ', async () => {
    await sendPush(subscription(), payload, { vapid })
    await sendPush(subscription(), payload, { vapid })
    const [a, b] = service.requests
    expect(Buffer.from(a!.body).equals(Buffer.from(b!.body))).toBe(false)
    expect(subscriber.decrypt(a!.body)).toBe(subscriber.decrypt(b!.body))
  })
})

describe('sendPush outcomes', () => {
  it.each([404, 410])('%i: the subscription is gone and must be deleted', async (status) => {
    service.script({ status, body: 'NotFound' })
    const attempt = await sendPush(subscription(), payload, { vapid })
    expect(attempt).toMatchObject({ ok: false, status_code: status, gone: true, retryable: false })
    expect(attempt.error).toContain(`answered ${status}`)
  })

  it('429 with Retry-After: retry later, after that many seconds', async () => {
    service.script({ status: 429, headers: { 'Retry-After': '120' } })
    const attempt = await sendPush(subscription(), payload, { vapid })
    expect(attempt).toMatchObject({
      ok: false,
      status_code: 429,
      gone: false,
      retryable: true,
      retry_after_seconds: 120,
    })
  })

  it('500: retryable, no Retry-After', async () => {
    service.script({ status: 500, body: 'internal' })
    const attempt = await sendPush(subscription(), payload, { vapid })
    expect(attempt).toMatchObject({
      ok: false,
      status_code: 500,
      gone: false,
      retryable: true,
      retry_after_seconds: null,
    })
  })

  it('413 and 400: neither gone nor retryable, with the push service reason', async () => {
    service.script({ status: 413 }, { status: 400, body: '{"reason":"BadJwtToken"}' })
    const tooBig = await sendPush(subscription(), payload, { vapid })
    expect(tooBig).toMatchObject({ ok: false, status_code: 413, gone: false, retryable: false })
    expect(tooBig.error).toContain('payload too large')
    const badJwt = await sendPush(subscription(), payload, { vapid })
    expect(badJwt).toMatchObject({ status_code: 400, gone: false, retryable: false })
    expect(badJwt.error).toContain('BadJwtToken')
  })

  it('connection refused: retryable, with an error naming the push service', async () => {
    const closed = await startPushService()
    const endpoint = closed.endpoint()
    await closed.close()
    const attempt = await sendPush({ endpoint, keys: subscriber.keys }, payload, { vapid })
    expect(attempt).toMatchObject({ ok: false, status_code: null, gone: false, retryable: true })
    expect(attempt.error).toBe(
      `could not reach the push service at ${new URL(endpoint).origin}: connection refused`,
    )
  })

  it('a push service that does not answer in time: retryable', async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )
    const attempt = await sendPush(subscription(), payload, { vapid, fetch: hanging, timeoutMs: 50 })
    expect(attempt).toMatchObject({ ok: false, status_code: null, retryable: true })
    expect(attempt.error).toContain('did not answer within 50 ms')
  })

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-07-01T12:00:00Z')
    expect(retryAfterSeconds('30', now)).toBe(30)
    expect(retryAfterSeconds('Wed, 01 Jul 2026 12:01:00 GMT', now)).toBe(60)
    expect(retryAfterSeconds('Wed, 01 Jul 2026 11:00:00 GMT', now)).toBe(0)
    expect(retryAfterSeconds('soon', now)).toBeNull()
    expect(retryAfterSeconds(null, now)).toBeNull()
  })
})

describe('sendPush refusals', () => {
  it('refuses a payload over 4 KB without sending anything', async () => {
    const big = { ...payload, body: 'x'.repeat(4096) }
    const attempt = await sendPush(subscription(), big, { vapid })
    expect(attempt).toMatchObject({ ok: false, status_code: null, gone: false, retryable: false })
    expect(attempt.error).toMatch(/^the push payload is \d+ bytes of JSON; push services take at most 3993/)
    expect(service.requests).toHaveLength(0)
  })

  it('sends the largest payload that fits as a 4096-byte body', async () => {
    const base = JSON.stringify({ ...payload, body: '' }).length
    const largest = { ...payload, body: 'x'.repeat(MAX_PAYLOAD_BYTES - base) }
    const attempt = await sendPush(subscription(), largest, { vapid })
    expect(attempt.ok).toBe(true)
    expect(service.requests[0]!.body.byteLength).toBe(4096)
    expect(JSON.parse(subscriber.decrypt(service.requests[0]!.body))).toEqual(largest)
  })

  it('refuses a topic longer than 32 characters without sending anything', async () => {
    const attempt = await sendPush(subscription(), payload, { vapid, topic: 'a'.repeat(33) })
    expect(attempt).toMatchObject({ ok: false, retryable: false, gone: false })
    expect(attempt.error).toMatch(/^could not build the push request: .*32 characters/)
    expect(service.requests).toHaveLength(0)
  })

  it('refuses a malformed subscription key without sending anything', async () => {
    const attempt = await sendPush(
      { endpoint: service.endpoint(), keys: { ...subscriber.keys, p256dh: 'AAAA' } },
      payload,
      { vapid },
    )
    expect(attempt.error).toContain('p256dh value should be 65 bytes')
    expect(service.requests).toHaveLength(0)
  })
  it('refuses an http: subject (allowed by checkVapidSubject in demo) because web-push only signs https:/mailto:', async () => {
    const attempt = await sendPush(subscription(), payload, {
      vapid: { ...vapid, subject: 'http://localhost:8787' },
    })
    expect(attempt).toMatchObject({ ok: false, status_code: null, retryable: false })
    expect(attempt.error).toBe(
      'could not build the push request: Vapid subject is not an https: or mailto: URL. http://localhost:8787',
    )
    expect(service.requests).toHaveLength(0)
  })
})

describe('sendPush secrets', () => {
  it('never puts the VAPID private key or the auth secret in an error', async () => {
    const badVapid = { ...vapid, privateKey: `${vapid.privateKey}AA` }
    const outcomes = [
      await sendPush(subscription(), payload, { vapid: badVapid }),
      await sendPush(
        { endpoint: service.endpoint(), keys: { ...subscriber.keys, auth: 'c2hvcnQ' } },
        payload,
        {
          vapid,
        },
      ),
    ]
    service.script({ status: 500, body: 'boom' })
    outcomes.push(await sendPush(subscription(), payload, { vapid }))
    for (const attempt of outcomes) {
      expect(attempt.ok).toBe(false)
      expect(attempt.error).toBeTruthy()
      for (const secret of [vapid.privateKey, badVapid.privateKey, subscriber.keys.auth, 'c2hvcnQ']) {
        expect(attempt.error).not.toContain(secret)
      }
    }
  })
})
