/** @module memberships: user × organization × role. */
import { index, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core'
import { organizations } from './organizations.ts'
import { users } from './users.ts'

export const memberships = sqliteTable(
  'memberships',
  {
    id: text('id').primaryKey(),
    org_id: text('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    user_id: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'admin', 'agent', 'project_manager', 'team_admin'] }).notNull(),
    created_at: text('created_at').notNull(),
  },
  (t) => [unique('memberships_org_user').on(t.org_id, t.user_id), index('memberships_user').on(t.user_id)],
)
