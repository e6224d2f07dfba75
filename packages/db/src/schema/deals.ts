/** @module deals: an opportunity with a company or a contact, its value in minor units of one currency. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdBy, idColumn, orgColumn, timestamps } from './columns.ts'
import { companies } from './companies.ts'
import { contacts } from './contacts.ts'

export const deals = sqliteTable(
  'deals',
  {
    id: idColumn(),
    org_id: orgColumn(),
    title: text('title').notNull(),
    /** In the currency's minor units (cents): integers add up exactly. */
    value: integer('value').notNull().default(0),
    /** ISO 4217; the org's currency when a new deal names none. */
    currency: text('currency').notNull(),
    stage: text('stage', { enum: ['open', 'won', 'lost'] })
      .notNull()
      .default('open'),
    // A deal outlives the company or contact it was with.
    company_id: text('company_id').references(() => companies.id, { onDelete: 'set null' }),
    contact_id: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    created_by: createdBy(),
    ...timestamps(),
  },
  (t) => [
    index('deals_org_created').on(t.org_id, t.created_at),
    index('deals_company').on(t.company_id),
    index('deals_contact').on(t.contact_id),
  ],
)
