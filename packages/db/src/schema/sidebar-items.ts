/** @module sidebar_items: the host app's main sections, ordered, each with a label, an icon and whether it shows. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { idColumn, orgColumn, timestamps } from './columns.ts'

export const sidebarItems = sqliteTable(
  'sidebar_items',
  {
    id: idColumn(),
    org_id: orgColumn(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    icon: text('icon').notNull(),
    visible: integer('visible', { mode: 'boolean' }).notNull().default(true),
    position: integer('position').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('sidebar_items_org_key').on(t.org_id, t.key),
    index('sidebar_items_org_position').on(t.org_id, t.position),
  ],
)
