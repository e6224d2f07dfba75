/** @module The event catalog's examples are what its payload schemas accept, so docs and the tab never show a payload we would not send. */
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { webhookEvents, webhookEventTypes } from './webhook-events.ts'

describe('webhook event catalog', () => {
  it.each(webhookEventTypes)(
    '%s: its example parses with its payload schema, and it has a description',
    (type) => {
      const event = webhookEvents[type]
      expect(z.safeParse(event.payload, event.example).success).toBe(true)
      expect(event.description.length).toBeGreaterThan(10)
    },
  )

  it("holds the spec's events and the ones the issue adds", () => {
    expect([...webhookEventTypes].sort()).toEqual(
      [
        'contact.created',
        'contact.updated',
        'conversation.created',
        'conversation.resolved',
        'conversation.updated',
        'message.created',
        ...['company', 'deal', 'task', 'automation', 'bot_flow', 'message_template'].flatMap((noun) =>
          ['created', 'updated', 'deleted'].map((op) => `${noun}.${op}`),
        ),
        'data.deleted',
        'webhook.test',
      ].sort(),
    )
  })
})
