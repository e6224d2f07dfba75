/**
 * @module A browser's side of a Web Push subscription in Web Crypto only (so it runs in workerd as well as Node):
 * its keys as `PushSubscription.toJSON()` shows them, and RFC 8291 decryption of what a push service delivers.
 */
const enc = new TextEncoder()

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
export const fromB64url = (s: string) =>
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

const hkdf = async (ikm: BufferSource, salt: BufferSource, info: BufferSource, bits: number) =>
  new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'HKDF', hash: 'SHA-256', salt, info },
      await crypto.subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']),
      bits,
    ),
  )

export interface WebCryptoSubscriber {
  keys: { p256dh: string; auth: string }
  /** Decrypts a single-record aes128gcm body as the browser would; returns the plaintext. */
  decrypt(body: Uint8Array): Promise<string>
}

/** A new browser subscription's keys: a P-256 pair and a 16-byte auth secret. */
export async function webCryptoSubscriber(): Promise<WebCryptoSubscriber> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ])) as CryptoKeyPair
  const publicKey = new Uint8Array((await crypto.subtle.exportKey('raw', pair.publicKey)) as ArrayBuffer)
  const auth = crypto.getRandomValues(new Uint8Array(16))
  return {
    keys: { p256dh: b64url(publicKey), auth: b64url(auth) },
    async decrypt(body) {
      const salt = body.slice(0, 16)
      const idLength = body[20] ?? 0
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
      const shared = new Uint8Array(await crypto.subtle.deriveBits(ecdh, pair.privateKey, 256))
      const keyInfo = concat(enc.encode('WebPush: info\0'), publicKey, senderKey)
      const ikm = await hkdf(shared, auth, keyInfo, 256)
      const cek = await hkdf(ikm, salt, enc.encode('Content-Encoding: aes128gcm\0'), 128)
      const nonce = await hkdf(ikm, salt, enc.encode('Content-Encoding: nonce\0'), 96)
      const key = await crypto.subtle.importKey('raw', cek, 'AES-GCM', false, ['decrypt'])
      const plain = new Uint8Array(
        await crypto.subtle.decrypt({ name: 'AES-GCM', iv: nonce }, key, body.slice(21 + idLength)),
      )
      // The last record ends with the 0x02 delimiter and any zero padding.
      return new TextDecoder().decode(plain.slice(0, plain.lastIndexOf(2)))
    },
  }
}
