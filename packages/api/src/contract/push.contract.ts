/** @module Contract: Web Push (spec Use Case 4): every member reads the VAPID public key to subscribe with. */
import { roles } from '@connectgain/contracts'
import { describe, expect, it } from 'vitest'
import { devSession, expectError, expectJson, send, type Target } from './http.ts'

const PUSH_CONFIG = '/functions/v1/push-config'

export function registerPushContract(target: Target): void {
  describe('Web Push: the VAPID public key', () => {
    it('every role reads it: an uncompressed P-256 key in base64url, the same for all', async () => {
      const keys = new Set<string>()
      for (const role of roles) {
        const session = await devSession(target, role)
        const body = await expectJson<{ vapid_public_key: string }>(
          await send(target, PUSH_CONFIG, { token: session.access_token }),
          200,
        )
        expect(body.vapid_public_key).toMatch(/^B[A-Za-z0-9_-]{86}$/) // 0x04 + X + Y, 65 bytes
        keys.add(body.vapid_public_key)
      }
      expect(keys.size).toBe(1)
    })

    it('needs credentials, and is a GET', async () => {
      await expectError(await send(target, PUSH_CONFIG), { status: 401, code: 'PGRST301' })
      const session = await devSession(target, 'agent')
      await expectError(
        await send(target, PUSH_CONFIG, { method: 'POST', token: session.access_token, body: {} }),
        {
          status: 405,
          code: 'CG405',
        },
      )
    })
  })
}
