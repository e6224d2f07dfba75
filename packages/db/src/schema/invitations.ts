/** @module invitations: single-use links to join an org; the token is stored only as its SHA-256 hash. */
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { idColumn, orgColumn, timestamps } from './columns.ts'
import { users } from './users.ts'

export const invitations = sqliteTable(
  'invitations',
  {
    id: idColumn(),
    org_id: orgColumn(),
    /** Stored lower-case: an address is one invitation whatever its case. */
    email: text('email').notNull(),
    role: text('role', { enum: ['owner', 'admin', 'agent', 'project_manager', 'team_admin'] }).notNull(),
    token_hash: text('token_hash').notNull(),
    invited_by: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expires_at: text('expires_at').notNull(),
    accepted_at: text('accepted_at'),
    revoked_at: text('revoked_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('invitations_token').on(t.token_hash),
    index('invitations_org_email').on(t.org_id, t.email),
    index('invitations_org_created').on(t.org_id, t.created_at),
    index('invitations_invited_by').on(t.invited_by),
  ],
)
