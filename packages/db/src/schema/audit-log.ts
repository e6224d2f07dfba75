/** @module audit_log: one row per change to a setting, written in the same batch as the change. */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt, idColumn, orgColumn } from './columns.ts'

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: idColumn(),
    org_id: orgColumn(),
    actor_type: text('actor_type', { enum: ['user', 'api_key'] }).notNull(),
    actor_id: text('actor_id').notNull(),
    action: text('action', { enum: ['insert', 'update', 'delete', 'reveal'] }).notNull(),
    resource: text('resource').notNull(),
    row_id: text('row_id').notNull(),
    before: text('before', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    after: text('after', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    /** For a member's own row (a user-scoped resource): whose it is. Only they read its values. */
    subject_user_id: text('subject_user_id'),
    created_at: createdAt(),
  },
  (t) => [index('audit_log_org_created').on(t.org_id, t.created_at)],
)
