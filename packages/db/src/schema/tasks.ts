/** @module tasks: something a member has to do, perhaps about a contact, perhaps by a date. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdBy, idColumn, orgColumn, timestamps } from './columns.ts'
import { contacts } from './contacts.ts'
import { users } from './users.ts'

export const tasks = sqliteTable(
  'tasks',
  {
    id: idColumn(),
    org_id: orgColumn(),
    title: text('title').notNull(),
    /** ISO 8601 time it is due, when it has a date. */
    due_at: text('due_at'),
    done: integer('done', { mode: 'boolean' }).notNull().default(false),
    assignee_id: text('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    contact_id: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    created_by: createdBy(),
    ...timestamps(),
  },
  (t) => [
    index('tasks_org_created').on(t.org_id, t.created_at),
    index('tasks_assignee').on(t.assignee_id),
    index('tasks_contact').on(t.contact_id),
  ],
)
