/**
 * @module Webhook endpoints (`webhook_configurations`, spec Use Case 3): a URL, the events it subscribes to and a
 * signing secret that is stored encrypted and never read back over REST.
 */
import * as z from 'zod/mini'
import { ui } from './field-ui.ts'
import { rule } from './issues.ts'
import { meta } from './meta.ts'
import { patchOf } from './patch.ts'
import { ALL_EVENTS, subscribableEvents } from './webhook-event-types.ts'
import { checkWebhookSecret } from './webhook-secret.ts'

export const WebhookSecret = meta(
  z.string().check(
    z.superRefine((secret, ctx) => {
      const check = checkWebhookSecret(secret)
      // The reason says what is wrong with this one; the id is the rule a client translates by.
      if (!check.ok)
        ctx.addIssue({ code: 'custom', message: check.reason, params: { id: check.issue }, input: secret })
    }),
  ),
  {
    description:
      '`whsec_` + base64 (24–64 bytes), or 16–128 printable ASCII characters. Generated when omitted.',
  },
)

const EventName = z.enum([ALL_EVENTS, ...subscribableEvents] as [string, ...string[]])

export const WebhookEvents = meta(
  z.array(EventName).check(
    z.minLength(1, 'Choose at least one event'),
    z.refine(
      (events) => new Set(events).size === events.length,
      rule('unique_items', 'Each event only once'),
    ),
  ),
  { description: 'Event types to receive (see GET /functions/v1/webhook-events); `*` subscribes to all.' },
)

export const WebhookConfiguration = meta(
  z.object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    description: z.nullable(z.string()),
    enabled: z.boolean(),
    disabled_reason: meta(z.nullable(z.string()), {
      description:
        'Why the server disabled the endpoint (a 410 answer, or no success for 5 days); null when enabled.',
    }),
    created_by: z.nullable(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'WebhookConfiguration' },
)
export type WebhookConfiguration = z.infer<typeof WebhookConfiguration>

const Url = meta(
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'URL is required'),
      z.maxLength(2048, 'URL must be at most 2048 characters'),
    ),
  { description: 'Where events are POSTed: https in production, never a private address.' },
)

export const WebhookConfigurationInsert = meta(
  z.strictObject({
    url: ui(Url, {
      id: 'webhooks.url',
      label: 'Endpoint URL',
      help: 'Where events are sent with a signed POST, e.g. https://example.com/webhooks.',
    }),
    events: WebhookEvents,
    secret: z.optional(WebhookSecret),
    description: ui(
      z.optional(
        z.nullable(
          z.string().check(z.trim(), z.maxLength(500, 'Description must be at most 500 characters')),
        ),
      ),
      { id: 'webhooks.description', label: 'Description', format: 'multiline' },
    ),
    enabled: z._default(z.boolean(), true),
  }),
  {
    id: 'WebhookConfigurationInsert',
    examples: [{ url: 'https://example.com/webhooks', events: ['message.created', 'conversation.created'] }],
  },
)
export type WebhookConfigurationInsert = z.input<typeof WebhookConfigurationInsert>

/** The secret is changed with rotate-webhook-secret, not by PATCH. */
const { secret: _secret, ...updatable } = WebhookConfigurationInsert.shape
export const WebhookConfigurationUpdate = meta(patchOf(z.strictObject(updatable)), {
  id: 'WebhookConfigurationUpdate',
})

/** How long the previous secret keeps signing after a rotation. */
export const SECRET_ROTATION_HOURS = 24

export const WebhookIdRequest = meta(z.strictObject({ id: z.string().check(z.minLength(1)) }), {
  id: 'WebhookIdRequest',
  examples: [{ id: 'whk_01J0000000000000000000000' }],
})

export const RevealWebhookSecretResponse = meta(z.object({ id: z.string(), secret: z.string() }), {
  id: 'RevealWebhookSecretResponse',
})

export const RotateWebhookSecretResponse = meta(
  z.object({
    id: z.string(),
    secret: z.string(),
    previous_secret_expires_at: meta(z.string(), {
      description: `Until then (${SECRET_ROTATION_HOURS} h) deliveries carry a signature with each secret.`,
    }),
  }),
  { id: 'RotateWebhookSecretResponse' },
)

/** One delivery attempt, as the log shows it. */
export const WebhookDelivery = meta(
  z.object({
    id: z.string(),
    webhook_id: z.string(),
    message_id: meta(z.string(), {
      description: 'The `webhook-id` header: the same on every attempt of a message.',
    }),
    event_type: z.string(),
    attempt: z.number(),
    status_code: z.nullable(z.number()),
    duration_ms: z.number(),
    response_body: meta(z.nullable(z.string()), {
      description: 'The first 2 KB of what the endpoint answered.',
    }),
    error: z.nullable(z.string()),
    created_at: z.string(),
  }),
  { id: 'WebhookDelivery' },
)
export type WebhookDelivery = z.infer<typeof WebhookDelivery>

/** `POST /functions/v1/redeliver-webhook`. */
export const RedeliverWebhookRequest = meta(
  z.strictObject({ delivery_id: z.string().check(z.minLength(1)) }),
  {
    id: 'RedeliverWebhookRequest',
    examples: [{ delivery_id: 'whd_01J0000000000000000000000' }],
  },
)
