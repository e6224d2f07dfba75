/** @module quick_replies: canned responses, a `/shortcut` unique per org. */
import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdBy, idColumn, orgColumn, timestamps } from './columns.ts'

export const quickReplies = sqliteTable(
  'quick_replies',
  {
    id: idColumn(),
    org_id: orgColumn(),
    shortcut: text('shortcut').notNull(),
    content: text('content').notNull(),
    created_by: createdBy(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('quick_replies_org_shortcut').on(t.org_id, t.shortcut)],
)
