/** @module messages: what is said in a conversation; written once, never edited. */
import { Message, MessageInsert } from '@connectgain/contracts'
import { messages } from '@connectgain/db'
import { defineResource } from '../rest/registry.ts'

export const messagesResource = defineResource({
  name: 'messages',
  description:
    'Messages in a conversation, incoming from the contact or outgoing from the team. Not edited once sent.',
  table: messages,
  row: Message,
  insert: MessageInsert,
  references: { conversation_id: 'conversations' },
  idPrefix: 'msg',
  events: ({ op }) => (op === 'insert' ? ['message.created'] : []),
  sample: (n) => ({ content: `Hello ${n}` }),
})
