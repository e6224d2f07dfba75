/**
 * @module Channels: where conversations come from. Each type has its own non-secret settings and credentials
 * (`channelSettings[type]`, `channelCredentials[type]`), which the API checks and the Channels tab draws its form
 * from. Credentials are write-only: stored encrypted, never read back (`credential_keys` says which are set). The
 * REST bodies, the row, `test-channel` and the inbound bodies are channel-requests.ts.
 */
import * as z from 'zod/mini'
import { ui } from './field-ui.ts'
import { rule } from './issues.ts'
import { oneLineName } from './rules.ts'

export const channelTypes = [
  'website',
  'email',
  'whatsapp',
  'messenger',
  'instagram',
  'telegram',
  'sms',
  'api',
] as const
export type ChannelType = (typeof channelTypes)[number]

/** The types Meta delivers to: they answer the subscription handshake with their verify token and sign their POSTs. */
export const metaChannelTypes = [
  'whatsapp',
  'messenger',
  'instagram',
] as const satisfies readonly ChannelType[]
export const isMetaChannelType = (type: string): boolean =>
  (metaChannelTypes as readonly string[]).includes(type)

export const channelTypeLabels: Readonly<Record<ChannelType, string>> = {
  website: 'Website chat',
  email: 'Email',
  whatsapp: 'WhatsApp Cloud API',
  messenger: 'Facebook Messenger',
  instagram: 'Instagram',
  telegram: 'Telegram',
  sms: 'SMS (Twilio)',
  api: 'API',
}

/** A required single-line value without spaces (an id or a token): trimmed, `label` in its messages. */
const token = (label: string, max = 2048) =>
  z.string({ error: `${label} is required` }).check(
    z.trim(),
    z.minLength(1, `${label} is required`),
    z.maxLength(max, `${label} must be at most ${max} characters`),
    z.refine((s) => !/\s/.test(s), rule('no_spaces', `${label} cannot contain spaces`)),
  )

/** Meta's numeric object ids (a phone number id, a WABA id, a page id). */
const metaId = (label: string) =>
  token(label, 32).check(
    z.refine((s) => /^\d+$/.test(s), rule('meta_id', `${label} is a number such as 106540352242922`)),
  )

const PhoneNumberId = ui(metaId('Phone number ID'), {
  id: 'ch.phone_number_id',
  label: 'Phone number ID',
  help: 'App Dashboard → WhatsApp → API Setup → Phone number ID (not the number itself).',
})
const WabaId = ui(metaId('WhatsApp Business Account ID'), {
  id: 'ch.waba_id',
  label: 'WhatsApp Business Account ID',
  help: 'App Dashboard → WhatsApp → API Setup → WhatsApp Business Account ID.',
})
const PageId = ui(metaId('Page ID'), {
  id: 'ch.page_id',
  label: 'Page ID',
  help: 'Your Facebook Page → About → Page transparency → Page ID; for Instagram, the Page its account is linked to.',
})
const AccessToken = ui(token('Access token'), {
  id: 'ch.access_token',
  label: 'Access token',
  help: 'Business Settings → System users → Generate new token, with whatsapp_business_messaging and whatsapp_business_management.',
})
const PageAccessToken = ui(token('Page access token'), {
  id: 'ch.page_access_token',
  label: 'Page access token',
  help: 'App Dashboard → Messenger (or Instagram) → API settings → Generate token, with pages_messaging (instagram_manage_messages).',
})
const AppSecret = ui(token('App secret', 256), {
  id: 'ch.app_secret',
  label: 'App secret',
  help: 'App Dashboard → App settings → Basic → App secret: it proves each delivery comes from Meta.',
})
const BotToken = ui(
  token('Bot token', 256).check(
    z.refine(
      (s) => /^\d+:[\w-]{20,}$/.test(s),
      rule('telegram_token', 'Bot token looks like 123456789:AAE… (the number, a colon, then letters)'),
    ),
  ),
  {
    id: 'ch.bot_token',
    label: 'Bot token',
    help: 'From @BotFather: /newbot, or /mybots → your bot → API Token.',
  },
)
const AccountSid = ui(
  token('Account SID', 34).check(
    z.refine(
      (s) => /^AC[0-9a-fA-F]{32}$/.test(s),
      rule('twilio_sid', 'Account SID is AC followed by 32 hex digits'),
    ),
  ),
  {
    id: 'ch.account_sid',
    label: 'Account SID',
    help: 'Twilio Console → Account Dashboard → Account Info → Account SID (starts with AC).',
  },
)
const AuthToken = ui(
  token('Auth token', 32).check(
    z.refine((s) => /^[0-9a-fA-F]{32}$/.test(s), rule('twilio_token', 'Auth token is 32 hex digits')),
  ),
  {
    id: 'ch.auth_token',
    label: 'Auth token',
    help: 'Twilio Console → Account Dashboard → Account Info → Auth Token (Show).',
  },
)
const FromNumber = ui(
  z.string({ error: 'Phone number is required' }).check(
    z.trim(),
    z.refine(
      (p) => /^\+[1-9]\d{6,14}$/.test(p),
      rule('e164', 'Must be an international number such as +34600111222'),
    ),
  ),
  {
    id: 'ch.from_number',
    label: 'Phone number',
    help: 'A Twilio number that sends SMS, with its country code (Phone Numbers → Active numbers).',
  },
)
const Domain = ui(
  z.string().check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(253, 'Domain must be at most 253 characters'),
    z.refine(
      (d) => /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(d),
      rule('domain', 'Enter the site name only, such as www.example.com: no https:// and no path'),
    ),
  ),
  {
    id: 'ch.domain',
    label: 'Website domain',
    help: 'Where the chat widget is embedded, such as www.example.com.',
  },
)
const WelcomeMessage = ui(
  z.string().check(z.trim(), z.maxLength(500, 'Welcome message must be at most 500 characters')),
  {
    id: 'ch.welcome_message',
    label: 'Welcome message',
    format: 'multiline',
    help: 'What the chat widget says when a visitor opens it.',
  },
)
const EmailBoxId = ui(z.string().check(z.minLength(1)), {
  id: 'ch.email_box_id',
  label: 'Email box',
  help: 'The connected email box (Settings → Email Boxes) whose messages become conversations.',
})

