/**
 * @module The two hashes every authenticated request computes (HS256 for a session JWT, SHA-256 for an API
 * key), as a port: WebCrypto everywhere by default, a host may wire a faster synchronous implementation.
 */

export interface Hashing {
  /** Whether `signature` is the HMAC-SHA-256 of `data` under `secret`. */
  verifyHmacSha256(secret: string, data: Uint8Array, signature: Uint8Array): boolean | Promise<boolean>
  /** SHA-256 of the UTF-8 of `text`, as lower-case hex. */
  sha256Hex(text: string): string | Promise<string>
}

const utf8 = new TextEncoder()
const hexByte = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'))

export function toHex(bytes: Uint8Array): string {
  let hex = ''
  for (const b of bytes) hex += hexByte[b]
  return hex
}

/**
 * Imported HMAC keys by secret. `hono/jwt` imports the key again on every verify, which costs more than the
 * verify itself; a host has one secret, so this holds one key (a few more in tests).
 */
const keys = new Map<string, Promise<CryptoKey>>()
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret)
  if (!key) {
    key = crypto.subtle.importKey('raw', utf8.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'verify',
    ])
    keys.set(secret, key)
  }
  return key
}

/** WebCrypto: runs on every host, asynchronously (on Node, each call is a job handed to the thread pool). */
export const webCryptoHashing: Hashing = {
  async verifyHmacSha256(secret, data, signature) {
    return crypto.subtle.verify(
      'HMAC',
      await hmacKey(secret),
      signature as BufferSource,
      data as BufferSource,
    )
  },
  async sha256Hex(text) {
    return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(text))))
  },
}
