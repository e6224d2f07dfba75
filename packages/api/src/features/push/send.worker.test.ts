/** @module sendPush inside workerd (nodejs_compat): web-push builds and signs the request, an injected fetch captures it. */
import { describe, expect, it } from 'vitest'
import { fromB64url, webCryptoSubscriber as subscriber } from '../../test-utils/web-push-subscriber.ts'
import { type PushPayload, sendPush } from './send.ts'
import { generateVapidKeys } from './vapid.ts'

const payload: PushPayload = { title: 'Hi', body: 'From workerd', url: 'https://app.example.com/', tag: 't1' }
const enc = new TextEncoder()

describe('sendPush in workerd', () => {
  it('builds an aes128gcm request with a verifiable VAPID JWT and sends it through the injected fetch', async () => {
    const sub = await subscriber()
    const vapid = { ...generateVapidKeys(), subject: 'mailto:ops@example.com' }
    const seen: Request[] = []
    const fakeFetch: typeof fetch = async (input, init) => {
      seen.push(new Request(input, init))
      return new Response(null, { status: 201 })
    }
    const endpoint = 'https://push.example.net/wpush/v2/abc'
    const attempt = await sendPush({ endpoint, keys: sub.keys }, payload, {
      vapid,
      urgency: 'low',
      topic: 'digest',
      fetch: fakeFetch,
    })
    expect(attempt).toMatchObject({ ok: true, status_code: 201, gone: false, retryable: false, error: null })

    const [request] = seen
    expect(request!.method).toBe('POST')
    expect(request!.url).toBe(endpoint)
    expect(request!.headers.get('content-encoding')).toBe('aes128gcm')
    expect(request!.headers.get('ttl')).toBe('86400')
    expect(request!.headers.get('urgency')).toBe('low')
    expect(request!.headers.get('topic')).toBe('digest')

    const body = new Uint8Array(await request!.arrayBuffer())
    // aes128gcm header: salt(16) | rs(4) = 4096 | idlen(1) = 65 | sender key starting 0x04.
    expect(new DataView(body.buffer, body.byteOffset).getUint32(16)).toBe(4096)
    expect(body[20]).toBe(65)
    expect(body[21]).toBe(0x04)
    expect(JSON.parse(await sub.decrypt(body))).toEqual(payload)

    const match = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(
      request!.headers.get('authorization')!,
    )
    expect(match).not.toBeNull()
    const [, header, claims, signature, k] = match!
    expect(k).toBe(vapid.publicKey)
    const jwt = JSON.parse(new TextDecoder().decode(fromB64url(claims!)))
    expect(jwt).toMatchObject({ aud: 'https://push.example.net', sub: 'mailto:ops@example.com' })
    const vapidKey = await crypto.subtle.importKey(
      'raw',
      fromB64url(k!),
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    )
    const ok = await crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      vapidKey,
      fromB64url(signature!),
      enc.encode(`${header}.${claims}`),
    )
    expect(ok).toBe(true)
  })

  it('maps a 410 from the push service to gone', async () => {
    const sub = await subscriber()
    const vapid = { ...generateVapidKeys(), subject: 'https://example.com/contact' }
    const attempt = await sendPush({ endpoint: 'https://push.example.net/x', keys: sub.keys }, payload, {
      vapid,
      fetch: async () => new Response('Gone', { status: 410 }),
    })
    expect(attempt).toMatchObject({ ok: false, status_code: 410, gone: true, retryable: false })
  })
})
