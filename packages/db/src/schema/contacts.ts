/** @module contacts: the people conversations are with. */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdBy, idColumn, orgColumn, timestamps } from './columns.ts'

export const contacts = sqliteTable(
  'contacts',
  {
    id: idColumn(),
    org_id: orgColumn(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    created_by: createdBy(),
    ...timestamps(),
  },
  (t) => [index('contacts_org_created').on(t.org_id, t.created_at)],
)
