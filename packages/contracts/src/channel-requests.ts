/**
 * @module Channels' requests and answers: the REST bodies (`ChannelInsert`, a union by type, and `ChannelUpdate`), the
 * row, `test-channel` and the inbound URLs' bodies. Apart from channels.ts (the types and their fields, which the
 * Channels tab draws its form from), so the element's bundle carries none of the zod a union and records need.
 */
import * as z from 'zod/mini'
import {
  ChannelName,
  type ChannelType,
  channelCredentials,
  channelSettings,
  channelTypes,
  Enabled,
} from './channels.ts'
import { rule } from './issues.ts'
import { meta } from './meta.ts'
import { oneLineName } from './rules.ts'

/** What `test-channel` can find, as a stable code; `message` beside it says it in words. */
export const channelCheckCodes = [
  'ok',
  'invalid_token',
  'missing_permission',
  'not_found',
  'rate_limited',
  'network',
  'timeout',
  'not_supported',
] as const
export type ChannelCheckCode = (typeof channelCheckCodes)[number]

const checkCodeDescription =
  '`ok`; `invalid_token` (the token is wrong, expired or revoked), `missing_permission` (the token lacks a permission), `not_found` (no such phone number, page or account), `rate_limited` (the provider asks to wait), `network` (the provider could not be reached, or answered something unexpected), `timeout` (no answer in time), `not_supported` (this type has nothing to check).'

export const TestChannelResult = meta(
  z.object({
    ok: z.boolean(),
    code: meta(z.enum(channelCheckCodes), { description: checkCodeDescription }),
    message: meta(z.string(), {
      description: 'What happened and what to do, in plain words; never a token.',
    }),
  }),
  {
    id: 'TestChannelResult',
    examples: [
      { ok: true, code: 'ok', message: 'Connected to WhatsApp number +1 555-0100 (Acme Support).' },
      {
        ok: false,
        code: 'invalid_token',
        message:
          'Meta refused the access token (it is wrong, expired or revoked): generate a new one and save it. Meta said: Invalid OAuth access token - Cannot parse access token',
      },
    ],
  },
)
export type TestChannelResult = z.infer<typeof TestChannelResult>

/** The last connection check, kept on the channel. */
export const ChannelCheck = meta(z.object({ ...TestChannelResult.shape, at: z.string() }), {
  id: 'ChannelCheck',
  description: 'The last `test-channel` result and when it ran.',
})

