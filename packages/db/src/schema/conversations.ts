/** @module conversations and their messages. */
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { channels } from './channels.ts'
import { createdAt, createdBy, idColumn, orgColumn, timestamps } from './columns.ts'
import { contacts } from './contacts.ts'
import { teams } from './teams.ts'
import { users } from './users.ts'

export const conversations = sqliteTable(
  'conversations',
  {
    id: idColumn(),
    org_id: orgColumn(),
    contact_id: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    subject: text('subject'),
    status: text('status', { enum: ['open', 'pending', 'resolved'] }).notNull(),
    assignee_id: text('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    /** The team it is routed to; deleting the team unassigns it. */
    team_id: text('team_id').references(() => teams.id, { onDelete: 'set null' }),
    /** The channel it came in through; deleting the channel keeps the conversation. */
    channel_id: text('channel_id').references(() => channels.id, { onDelete: 'set null' }),
    created_by: createdBy(),
    ...timestamps(),
  },
  (t) => [
    index('conversations_org_created').on(t.org_id, t.created_at),
    index('conversations_contact').on(t.contact_id),
    index('conversations_assignee').on(t.assignee_id),
    index('conversations_team').on(t.team_id),
    index('conversations_channel').on(t.channel_id),
  ],
)

export const messages = sqliteTable(
  'messages',
  {
    id: idColumn(),
    org_id: orgColumn(),
    conversation_id: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['incoming', 'outgoing'] }).notNull(),
    content: text('content').notNull(),
    /** The provider's id of an inbound message (a WhatsApp `wamid`): a repeat delivery of it is ignored. */
    external_id: text('external_id'),
    created_by: createdBy(),
    created_at: createdAt(),
  },
  (t) => [
    index('messages_conversation_created').on(t.conversation_id, t.created_at),
    uniqueIndex('messages_org_external').on(t.org_id, t.external_id),
  ],
)
