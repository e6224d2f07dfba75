/** @module bot_flows: a chatbot's flow, its definition stored as JSON. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdBy, idColumn, orgColumn, timestamps } from './columns.ts'

export const botFlows = sqliteTable(
  'bot_flows',
  {
    id: idColumn(),
    org_id: orgColumn(),
    name: text('name').notNull(),
    definition: text('definition', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(false),
    created_by: createdBy(),
    ...timestamps(),
  },
  (t) => [index('bot_flows_org_created').on(t.org_id, t.created_at)],
)
