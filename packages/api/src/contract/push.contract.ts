/** @module Contract: Web Push (spec Use Case 4): every member reads the VAPID public key to subscribe with. */
import { roles } from '@connectgain/contracts'
import { describe, expect, it } from 'vitest'
import { devSession, expectError, expectJson, ORG_B, send, type Target, unique } from './http.ts'

const PUSH_CONFIG = '/functions/v1/push-config'
const SUBSCRIPTIONS = '/rest/v1/push_subscriptions'
const UPSERT = { Prefer: 'resolution=merge-duplicates,return=representation' }

/** What `PushSubscription.toJSON()` gives in a browser (the keys of a real P-256 subscription). */
const toJSON = (endpoint: string) => ({
  endpoint,
  expirationTime: null,
  keys: {
    p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
    auth: 'tBHItJI5svbpez7KI4CCXg',
  },
})

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

  describe('Web Push: my devices and my preferences', () => {
    it('subscribing is PushSubscription.toJSON(); the same endpoint again updates the row; keys never come back', async () => {
      const me = await devSession(target, 'agent')
      const endpoint = `https://push.example.com/send/${unique()}`
      const upsert = (body: unknown) =>
        send(target, `${SUBSCRIPTIONS}?on_conflict=endpoint`, {
          method: 'POST',
          token: me.access_token,
          body,
          headers: UPSERT,
        })
      const [first] = await expectJson<Record<string, unknown>[]>(
        await upsert({ ...toJSON(endpoint), device_label: 'Chrome' }),
        201,
      )
      expect(first).toMatchObject({
        endpoint,
        device_label: 'Chrome',
        expiration_time: null,
        user_id: me.user_id,
      })
      expect(first).not.toHaveProperty('keys')
      expect(first).not.toHaveProperty('p256dh')
      const again = await upsert({ ...toJSON(endpoint), device_label: 'Chrome on Android' })
      expect(again.status).toBeLessThan(300)
      const mine = await expectJson<Record<string, unknown>[]>(
        await send(target, `${SUBSCRIPTIONS}?endpoint=eq.${encodeURIComponent(endpoint)}`, {
          token: me.access_token,
        }),
        200,
      )
      expect(mine).toEqual([expect.objectContaining({ id: first?.id, device_label: 'Chrome on Android' })])
      await expectError(await send(target, `${SUBSCRIPTIONS}?select=id,auth`, { token: me.access_token }), {
        status: 400,
        code: '42703',
      })
      // Another member of the org, and a member of another org, see none of it.
      for (const other of [await devSession(target, 'admin'), await devSession(target, 'agent', ORG_B)]) {
        const seen = await expectJson<unknown[]>(
          await send(target, `${SUBSCRIPTIONS}?endpoint=eq.${encodeURIComponent(endpoint)}`, {
            token: other.access_token,
          }),
          200,
        )
        expect(seen).toEqual([])
      }
    })

    it('a subscription with malformed keys or no endpoint names the field and writes nothing', async () => {
      const me = await devSession(target, 'agent')
      const good = toJSON(`https://push.example.com/send/${unique()}`)
      for (const [body, field] of [
        [{ ...good, keys: { ...good.keys, p256dh: 'short' } }, 'keys.p256dh'],
        [{ ...good, keys: { ...good.keys, auth: 'not base64url!' } }, 'keys.auth'],
        [{ ...good, endpoint: 'not a url' }, 'endpoint'],
      ] as const) {
        await expectError(
          await send(target, SUBSCRIPTIONS, { method: 'POST', token: me.access_token, body }),
          {
            status: 400,
            code: '22P02',
            field,
          },
        )
      }
    })

    it('notification preferences: defaults on first save by upsert, each member their own', async () => {
      const me = await devSession(target, 'agent', `prefs-${unique()}`) // a member who never saved
      const [saved] = await expectJson<Record<string, unknown>[]>(
        await send(target, '/rest/v1/notification_preferences?on_conflict=user_id', {
          method: 'POST',
          token: me.access_token,
          body: { all_new_conversations: true },
          headers: UPSERT,
        }),
        201,
      )
      expect(saved).toMatchObject({
        user_id: me.user_id,
        enabled: true,
        new_message_in_my_conversations: true,
        conversation_assigned_to_me: true,
        all_new_conversations: true,
        auto_subscribe: true,
      })
    })
  })
}
