/** @module tags: Tags & Labels, a name unique per org (case-insensitive). */
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdBy, idColumn, orgColumn, timestamps } from './columns.ts'

export const tags = sqliteTable(
  'tags',
  {
    id: idColumn(),
    org_id: orgColumn(),
    /** COLLATE NOCASE in the migration: "VIP" and "vip" are one tag. */
    name: text('name').notNull(),
    color: text('color').notNull(),
    scope: text('scope', { enum: ['conversations', 'contacts', 'both'] }).notNull(),
    description: text('description'),
    created_by: createdBy(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('tags_org_name').on(t.org_id, t.name),
    index('tags_org_created').on(t.org_id, t.created_at),
  ],
)
