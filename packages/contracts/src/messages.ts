/** @module Messages in a conversation (a minimal domain resource; `message.created` comes from its inserts). */
import * as z from 'zod/mini'
import { meta } from './meta.ts'

export const messageDirections = ['incoming', 'outgoing'] as const

export const Message = meta(
  z.object({
    id: z.string(),
    conversation_id: z.string(),
    direction: z.enum(messageDirections),
    content: z.string(),
    external_id: meta(z.nullable(z.string()), {
      description:
        "The provider's id of a message that came in through a channel (a WhatsApp `wamid`); null otherwise.",
    }),
    created_by: z.nullable(z.string()),
    created_at: z.string(),
  }),
  { id: 'Message' },
)
export type Message = z.infer<typeof Message>

export const MessageInsert = meta(
  z.strictObject({
    conversation_id: z.string().check(z.minLength(1, 'Conversation is required')),
    direction: z._default(
      meta(z.enum(messageDirections), {
        description: '`incoming` from the contact, `outgoing` from the team.',
      }),
      'outgoing',
    ),
    content: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'Message is required'),
        z.maxLength(10_000, 'Message must be at most 10000 characters'),
      ),
  }),
  {
    id: 'MessageInsert',
    examples: [{ conversation_id: 'cnv_01J0000000000000000000000', content: 'Hello!' }],
  },
)
export type MessageInsert = z.input<typeof MessageInsert>
