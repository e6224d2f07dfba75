/**
 * @module Webhooks: endpoints (secrets encrypted), the messages events produce (the outbox, written in the same
 * batch as the change that caused them) and one delivery row per attempt.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt, createdBy, idColumn, orgColumn, timestamps } from './columns.ts'

export const webhookConfigurations = sqliteTable(
  'webhook_configurations',
  {
    id: idColumn(),
    org_id: orgColumn(),
    url: text('url').notNull(),
    events: text('events', { mode: 'json' }).$type<string[]>().notNull(),
    /** AES-256-GCM under ENCRYPTION_KEY (secrets/encryption.ts); never readable over REST. */
    secret: text('secret').notNull(),
    /** The secret before the last rotation, still signing until previous_secret_expires_at. */
    previous_secret: text('previous_secret'),
    previous_secret_expires_at: text('previous_secret_expires_at'),
    description: text('description'),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    disabled_reason: text('disabled_reason'),
    /** Since when every attempt has failed (null after a success); 5 days of it disables the endpoint. */
    failing_since: text('failing_since'),
    created_by: createdBy(),
    ...timestamps(),
  },
  (t) => [index('webhook_configurations_org').on(t.org_id)],
)

export const webhookMessages = sqliteTable(
  'webhook_messages',
  {
    /** The `webhook-id` every delivery of this message carries, retries included. */
    id: idColumn(),
    org_id: orgColumn(),
    event_type: text('event_type').notNull(),
    /** The body's `data`. */
    data: text('data', { mode: 'json' }).notNull(),
    created_at: createdAt(),
    /** When its deliveries were queued; null until then (a dispatcher picks up what a crash left behind). */
    dispatched_at: text('dispatched_at'),
  },
  (t) => [
    index('webhook_messages_undispatched').on(t.dispatched_at, t.created_at),
    index('webhook_messages_org').on(t.org_id),
  ],
)

export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: idColumn(),
    org_id: orgColumn(),
    webhook_id: text('webhook_id')
      .notNull()
      .references(() => webhookConfigurations.id, { onDelete: 'cascade' }),
    message_id: text('message_id')
      .notNull()
      .references(() => webhookMessages.id, { onDelete: 'cascade' }),
    event_type: text('event_type').notNull(),
    attempt: integer('attempt').notNull(),
    status_code: integer('status_code'),
    duration_ms: integer('duration_ms').notNull(),
    /** The first 2 KB of the response body. */
    response_body: text('response_body'),
    error: text('error'),
    created_at: createdAt(),
  },
  (t) => [
    index('webhook_deliveries_webhook_created').on(t.webhook_id, t.created_at),
    index('webhook_deliveries_org_created').on(t.org_id, t.created_at),
    index('webhook_deliveries_message').on(t.message_id),
  ],
)
