/** @module conversations with a contact: status and assignee; every member reads, agents and admins write. */
import { Conversation, ConversationInsert, ConversationUpdate } from '@connectgain/contracts'
import { conversations } from '@connectgain/db'
import { defineResource } from '../../rest/registry.ts'
import { conversationPush } from '../push/notices.ts'
import { emitPushes, type PushesOf } from '../push/outbox.ts'
import { type EventsOf, emitEvents } from '../webhooks/outbox.ts'
import { memberAssignee } from './assignee.ts'

// The webhook events a write raises: a resolve is an update too.
const events: EventsOf = ({ op, before, after }) => {
  if (op === 'insert') return ['conversation.created']
  if (op !== 'update') return []
  const resolved = after?.status === 'resolved' && before?.status !== 'resolved'
  return resolved ? ['conversation.updated', 'conversation.resolved'] : ['conversation.updated']
}

// Its new assignee hears of it (on creation or a reassignment); on creation, so does every member who asked.
const pushes: PushesOf = ({ op, before, after }, { config }) => {
  if (!after || op === 'delete') return []
  const id = String(after.id)
  const subject = typeof after.subject === 'string' && after.subject ? after.subject : 'No subject'
  const assignee = after.assignee_id
  const assigned =
    typeof assignee === 'string' && assignee !== before?.assignee_id
      ? [
          conversationPush(config, id, {
            to: { member: assignee },
            preference: 'conversation_assigned_to_me',
            urgency: 'high',
            title: 'Conversation assigned to you',
            body: subject,
          }),
        ]
      : []
  if (op !== 'insert') return assigned
  return [
    ...assigned,
    conversationPush(config, id, {
      to: 'every-member',
      preference: 'all_new_conversations',
      urgency: 'normal',
      title: 'New conversation',
      body: subject,
    }),
  ]
}

export const conversationsResource = defineResource({
  name: 'conversations',
  description:
    "Conversations with a contact: a subject, a status (`open`, `pending`, `resolved`) and the member it is assigned to (`assignee_id`, a user id of this organization's members).",
  table: conversations,
  row: Conversation,
  insert: ConversationInsert,
  update: ConversationUpdate,
  deletable: true,
  domainData: true,
  references: { contact_id: 'contacts', team_id: 'teams' },
  idPrefix: 'cnv',
  onWrite: [emitEvents(events), emitPushes(pushes)],
  beforeWrite: memberAssignee,
  sample: (n) => ({ subject: `Question ${n}`, status: 'open' }),
})
