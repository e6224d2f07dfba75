/**
 * @module The server-set columns most tables share: the prefixed id, the owning org, who created the row and when.
 * Each helper returns new builders: drizzle binds a builder to the one table it is declared in.
 */
import { text } from 'drizzle-orm/sqlite-core'
import { organizations } from './organizations.ts'

/** Columns the server sets whenever a table has them (`user_id` in a user-scoped resource); a body never names one. */
export const SERVER_SET = ['id', 'org_id', 'user_id', 'created_at', 'updated_at', 'created_by'] as const
export type ServerColumn = (typeof SERVER_SET)[number]

/** `id`: the row's prefixed id (`tag_…`), made by the server. */
export function idColumn() {
  return text('id').primaryKey()
}

/** `org_id`: the tenant the row belongs to; deleting the organization deletes the row. */
export function orgColumn() {
  return text('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' })
}

/** `created_by`: the user who created the row, when one did. */
export function createdBy() {
  return text('created_by')
}

/** `created_at`: ISO 8601 time the row was inserted. */
export function createdAt() {
  return text('created_at').notNull()
}

/** `updated_at`: ISO 8601 time the row last changed. */
export function updatedAt() {
  return text('updated_at').notNull()
}

/** `created_at` and `updated_at`: spread into a table whose rows change. */
export function timestamps() {
  return { created_at: createdAt(), updated_at: updatedAt() }
}
