/** @module Web Push functions (spec Use Case 4): the VAPID public key a browser subscribes with. */
import { PushConfig } from '@connectgain/contracts'
import * as z from 'zod/mini'
import { ApiError } from '../errors.ts'
import { defineFunction } from './registry.ts'

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
    const key = deps.config.VAPID_PUBLIC_KEY
    if (!key) {
      throw new ApiError('CG500', 'Web Push is not configured on this server', {
        hint: 'Set VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT (npx web-push generate-vapid-keys)',
      })
    }
    return { vapid_public_key: key }
  },
})
