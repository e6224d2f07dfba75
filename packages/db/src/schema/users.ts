/** @module users: a person, who may belong to several organizations through memberships. */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name'),
  created_at: text('created_at').notNull(),
})
