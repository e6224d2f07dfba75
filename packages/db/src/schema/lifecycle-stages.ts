/** @module lifecycle_stages: the ordered stages a contact moves through; exactly one per org is the default. */
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { idColumn, orgColumn, timestamps } from './columns.ts'

export const lifecycleStages = sqliteTable(
  'lifecycle_stages',
  {
    id: idColumn(),
    org_id: orgColumn(),
    /** COLLATE NOCASE in the migration: "Lead" and "lead" are one stage. */
    name: text('name').notNull(),
    color: text('color').notNull(),
    position: integer('position').notNull(),
    is_default: integer('is_default', { mode: 'boolean' }).notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('lifecycle_stages_org_name').on(t.org_id, t.name),
    index('lifecycle_stages_org_position').on(t.org_id, t.position),
    // Exactly one default per org: a second one cannot be written.
    uniqueIndex('lifecycle_stages_org_default').on(t.org_id).where(sql`${t.is_default} = 1`),
  ],
)
