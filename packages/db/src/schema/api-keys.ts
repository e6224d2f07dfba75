/** @module api_keys: org API keys, stored as a SHA-256 hash plus a display prefix. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { organizations } from './organizations.ts'
import { users } from './users.ts'

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    org_id: text('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    hash: text('hash').notNull().unique(),
    created_by: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    created_at: text('created_at').notNull(),
    expires_at: text('expires_at'),
    revoked_at: text('revoked_at'),
    last_used_at: text('last_used_at'),
    usage_count: integer('usage_count').notNull().default(0),
  },
  (t) => [index('api_keys_org').on(t.org_id)],
)
