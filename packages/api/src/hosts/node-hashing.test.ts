/** @module node:crypto's hashing port answers exactly what the WebCrypto default answers. */
import { describe, expect, it } from 'vitest'
import { webCryptoHashing } from '../auth/hashing.ts'
import { nodeHashing } from './node-hashing.ts'

const utf8 = new TextEncoder()

describe('nodeHashing', () => {
  it('hashes API keys to the same hex as WebCrypto', async () => {
    for (const text of ['ak_abc', '', 'ünïcödé ✓']) {
      expect(nodeHashing.sha256Hex(text)).toBe(await webCryptoHashing.sha256Hex(text))
    }
  })

  it('accepts exactly the HMAC-SHA-256 signatures WebCrypto accepts', async () => {
    const secret = 'a-session-secret-0123456789'
    const data = utf8.encode('header.payload')
    const key = await crypto.subtle.importKey(
      'raw',
      utf8.encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    )
    const good = new Uint8Array(await crypto.subtle.sign('HMAC', key, data))
    const flipped = good.slice()
    flipped[0] = (flipped[0] ?? 0) ^ 1
    for (const [signature, valid] of [
      [good, true],
      [flipped, false],
      [good.subarray(0, 16), false],
      [new Uint8Array(0), false],
    ] as const) {
      expect(nodeHashing.verifyHmacSha256(secret, data, signature)).toBe(valid)
      expect(await webCryptoHashing.verifyHmacSha256(secret, data, signature)).toBe(valid)
    }
    expect(nodeHashing.verifyHmacSha256('another-secret', data, good)).toBe(false)
  })
})
