import { describe, expect, it } from 'vitest'
import { decryptSecret, encryptSecret, maskSecret } from './encryption.ts'

const key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
const otherKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))

describe('encryptSecret / decryptSecret (AES-256-GCM)', () => {
  it('round-trips, and never stores the plaintext', async () => {
    const sealed = await encryptSecret(key, 'whsec_hunter2', 'webhooks.secret')
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+$/)
    expect(sealed).not.toContain('hunter2')
    expect(await decryptSecret(key, sealed, 'webhooks.secret')).toBe('whsec_hunter2')
  })

  it('uses a fresh IV each time: the same secret seals differently', async () => {
    expect(await encryptSecret(key, 'same')).not.toBe(await encryptSecret(key, 'same'))
  })

  it('refuses another key, another context, and tampered bytes', async () => {
    const sealed = await encryptSecret(key, 'secret', 'a')
    await expect(decryptSecret(otherKey, sealed, 'a')).rejects.toThrow()
    await expect(decryptSecret(key, sealed, 'b')).rejects.toThrow()
    const [v, iv, body = ''] = sealed.split('.')
    const flipped = `${body.slice(0, -2)}${body.at(-2) === 'A' ? 'B' : 'A'}${body.at(-1)}`
    await expect(decryptSecret(key, `${v}.${iv}.${flipped}`, 'a')).rejects.toThrow()
    await expect(decryptSecret(key, 'plaintext', 'a')).rejects.toThrow(/not an encrypted secret/)
  })

  it('refuses a key that is not 32 bytes', async () => {
    await expect(encryptSecret(btoa('short'), 'x')).rejects.toThrow(/32 bytes/)
  })
})

describe('maskSecret', () => {
  it('shows only the last four characters', () => {
    expect(maskSecret('ak_abcdefgh1234')).toBe('••••1234')
  })
})
