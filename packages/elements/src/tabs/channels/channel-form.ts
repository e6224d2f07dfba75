/**
 * @module The Channels tab's form: a type's fields from its contract (`settings.<key>`, `credentials.<key>`), the
 * body built back from them, and where in the provider's console the inbound URL goes.
 */
import type { Channel } from '@connectgain/contracts/channel-requests'
import {
  ChannelFields,
  type ChannelType,
  channelCredentials,
  channelSettings,
  channelTypes,
  isMetaChannelType,
} from '@connectgain/contracts/channels'
import { patchOf } from '@connectgain/contracts/patch'
import { msg } from '@lit/localize'
import * as z from 'zod/mini'
import { fieldOf, fieldsOf } from '../../kit/contract-fields.ts'
import { type FieldSpec, writeOnly } from '../../kit/fields.ts'
import type { Schemas } from '../../kit/resource.ts'

type Values = Record<string, unknown>
const GROUPS = ['settings', 'credentials'] as const

/** The type chooser: a new channel's first field (a saved one's type never changes). */
export const typeField = (): FieldSpec => fieldOf(ChannelFields, 'type')
export const nameField = (): FieldSpec => fieldOf(ChannelFields, 'name')

/** Each type's settings, then its credentials, as `ChannelFields` declares them (channel-form's test checks the lists). */
const fieldsOfType = (type: ChannelType): FieldSpec[] =>
  fieldsOf(
    ChannelFields,
    {
      website: ['domain', 'welcome_message'],
      email: ['email_box_id'],
      whatsapp: ['phone_number_id', 'waba_id', 'access_token', 'app_secret'],
      messenger: ['page_id', 'page_access_token', 'app_secret'],
      instagram: ['page_id', 'page_access_token', 'app_secret'],
      telegram: ['bot_token'],
      sms: ['from_number', 'account_sid', 'auth_token'],
      api: [],
    }[type],
  )

/**
 * The fields of `type`'s settings and credentials, named `settings.<key>` and `credentials.<key>`. Credentials are
 * written, never read: typed masked, and on a saved channel empty with a placeholder when one is set.
 */
export function typeFields(type: ChannelType, saved: Channel | null): FieldSpec[] {
  return fieldsOfType(type).map((field) =>
    field.name in channelCredentials[type].shape
      ? writeOnly(
          { ...field, name: `credentials.${field.name}` },
          !!saved?.credential_keys.includes(field.name),
        )
      : { ...field, name: `settings.${field.name}` },
  )
}

/** Every field any type draws: the controls the form may need, loaded before it shows. */
export const everyTypeField = (): FieldSpec[] => [
  typeField(),
  nameField(),
  ...channelTypes.flatMap((t) => typeFields(t, null)),
]

/**
 * The browser's check of a body of `type` (none chosen yet: the type alone), made of the same schemas the API's
 * `ChannelInsert` and `ChannelUpdate` check each type's settings and credentials with.
 */
function schemasOf(type: ChannelType | undefined): Schemas {
  const { type: kind, name } = ChannelFields.shape as Record<'type' | 'name', z.ZodMiniType>
  // No type yet: a new channel's chooser, or a row action on the list (Enable, Disable), which changes no settings.
  const common = { name: z.optional(name), enabled: z.optional(z.boolean()) }
  if (!type) return { insert: z.strictObject({ type: kind }), update: z.strictObject(common) }
  const [settings, credentials] = [channelSettings[type], channelCredentials[type]]
  return {
    insert: z.strictObject({ type: kind, name, settings, credentials }),
    update: z.strictObject({
      ...common,
      settings: z.optional(patchOf(settings)),
      credentials: z.optional(patchOf(credentials)),
    }),
  }
}

/** A resource spec's schemas that follow the type `chosen()` answers (the form's, or the saved channel's). */
export function typeSchemas(chosen: () => ChannelType | undefined): Schemas {
  const cache = new Map<ChannelType | undefined, Schemas>()
  const of = () => {
    const type = chosen()
    if (!cache.has(type)) cache.set(type, schemasOf(type))
    return cache.get(type) as Schemas
  }
  return {
    get insert() {
      return of().insert
    },
    get update() {
      return of().update
    },
  }
}

/** A saved channel as the form's values: its settings as `settings.<key>`; credentials empty (never read). */
export function valuesOf(channel: Channel): Values {
  const values: Values = { type: channel.type, name: channel.name }
  for (const [key, value] of Object.entries(channel.settings)) values[`settings.${key}`] = value
  return values
}

/**
 * The body from the form's values: `settings.<key>` and `credentials.<key>` back into their objects, an empty value
 * left out (an optional setting unset, a credential kept). `changes` (an edit's): only what changed.
 */
export function bodyOf(values: Values, changes: Values | null): Values {
  const from = changes ?? values
  const body: Values = {}
  for (const [key, value] of Object.entries(from)) {
    const [group, field] = key.split('.') as [string, string | undefined]
    if (!field) body[key] = value
    else if (value !== '' && value !== undefined) body[group] = { ...(body[group] as Values), [field]: value }
  }
  if (!changes) for (const group of GROUPS) body[group] ??= {}
  return body
}

/** Where the channel's inbound URL (and Meta's verify token) go in the provider's console. */
export function consoleSteps(type: ChannelType): string {
  if (isMetaChannelType(type))
    return type === 'whatsapp'
      ? msg(
          'In App Dashboard → WhatsApp → Configuration → Webhook, paste the inbound URL as the Callback URL and the Verify token, verify, and subscribe to messages.',
          { id: 'ch.steps.whatsapp' },
        )
      : msg(
          'In App Dashboard → Messenger (or Instagram) → Webhooks, paste the inbound URL as the Callback URL and the Verify token, verify, and subscribe the Page to messages.',
          { id: 'ch.steps.meta' },
        )
  if (type === 'telegram')
    return msg(
      "Point the bot's webhook at the inbound URL: https://api.telegram.org/bot<token>/setWebhook?url=<inbound URL>.",
      { id: 'ch.steps.telegram' },
    )
  if (type === 'sms')
    return msg(
      'In the Twilio Console → Phone Numbers → your number → Messaging, set "A message comes in" to Webhook with the inbound URL, HTTP POST.',
      { id: 'ch.steps.sms' },
    )
  if (type === 'api')
    return msg(
      'POST {"contact": {…}, "content": "…"} to the inbound URL with Authorization: Bearer and the inbound token shown when the channel was made.',
      { id: 'ch.steps.api' },
    )
  return msg('Messages reach this channel through ConnectGain itself: nothing to paste anywhere.', {
    id: 'ch.steps.none',
  })
}
