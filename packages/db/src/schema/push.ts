/** @module Web Push: each member's browser subscriptions (keys kept for sending, never read back) and notification preferences. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, idColumn, orgColumn, timestamps } from './columns.ts'
import { users } from './users.ts'

export const pushSubscriptions = sqliteTable(
  'push_subscriptions',
  {
    id: idColumn(),
    org_id: orgColumn(),
    user_id: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    expiration_time: integer('expiration_time'),
    /** The browser's P-256 key and auth secret (RFC 8291): what a push is encrypted for. */
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    device_label: text('device_label'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('push_subscriptions_member_endpoint').on(t.org_id, t.user_id, t.endpoint),
    index('push_subscriptions_user').on(t.user_id),
  ],
)

export const notificationPreferences = sqliteTable(
  'notification_preferences',
  {
    id: idColumn(),
    org_id: orgColumn(),
    user_id: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    new_message_in_my_conversations: integer('new_message_in_my_conversations', { mode: 'boolean' })
      .notNull()
      .default(true),
    conversation_assigned_to_me: integer('conversation_assigned_to_me', { mode: 'boolean' })
      .notNull()
      .default(true),
    all_new_conversations: integer('all_new_conversations', { mode: 'boolean' }).notNull().default(false),
    auto_subscribe: integer('auto_subscribe', { mode: 'boolean' }).notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('notification_preferences_member').on(t.org_id, t.user_id),
    index('notification_preferences_user').on(t.user_id),
  ],
)

/**
 * Pushes a write decided to send, one row per subscription, written in the write's batch and turned into
 * `push.send` jobs by the dispatcher, which deletes the row once the job is queued (the job carries the rest).
 */
export const pushOutbox = sqliteTable(
  'push_outbox',
  {
    /** The write's notice id and the subscription's: one push per device per notice, whatever joins found. */
    id: idColumn(),
    org_id: orgColumn(),
    subscription_id: text('subscription_id')
      .notNull()
      .references(() => pushSubscriptions.id, { onDelete: 'cascade' }),
    /** `{ title, body, url, tag }`: what the service worker shows. */
    payload: text('payload', { mode: 'json' }).notNull(),
    urgency: text('urgency', { enum: ['very-low', 'low', 'normal', 'high'] }).notNull(),
    topic: text('topic'),
    ttl_seconds: integer('ttl_seconds').notNull(),
    created_at: createdAt(),
  },
  (t) => [
    index('push_outbox_created').on(t.created_at),
    index('push_outbox_org').on(t.org_id),
    index('push_outbox_subscription').on(t.subscription_id),
  ],
)
