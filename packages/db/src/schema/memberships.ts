/** @module memberships: user × organization × role. */
import { index, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core'
import { createdAt, idColumn, orgColumn } from './columns.ts'
import { users } from './users.ts'

export const memberships = sqliteTable(
  'memberships',
  {
    id: idColumn(),
    org_id: orgColumn(),
    user_id: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'admin', 'agent', 'project_manager', 'team_admin'] }).notNull(),
    /** The user's email and name as the org's member list shows them (copied from users when they join). */
    email: text('email').notNull().default(''),
    name: text('name'),
    availability: text('availability', { enum: ['online', 'busy', 'offline'] })
      .notNull()
      .default('online'),
    /** Written at most once a minute per member, by their requests. */
    last_active_at: text('last_active_at'),
    created_at: createdAt(),
  },
  (t) => [unique('memberships_org_user').on(t.org_id, t.user_id), index('memberships_user').on(t.user_id)],
)
