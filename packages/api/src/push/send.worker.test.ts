/** @module sendPush inside workerd (nodejs_compat): web-push builds and signs the request, an injected fetch captures it. */
import { describe, expect, it } from 'vitest'
import { type PushPayload, sendPush } from './send.ts'
import { generateVapidKeys } from './vapid.ts'

const payload: PushPayload = { title: 'Hi', body: 'From workerd', url: 'https://app.example.com/', tag: 't1' }
const enc = new TextEncoder()

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
const fromB64url = (s: string) =>
  Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.byteLength
  }
  return out
}

/** A browser's subscription keys, made with Web Crypto. */
async function subscriber() {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ])) as CryptoKeyPair
  const publicKey = new Uint8Array((await crypto.subtle.exportKey('raw', pair.publicKey)) as ArrayBuffer)
  const auth = crypto.getRandomValues(new Uint8Array(16))
  return { pair, publicKey, auth, keys: { p256dh: b64url(publicKey), auth: b64url(auth) } }
}

const hkdf = async (ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, bits: number) =>
  new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'HKDF', hash: 'SHA-256', salt, info },
      await crypto.subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']),
      bits,
    ),
  )

/** RFC 8291 decryption of a single-record aes128gcm body, in Web Crypto only. */
async function decrypt(body: Uint8Array, sub: Awaited<ReturnType<typeof subscriber>>): Promise<string> {
  const salt = body.slice(0, 16)
  const idLength = body[20]!
  const senderKey = body.slice(21, 21 + idLength)
  const sender = await crypto.subtle.importKey(
    'raw',
    senderKey,
    { name: 'ECDH', namedCurve: 'P-256' },
    false,
    [],
  )
  // WebCrypto names the peer key `public`; workers-types spells it `$public`, so the literal skips its check.
  const ecdh = { name: 'ECDH', public: sender }
  const shared = new Uint8Array(await crypto.subtle.deriveBits(ecdh, sub.pair.privateKey, 256))
  const keyInfo = concat(enc.encode('WebPush: info\0'), sub.publicKey, senderKey)
  const ikm = await hkdf(shared, sub.auth, keyInfo, 256)
  const cek = await hkdf(ikm, salt, enc.encode('Content-Encoding: aes128gcm\0'), 128)
  const nonce = await hkdf(ikm, salt, enc.encode('Content-Encoding: nonce\0'), 96)
  const key = await crypto.subtle.importKey('raw', cek, 'AES-GCM', false, ['decrypt'])
  const plain = new Uint8Array(
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv: nonce }, key, body.slice(21 + idLength)),
  )
  // The last record ends with the 0x02 delimiter and any zero padding.
  return new TextDecoder().decode(plain.slice(0, plain.lastIndexOf(2)))
}

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
    expect(JSON.parse(await decrypt(body, sub))).toEqual(payload)

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
