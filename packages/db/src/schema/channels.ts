/**
 * @module channels: where conversations come from (website chat, email, WhatsApp, Messenger, Instagram, Telegram,
 * SMS, the API). Each type's non-secret settings are `settings`; its credentials are one encrypted JSON object
 * (`credentials`), never read back, and `credential_keys` says which of them are set.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdBy, idColumn, orgColumn, timestamps } from './columns.ts'

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

export const channels = sqliteTable(
  'channels',
  {
    id: idColumn(),
    org_id: orgColumn(),
    type: text('type', { enum: channelTypes }).notNull(),
    name: text('name').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    /** The type's settings that are not secret (a WhatsApp phone number id, a page id, a website's domain). */
    settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    /** AES-256-GCM ciphertext of the type's credentials as JSON; null until some are written. */
    credentials: text('credentials'),
    /** The names of the credentials that are set (never their values), so a form can say "set". */
    credential_keys: text('credential_keys', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** Meta's types: what the provider's console sends back in the subscription handshake. */
    verify_token: text('verify_token'),
    /** The last connection check: `{ ok, code, message, at }`. */
    last_check: text('last_check', { mode: 'json' }).$type<Record<string, unknown>>(),
    created_by: createdBy(),
    ...timestamps(),
  },
  (t) => [index('channels_org_created').on(t.org_id, t.created_at)],
)
