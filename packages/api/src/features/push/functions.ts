/** @module Web Push functions (spec Use Case 4): the VAPID public key a browser subscribes with. */
import { PushConfig, TestPushResponse } from '@connectgain/contracts'
import { pushSubscriptions } from '@connectgain/db'
import { and, eq, inArray } from 'drizzle-orm'
import * as z from 'zod/mini'
import type { Config } from '../../config.ts'
import { ApiError } from '../../errors.ts'
import { defineFunction } from '../../functions/registry.ts'
import { sendPush } from './send.ts'
import { configuredVapid, type VapidKeys } from './vapid.ts'

const notConfigured = () =>
  new ApiError('CG500', 'Web Push is not configured on this server', {
    hint: 'Set VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT (npx web-push generate-vapid-keys)',
  })

/** The server's VAPID keys, or 500 naming what to set. */
export function vapidOf(config: Config): VapidKeys {
  const vapid = configuredVapid(config)
  if (!vapid) throw notConfigured()
  return vapid
}

export const pushConfigFunction = defineFunction({
  name: 'push-config',
  summary:
    "The server's VAPID public key: pass it as `applicationServerKey` to `PushManager.subscribe()`. Any member may read it.",
  auth: 'member',
  permission: 'push-config',
  method: 'GET',
  input: z.object({}),
  output: PushConfig,
  async handler(_input, { deps }) {
    return { vapid_public_key: vapidOf(deps.config).publicKey }
  },
})

export const testPushFunction = defineFunction({
  name: 'test-push',
  summary:
    "Send a test notification to each of the caller's subscribed devices now (spec Use Case 4, step 5) and answer what each push service said. A subscription the push service calls gone (404/410) is deleted. Needs a session token: an API key has no devices.",
  auth: 'member',
  permission: 'test-push',
  changesData: true,
  input: z.object({}),
  output: TestPushResponse,
  async handler(_input, { deps, caller }) {
    if (caller.kind !== 'session') {
      throw new ApiError('42501', 'test-push sends to your own devices: call it with a session token', {
        hint: 'An API key belongs to the organization, not to a member with devices',
      })
    }
    const { db, config } = deps
    const vapid = vapidOf(config)
    const devices = await db
      .select()
      .from(pushSubscriptions)
      .where(and(eq(pushSubscriptions.org_id, caller.orgId), eq(pushSubscriptions.user_id, caller.userId)))
    const payload = {
      title: 'ConnectGain test notification',
      body: 'Notifications work on this device.',
      url: '/',
      tag: 'cg-test',
    }
    const results = await Promise.all(
      devices.map(async (device) => {
        const attempt = await sendPush(
          { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
          payload,
          { vapid, urgency: 'high', ttlSeconds: 300, guard: { mode: config.CG_MODE, resolve: deps.resolve } },
        )
        return {
          id: device.id,
          device_label: device.device_label,
          ok: attempt.ok,
          status_code: attempt.status_code,
          removed: attempt.gone,
          error: attempt.error,
        }
      }),
    )
    const gone = results.filter((r) => r.removed).map((r) => r.id)
    if (gone.length) await db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, gone))
    return { results }
  },
})
