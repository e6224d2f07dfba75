/** @module companies: the organizations a help desk's contacts and deals belong to. */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdBy, idColumn, orgColumn, timestamps } from './columns.ts'

export const companies = sqliteTable(
  'companies',
  {
    id: idColumn(),
    org_id: orgColumn(),
    name: text('name').notNull(),
    domain: text('domain'),
    industry: text('industry'),
    created_by: createdBy(),
    ...timestamps(),
  },
  (t) => [index('companies_org_created').on(t.org_id, t.created_at)],
)
