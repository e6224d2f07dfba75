/** @module Web Push contracts (spec Use Case 4): the server's VAPID public key for `PushManager.subscribe`. */
import * as z from 'zod/mini'
import { meta } from './meta.ts'

/** `GET /functions/v1/push-config`. */
export const PushConfig = meta(
  z.object({
    vapid_public_key: meta(z.string(), {
      description: 'The applicationServerKey for `PushManager.subscribe()` (base64url, uncompressed P-256).',
    }),
  }),
  { id: 'PushConfig' },
)
export type PushConfig = z.infer<typeof PushConfig>
