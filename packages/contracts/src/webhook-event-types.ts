/**
 * @module The webhook event names, without their payload schemas and examples (webhook-events.ts has those):
 * what the element and the endpoint contract need, at a few bytes instead of the domain schemas.
 */

export const webhookEventTypes = [
  'message.created',
  'conversation.created',
  'conversation.updated',
  'conversation.resolved',
  'contact.created',
  'contact.updated',
  'company.created',
  'company.updated',
  'company.deleted',
  'deal.created',
  'deal.updated',
  'deal.deleted',
  'task.created',
  'task.updated',
  'task.deleted',
  'automation.created',
  'automation.updated',
  'automation.deleted',
  'bot_flow.created',
  'bot_flow.updated',
  'bot_flow.deleted',
  'message_template.created',
  'message_template.updated',
  'message_template.deleted',
  'data.deleted',
  'webhook.test',
] as const
export type WebhookEventType = (typeof webhookEventTypes)[number]

/** Subscribes an endpoint to every event, present and future. */
export const ALL_EVENTS = '*'

/** The events an endpoint may subscribe to: every catalog event but `webhook.test`, which is sent on demand. */
export const subscribableEvents = webhookEventTypes.filter((t) => t !== 'webhook.test')

/** One entry of `GET /functions/v1/webhook-events`. */
export interface WebhookEventInfo {
  type: string
  description: string
  example: unknown
}
