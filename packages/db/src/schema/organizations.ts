/** @module organizations: one row per tenant. */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

// Its id and timestamps are spelled out, not taken from columns.ts: that module's orgColumn() references this
// table, and an import cycle between the two would make which one evaluates first matter.
export const organizations = sqliteTable('organizations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  timezone: text('timezone').notNull().default('UTC'),
  currency: text('currency').notNull().default('USD'),
  created_at: text('created_at').notNull(),
  updated_at: text('updated_at').notNull(),
})
