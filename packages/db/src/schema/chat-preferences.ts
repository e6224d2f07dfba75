/** @module chat_preferences: one member's chat and contact display preferences, one row per user and org. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { idColumn, orgColumn, timestamps } from './columns.ts'
import { users } from './users.ts'

export const chatPreferences = sqliteTable(
  'chat_preferences',
  {
    id: idColumn(),
    org_id: orgColumn(),
    user_id: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message_density: text('message_density', { enum: ['comfortable', 'compact'] })
      .notNull()
      .default('comfortable'),
    enter_to_send: integer('enter_to_send', { mode: 'boolean' }).notNull().default(true),
    show_avatars: integer('show_avatars', { mode: 'boolean' }).notNull().default(true),
    contact_name_format: text('contact_name_format', { enum: ['first_last', 'last_first'] })
      .notNull()
      .default('first_last'),
    default_contact_sort: text('default_contact_sort', { enum: ['last_activity', 'name', 'created_at'] })
      .notNull()
      .default('last_activity'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('chat_preferences_org_user').on(t.org_id, t.user_id),
    index('chat_preferences_user').on(t.user_id),
  ],
)
