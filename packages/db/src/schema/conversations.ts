/** @module conversations and their messages. */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { contacts } from './contacts.ts'
import { organizations } from './organizations.ts'
import { users } from './users.ts'

export const conversations = sqliteTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    org_id: text('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    contact_id: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    subject: text('subject'),
    status: text('status', { enum: ['open', 'pending', 'resolved'] }).notNull(),
    assignee_id: text('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    created_by: text('created_by'),
    created_at: text('created_at').notNull(),
    updated_at: text('updated_at').notNull(),
  },
  (t) => [index('conversations_org_created').on(t.org_id, t.created_at)],
)

export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    org_id: text('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    conversation_id: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['incoming', 'outgoing'] }).notNull(),
    content: text('content').notNull(),
    created_by: text('created_by'),
    created_at: text('created_at').notNull(),
  },
  (t) => [index('messages_conversation_created').on(t.conversation_id, t.created_at)],
)
