/** @module tags: Tags & Labels, a name unique per org (case-insensitive). */
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { organizations } from './organizations.ts'

export const tags = sqliteTable(
  'tags',
  {
    id: text('id').primaryKey(),
    org_id: text('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** COLLATE NOCASE in the migration: "VIP" and "vip" are one tag. */
    name: text('name').notNull(),
    color: text('color').notNull(),
    scope: text('scope', { enum: ['conversations', 'contacts', 'both'] }).notNull(),
    description: text('description'),
    created_by: text('created_by'),
    created_at: text('created_at').notNull(),
    updated_at: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('tags_org_name').on(t.org_id, t.name),
    index('tags_org_created').on(t.org_id, t.created_at),
  ],
)
