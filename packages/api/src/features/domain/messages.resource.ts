/** @module messages: what is said in a conversation; written once, never edited. */
import { Message, MessageInsert } from '@connectgain/contracts'
import { messages } from '@connectgain/db'
import { defineResource } from '../../rest/registry.ts'
import { conversationPush, excerpt } from '../push/notices.ts'
import { emitPushes } from '../push/outbox.ts'
import { emitEvents } from '../webhooks/outbox.ts'

export const messagesResource = defineResource({
  name: 'messages',
  description:
    'Messages in a conversation, incoming from the contact or outgoing from the team. Not edited once sent.',
  table: messages,
  row: Message,
  insert: MessageInsert,
  domainData: true,
  references: { conversation_id: 'conversations' },
  idPrefix: 'msg',
  onWrite: [
    emitEvents(({ op }) => (op === 'insert' ? ['message.created'] : [])),
    // A new message notifies the conversation's assignee (unless they wrote it).
    emitPushes(({ op, after }, { config }) =>
      op === 'insert' && after
        ? [
            conversationPush(config, String(after.conversation_id), {
              to: { assigneeOf: String(after.conversation_id) },
              preference: 'new_message_in_my_conversations',
              urgency: 'high',
              title: after.direction === 'incoming' ? 'New message' : 'New reply from your team',
              body: excerpt(String(after.content)),
            }),
          ]
        : [],
    ),
  ],
  sample: (n) => ({ content: `Hello ${n}` }),
})
