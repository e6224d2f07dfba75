/** @module message_templates: saved messages with `{{variables}}`, a name unique per org (case-insensitive). */
import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdBy, idColumn, orgColumn, timestamps } from './columns.ts'

export const messageTemplates = sqliteTable(
  'message_templates',
  {
    id: idColumn(),
    org_id: orgColumn(),
    /** COLLATE NOCASE in the migration: "Welcome" and "welcome" are one template. */
    name: text('name').notNull(),
    category: text('category', { enum: ['general', 'greeting', 'follow_up', 'support', 'sales'] })
      .notNull()
      .default('general'),
    body: text('body').notNull(),
    created_by: createdBy(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('message_templates_org_name').on(t.org_id, t.name)],
)
