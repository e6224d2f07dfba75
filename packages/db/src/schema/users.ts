/** @module users: a person, who may belong to several organizations through memberships. */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt, idColumn } from './columns.ts'

export const users = sqliteTable('users', {
  id: idColumn(),
  email: text('email').notNull().unique(),
  name: text('name'),
  created_at: createdAt(),
})