/** Each type's settings: not secret, read back as they were written. */
export const channelSettings = {
  website: z.strictObject({ domain: z.optional(Domain), welcome_message: z.optional(WelcomeMessage) }),
  email: z.strictObject({ email_box_id: z.optional(EmailBoxId) }),
  whatsapp: z.strictObject({ phone_number_id: PhoneNumberId, waba_id: WabaId }),
  messenger: z.strictObject({ page_id: PageId }),
  instagram: z.strictObject({ page_id: PageId }),
  telegram: z.strictObject({}),
  sms: z.strictObject({ from_number: FromNumber }),
  api: z.strictObject({}),
} as const satisfies Record<ChannelType, z.ZodMiniObject>

/**
 * Each type's credentials: written, never read back. The API channel's inbound token is generated by the server,
 * so it takes none.
 */
export const channelCredentials = {
  website: z.strictObject({}),
  email: z.strictObject({}),
  whatsapp: z.strictObject({ access_token: AccessToken, app_secret: AppSecret }),
  messenger: z.strictObject({ page_access_token: PageAccessToken, app_secret: AppSecret }),
  instagram: z.strictObject({ page_access_token: PageAccessToken, app_secret: AppSecret }),
  telegram: z.strictObject({ bot_token: BotToken }),
  sms: z.strictObject({ account_sid: AccountSid, auth_token: AuthToken }),
  api: z.strictObject({}),
} as const satisfies Record<ChannelType, z.ZodMiniObject>

/** The columns agents, project managers and team admins read: what a channel is, not how it is connected. */
export const channelSummaryColumns = ['id', 'type', 'name', 'enabled'] as const

export const ChannelName = ui(oneLineName(100), {
  id: 'ch.name',
  label: 'Name',
  help: 'How the inbox labels conversations from this channel, such as "Support WhatsApp".',
})
export const Enabled = ui(z._default(z.boolean(), true), {
  id: 'ch.enabled',
  label: 'Enabled',
  format: 'toggle',
  help: 'A disabled channel receives nothing: its inbound URL answers 404.',
})

/**
 * Every field a channel form draws, by name: the type (its options the types in words), the name, and each type's
 * settings and credentials (the same schemas `channelSettings` and `channelCredentials` check with). A form takes a
 * type's fields from here by name; the insert contract stays the one that validates.
 */
export const ChannelFields = z.strictObject({
  type: ui(z.enum(channelTypes), {
    id: 'ch.type',
    label: 'Type',
    format: 'radio',
    help: 'What the channel connects. It cannot change later.',
    options: channelTypeLabels,
  }),
  name: ChannelName,
  ...Object.assign(
    {},
    ...channelTypes.flatMap((type) => [channelSettings[type].shape, channelCredentials[type].shape]),
  ),
} as Record<string, z.ZodMiniType>)
