/** @module automations: on an event, when its conditions hold, run its actions (both stored as JSON). */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdBy, idColumn, orgColumn, timestamps } from './columns.ts'

export const automations = sqliteTable(
  'automations',
  {
    id: idColumn(),
    org_id: orgColumn(),
    name: text('name').notNull(),
    /** The webhook event type that triggers it (`conversation.created`, …). */
    event: text('event').notNull(),
    conditions: text('conditions', { mode: 'json' }).$type<unknown[]>().notNull(),
    actions: text('actions', { mode: 'json' }).$type<unknown[]>().notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    created_by: createdBy(),
    ...timestamps(),
  },
  (t) => [index('automations_org_created').on(t.org_id, t.created_at)],
)
