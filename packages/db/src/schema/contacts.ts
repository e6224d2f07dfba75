/** @module contacts: the people conversations are with. */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdBy, idColumn, orgColumn, timestamps } from './columns.ts'
import { lifecycleStages } from './lifecycle-stages.ts'

export const contacts = sqliteTable(
  'contacts',
  {
    id: idColumn(),
    org_id: orgColumn(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    /** The stage the contact is in; a stage that contacts are in is not deleted (409) unless they move. */
    lifecycle_stage_id: text('lifecycle_stage_id').references(() => lifecycleStages.id),
    created_by: createdBy(),
    ...timestamps(),
  },
  (t) => [
    index('contacts_org_created').on(t.org_id, t.created_at),
    index('contacts_org_stage').on(t.org_id, t.lifecycle_stage_id),
    index('contacts_stage').on(t.lifecycle_stage_id),
  ],
)
