/** @module teams and team_members: groups of an org's members, each member of a team possibly its team admin. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, idColumn, orgColumn, timestamps } from './columns.ts'
import { users } from './users.ts'

export const teams = sqliteTable(
  'teams',
  {
    id: idColumn(),
    org_id: orgColumn(),
    /** COLLATE NOCASE in the migration: "Billing" and "billing" are one team. */
    name: text('name').notNull(),
    description: text('description'),
    allow_auto_assign: integer('allow_auto_assign', { mode: 'boolean' }).notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('teams_org_name').on(t.org_id, t.name),
    index('teams_org_created').on(t.org_id, t.created_at),
  ],
)

export const teamMembers = sqliteTable(
  'team_members',
  {
    id: idColumn(),
    org_id: orgColumn(),
    team_id: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    user_id: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    is_team_admin: integer('is_team_admin', { mode: 'boolean' }).notNull().default(false),
    created_at: createdAt(),
  },
  (t) => [
    uniqueIndex('team_members_team_user').on(t.team_id, t.user_id),
    index('team_members_org_user').on(t.org_id, t.user_id),
    index('team_members_user').on(t.user_id),
  ],
)
