/** @module The secrets helper inside workerd: what the Node host sealed, the Worker opens, and the other way round. */
import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { decryptSecret, encryptSecret } from './encryption.ts'

/** Sealed by the Node host with the same ENCRYPTION_KEY as the workerd tests (32 bytes of 7), context "fixture". */
const SEALED_ON_NODE = 'v1.UjsAY6RAwX4nPREA.QVZnVUcGVvjbh4qs4yDbxspxpDimXoizMgRGcwe6'

describe('AES-256-GCM secrets in workerd', () => {
  const key = env.ENCRYPTION_KEY ?? ''

  it('opens a secret the Node host sealed', async () => {
    expect(await decryptSecret(key, SEALED_ON_NODE, 'fixture')).toBe('sealed on Node')
  })

  it('round-trips and refuses another context', async () => {
    const sealed = await encryptSecret(key, 'sealed in workerd', 'webhooks.secret')
    expect(await decryptSecret(key, sealed, 'webhooks.secret')).toBe('sealed in workerd')
    await expect(decryptSecret(key, sealed, 'other')).rejects.toThrow()
  })
})
