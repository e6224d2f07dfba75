/** @module Conversations with a contact: status and assignee (a minimal domain resource; webhook events come from its writes). */
import * as z from 'zod/mini'
import { meta } from './meta.ts'
import { patchOf } from './patch.ts'

export const conversationStatuses = ['open', 'pending', 'resolved'] as const
export type ConversationStatus = (typeof conversationStatuses)[number]

export const Conversation = meta(
  z.object({
    id: z.string(),
    contact_id: z.string(),
    subject: z.nullable(z.string()),
    status: z.enum(conversationStatuses),
    assignee_id: meta(z.nullable(z.string()), {
      description: 'The member (user id) the conversation is assigned to.',
    }),
    team_id: meta(z.nullable(z.string()), { description: 'The team it is routed to.' }),
    channel_id: meta(z.nullable(z.string()), {
      description: 'The channel it came in through (`chn_…`); null for one started here.',
    }),
    created_by: z.nullable(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'Conversation' },
)
export type Conversation = z.infer<typeof Conversation>

export const ConversationInsert = meta(
  z.strictObject({
    contact_id: z.string().check(z.minLength(1, 'Contact is required')),
    subject: z.optional(
      z.nullable(z.string().check(z.trim(), z.maxLength(200, 'Subject must be at most 200 characters'))),
    ),
    status: z._default(z.enum(conversationStatuses), 'open'),
    assignee_id: z.optional(z.nullable(z.string().check(z.minLength(1)))),
    team_id: z.optional(z.nullable(z.string().check(z.minLength(1)))),
  }),
  {
    id: 'ConversationInsert',
    examples: [{ contact_id: 'con_01J0000000000000000000000', subject: 'Refund' }],
  },
)
export type ConversationInsert = z.input<typeof ConversationInsert>

export const ConversationUpdate = meta(patchOf(ConversationInsert), { id: 'ConversationUpdate' })