export const Channel = meta(
  z.object({
    id: z.string(),
    type: z.enum(channelTypes),
    name: z.string(),
    enabled: z.boolean(),
    settings: meta(z.record(z.string(), z.unknown()), {
      description: "The type's settings (see `channelSettings`): ids, a domain, a number. Never a secret.",
    }),
    credential_keys: meta(z.array(z.string()), {
      description: 'Which credentials are set (their names, never their values).',
    }),
    inbound_url: meta(z.string(), {
      description:
        "Where the provider delivers messages: paste it into the provider's console (Meta's Callback URL).",
    }),
    verify_token: meta(z.nullable(z.string()), {
      description:
        "Meta's types: the Verify token to paste beside the Callback URL; Meta sends it back in the subscription handshake. Null for other types.",
    }),
    inbound_token: meta(z.nullable(z.string()), {
      description:
        "The API channel's inbound token (`Authorization: Bearer …` on its inbound URL): only in the answer of the POST that created the channel (with `Prefer: return=representation`), null everywhere else. It is never shown again.",
    }),
    last_check: meta(z.nullable(ChannelCheck), {
      description: 'The last `test-channel` result; null until one ran.',
    }),
    created_by: z.nullable(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'Channel' },
)
export type Channel = z.infer<typeof Channel>

/** Builds a schema only (`@__NO_SIDE_EFFECTS__` lets the element's bundle drop it unused). */
/* @__NO_SIDE_EFFECTS__ */
const insertOf = <T extends ChannelType>(type: T) =>
  z.strictObject({
    type: z.literal(type),
    name: ChannelName,
    enabled: Enabled,
    // Parsed when absent, so a missing required field is named (`credentials.access_token`), not its object.
    settings: z.prefault(channelSettings[type], {} as never),
    credentials: z.prefault(channelCredentials[type], {} as never),
  })

export const ChannelInsert = meta(
  z.discriminatedUnion(
    'type',
    [
      insertOf('website'),
      insertOf('email'),
      insertOf('whatsapp'),
      insertOf('messenger'),
      insertOf('instagram'),
      insertOf('telegram'),
      insertOf('sms'),
      insertOf('api'),
    ],
    { error: `Type must be one of: ${channelTypes.join(', ')}` },
  ),
  {
    id: 'ChannelInsert',
    description:
      "A channel of one `type`; `settings` and `credentials` are that type's (see the Channels guide). Meta's types get a generated `verify_token`; the API type gets a generated inbound token, shown once in this POST's answer with `Prefer: return=representation`.",
    examples: [
      {
        type: 'whatsapp',
        name: 'Support WhatsApp',
        settings: { phone_number_id: '106540352242922', waba_id: '102290129340398' },
        credentials: { access_token: 'EAAG…', app_secret: '8f4c…' },
      },
      { type: 'api', name: 'Backend' },
    ],
  },
)
export type ChannelInsert = z.input<typeof ChannelInsert>

export const ChannelUpdate = meta(
  z.strictObject({
    name: z.optional(ChannelName),
    enabled: z.optional(z.boolean()),
    settings: meta(z.optional(z.record(z.string(), z.nullable(z.unknown()))), {
      description:
        "Merged into the channel's settings (a key set to null is removed); the result must pass its type's settings.",
    }),
    credentials: meta(z.optional(z.record(z.string(), z.nullable(z.string()))), {
      description:
        'Replaces exactly the credentials given (a key set to null is removed); the others stay as they are. Never read back.',
    }),
  }),
  {
    id: 'ChannelUpdate',
    description: 'The type cannot change: create a new channel for another type.',
    examples: [{ name: 'Sales WhatsApp' }, { credentials: { access_token: 'EAAG…' } }],
  },
)
export type ChannelUpdate = z.infer<typeof ChannelUpdate>

export const TestChannelRequest = meta(z.strictObject({ id: z.string().check(z.minLength(1)) }), {
  id: 'TestChannelRequest',
  examples: [{ id: 'chn_01JDX5Q2W8Z3N4M5P6R7S8T9VB' }],
})
export type TestChannelRequest = z.infer<typeof TestChannelRequest>

/** What the API channel's inbound URL accepts: a contact (found by email, else phone; created when new) and a message. */
export const InboundApiMessage = meta(
  z.strictObject({
    contact: z
      .strictObject({
        name: z.optional(oneLineName(200)),
        email: z.optional(z.email('Must be an email address such as ana@example.com')),
        phone: z.optional(
          z
            .string()
            .check(
              z.refine(
                (p) => /^\+[1-9]\d{6,14}$/.test(p),
                rule('e164', 'Must be an international number such as +34600111222'),
              ),
            ),
        ),
      })
      .check(
        z.refine((c) => c.email !== undefined || c.phone !== undefined, {
          ...rule('contact_email_or_phone', 'Give the contact an email or a phone number'),
          path: ['email'],
        }),
      ),
    content: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'Message is required'),
        z.maxLength(10_000, 'Message must be at most 10000 characters'),
      ),
    external_id: meta(z.optional(z.string().check(z.minLength(1), z.maxLength(200))), {
      description: 'Your id for the message: a second delivery with the same id is ignored.',
    }),
  }),
  {
    id: 'InboundApiMessage',
    examples: [
      { contact: { name: 'Ana García', email: 'ana@example.com' }, content: 'Hi, where is my order?' },
    ],
  },
)
export type InboundApiMessage = z.infer<typeof InboundApiMessage>

/** The inbound URL's answer to a message it accepted. */
export const InboundResult = meta(
  z.object({
    received: z.boolean(),
    /** Messages written by this delivery; a repeat of a known message id writes none. */
    messages: z.array(
      z.object({
        message_id: z.string(),
        conversation_id: z.string(),
        contact_id: z.string(),
        duplicate: z.boolean(),
      }),
    ),
  }),
  { id: 'InboundResult' },
)
export type InboundResult = z.infer<typeof InboundResult>
