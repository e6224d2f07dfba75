/** @module api_keys: org API keys, stored as a SHA-256 hash plus a display prefix and last four characters. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, createdBy, idColumn, orgColumn } from './columns.ts'
import { users } from './users.ts'

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: idColumn(),
    org_id: orgColumn(),
    name: text('name').notNull(),
    description: text('description'),
    prefix: text('prefix').notNull(),
    /** The key's last four characters, for display next to the prefix; the key itself is never stored. */
    last4: text('last4').notNull().default(''),
    /** `full` (the admin role's permissions) or `read_only` (no REST writes, no data-changing functions). */
    scope: text('scope', { enum: ['full', 'read_only'] })
      .notNull()
      .default('full'),
    hash: text('hash').notNull().unique(),
    created_by: createdBy().references(() => users.id, { onDelete: 'set null' }),
    created_at: createdAt(),
    expires_at: text('expires_at'),
    revoked_at: text('revoked_at'),
    last_used_at: text('last_used_at'),
    usage_count: integer('usage_count').notNull().default(0),
    /** Requests a minute this key may make; over it, 429. */
    rate_limit: integer('rate_limit').notNull().default(600),
  },
  (t) => [index('api_keys_org').on(t.org_id), index('api_keys_created_by').on(t.created_by)],
)

/** Requests per key per UTC day, for the last 30 days (older days are pruned as new ones are written). */
export const apiKeyUsage = sqliteTable(
  'api_key_usage',
  {
    id: idColumn(),
    org_id: orgColumn(),
    key_id: text('key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    /** `YYYY-MM-DD`, UTC. */
    day: text('day').notNull(),
    requests: integer('requests').notNull().default(0),
  },
  (t) => [
    uniqueIndex('api_key_usage_key_day').on(t.key_id, t.day),
    index('api_key_usage_org_day').on(t.org_id, t.day),
  ],
)
