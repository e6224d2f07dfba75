/** @module Web Push contracts (spec Use Case 4): the VAPID public key, my devices' subscriptions, my notification preferences. */
import * as z from 'zod/mini'
import { meta } from './meta.ts'
import { patchOf } from './patch.ts'

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

const base64url = (bytes: number) => new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((bytes * 4) / 3)}}$`)

/**
 * `POST /rest/v1/push_subscriptions`: exactly what `PushSubscription.toJSON()` gives, plus a device label. The
 * same endpoint again updates the row (`?on_conflict=endpoint`, `Prefer: resolution=merge-duplicates`).
 */
export const PushSubscriptionInsert = meta(
  z.strictObject({
    endpoint: meta(
      z
        .string()
        .check(
          z.minLength(1, 'Endpoint is required'),
          z.maxLength(2048, 'Endpoint must be at most 2048 characters'),
        ),
      { description: "The push service's URL for this browser (https in production)." },
    ),
    expirationTime: z.optional(z.nullable(z.number())),
    keys: z.strictObject({
      p256dh: z
        .string()
        .check(z.regex(base64url(65), "Must be the browser's P-256 public key in base64url (65 bytes)")),
      auth: z.string().check(z.regex(base64url(16), 'Must be the 16-byte auth secret in base64url')),
    }),
    device_label: z.optional(
      z.nullable(z.string().check(z.trim(), z.maxLength(100, 'Device label must be at most 100 characters'))),
    ),
  }),
  {
    id: 'PushSubscriptionInsert',
    examples: [
      {
        endpoint: 'https://fcm.googleapis.com/fcm/send/dXJp…',
        expirationTime: null,
        keys: {
          p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
          auth: 'tBHItJI5svbpez7KI4CCXg',
        },
        device_label: 'Chrome on Android',
      },
    ],
  },
)
export type PushSubscriptionInsert = z.input<typeof PushSubscriptionInsert>

/** A device of mine as the list shows it; its keys are never read back. */
export const PushSubscriptionRow = meta(
  z.object({
    id: z.string(),
    user_id: z.string(),
    endpoint: z.string(),
    expiration_time: z.nullable(z.number()),
    device_label: z.nullable(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'PushSubscription' },
)
export type PushSubscriptionRow = z.infer<typeof PushSubscriptionRow>

export const PushSubscriptionUpdate = meta(patchOf(PushSubscriptionInsert), { id: 'PushSubscriptionUpdate' })

/** `POST /functions/v1/test-push`: what each of my devices' push services answered. */
export const TestPushResponse = meta(
  z.object({
    results: z.array(
      z.object({
        id: z.string(),
        device_label: z.nullable(z.string()),
        ok: z.boolean(),
        status_code: z.nullable(z.number()),
        removed: meta(z.boolean(), {
          description: 'The push service said the subscription is gone: it was deleted.',
        }),
        error: z.nullable(z.string()),
      }),
    ),
  }),
  { id: 'TestPushResponse' },
)
export type TestPushResponse = z.infer<typeof TestPushResponse>
