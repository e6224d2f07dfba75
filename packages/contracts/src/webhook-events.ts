/**
 * @module The webhook event catalog (spec Use Case 3): every event type with its payload schema, a description
 * and an example. A delivery's body is `{ type, timestamp, data }`, `data` being the event's payload.
 */
import * as z from 'zod/mini'
import { Automation } from './automations.ts'
import { BotFlow } from './bot-flows.ts'
import { Company } from './companies.ts'
import { Contact } from './contacts.ts'
import { Conversation } from './conversations.ts'
import { DataDeletedPayload } from './danger-zone.ts'
import { Deal, type DealStage } from './deals.ts'
import { MessageTemplate } from './message-templates.ts'
import { Message } from './messages.ts'
import { Task } from './tasks.ts'
import type { WebhookEventType } from './webhook-event-types.ts'

export * from './webhook-event-types.ts'

const at = '2026-11-29T10:15:00.000Z'
const contact = {
  id: 'con_01JDX5Q2W8Z3N4M5P6R7S8T9V0',
  name: 'Ana García',
  email: 'ana@example.com',
  phone: '+34600111222',
  lifecycle_stage_id: 'lcs_01JDX5Q2W8Z3N4M5P6R7S8T9V3',
  created_by: 'usr_01JDX5Q2W8Z3N4M5P6R7S8T9V1',
  created_at: at,
  updated_at: at,
}
const conversation = {
  id: 'cnv_01JDX5Q2W8Z3N4M5P6R7S8T9V2',
  contact_id: contact.id,
  subject: 'Refund for order 1042',
  status: 'open' as const,
  team_id: null,
  channel_id: null,
  assignee_id: 'usr_01JDX5Q2W8Z3N4M5P6R7S8T9V1',
  created_by: 'usr_01JDX5Q2W8Z3N4M5P6R7S8T9V1',
  created_at: at,
  updated_at: at,
}
const user = 'usr_01JDX5Q2W8Z3N4M5P6R7S8T9V1'
const company = {
  id: 'cmp_01JDX5Q2W8Z3N4M5P6R7S8T9V5',
  name: 'Globex',
  domain: 'globex.example',
  industry: 'Retail',
  created_by: user,
  created_at: at,
  updated_at: at,
}
const deal = {
  id: 'deal_01JDX5Q2W8Z3N4M5P6R7S8T9V6',
  title: 'Annual plan',
  value: 120000,
  currency: 'EUR',
  stage: 'open' as DealStage,
  company_id: company.id,
  contact_id: contact.id,
  created_by: user,
  created_at: at,
  updated_at: at,
}
const task = {
  id: 'tsk_01JDX5Q2W8Z3N4M5P6R7S8T9V7',
  title: 'Call Ana back',
  due_at: '2026-12-01T09:00:00.000Z',
  done: false,
  assignee_id: user,
  contact_id: contact.id,
  created_by: user,
  created_at: at,
  updated_at: at,
}
const automation = {
  id: 'aut_01JDX5Q2W8Z3N4M5P6R7S8T9V8',
  name: 'Route refunds to billing',
  event: 'conversation.created',
  conditions: [{ field: 'subject', contains: 'refund' }],
  actions: [{ assign_team: 'tm_01JDX5Q2W8Z3N4M5P6R7S8T9V9' }],
  active: true,
  created_by: user,
  created_at: at,
  updated_at: at,
}
const botFlow = {
  id: 'bot_01JDX5Q2W8Z3N4M5P6R7S8T9VA',
  name: 'Welcome',
  definition: { start: { say: 'Hi! How can we help?' } },
  active: false,
  created_by: user,
  created_at: at,
  updated_at: at,
}
const messageTemplate = {
  id: 'mtp_01JDX5Q2W8Z3N4M5P6R7S8T9VB',
  name: 'Welcome',
  category: 'greeting' as const,
  body: 'Hi {{contact.first_name}}, thanks for contacting {{organization.name}}!',
  created_by: user,
  created_at: at,
  updated_at: at,
}

/** The created, updated and deleted events of a domain resource whose payload is its row. */
function rowEvents<P extends z.ZodMiniType, E>(noun: string, payload: P, example: E, updated: E) {
  return {
    created: { description: `A ${noun} was added.`, payload, example },
    updated: {
      description: `A ${noun} changed (the payload is the row after the change).`,
      payload,
      example: updated,
    },
    deleted: { description: `A ${noun} was deleted (the payload is the row as it was).`, payload, example },
  }
}
const companyEvents = rowEvents('company', Company, company, { ...company, industry: 'Wholesale' })
const dealEvents = rowEvents('deal', Deal, deal, { ...deal, stage: 'won' as DealStage })
const taskEvents = rowEvents('task', Task, task, { ...task, done: true })
const automationEvents = rowEvents('automation', Automation, automation, { ...automation, active: false })
const botFlowEvents = rowEvents('bot flow', BotFlow, botFlow, { ...botFlow, active: true })
const messageTemplateEvents = rowEvents('message template', MessageTemplate, messageTemplate, {
  ...messageTemplate,
  body: 'Hi {{contact.first_name}}, welcome to {{organization.name}}! I am {{agent.name}}.',
})

/** What `webhook.test` carries: which endpoint asked for it. */
export const WebhookTestPayload = z.object({ webhook_id: z.string(), message: z.string() })

/** Every event an endpoint can subscribe to. */
export const webhookEvents = {
  'message.created': {
    description:
      'A message was added to a conversation, incoming from the contact or outgoing from the team.',
    payload: Message,
    example: {
      id: 'msg_01JDX5Q2W8Z3N4M5P6R7S8T9V3',
      conversation_id: conversation.id,
      direction: 'incoming' as const,
      content: 'Hi, I would like a refund for order 1042.',
      external_id: null,
      created_by: null,
      created_at: at,
    },
  },
  'conversation.created': {
    description: 'A conversation was opened with a contact.',
    payload: Conversation,
    example: conversation,
  },
  'conversation.updated': {
    description: 'A conversation changed: its subject, status or assignee.',
    payload: Conversation,
    example: { ...conversation, status: 'pending' as const },
  },
  'conversation.resolved': {
    description: 'A conversation was marked resolved (sent with conversation.updated).',
    payload: Conversation,
    example: { ...conversation, status: 'resolved' as const },
  },
  'contact.created': { description: 'A contact was added.', payload: Contact, example: contact },
  'contact.updated': {
    description: "A contact's name, email or phone changed.",
    payload: Contact,
    example: { ...contact, phone: '+34600999888' },
  },
  'company.created': companyEvents.created,
  'company.updated': companyEvents.updated,
  'company.deleted': companyEvents.deleted,
  'deal.created': dealEvents.created,
  'deal.updated': dealEvents.updated,
  'deal.deleted': dealEvents.deleted,
  'task.created': taskEvents.created,
  'task.updated': taskEvents.updated,
  'task.deleted': taskEvents.deleted,
  'automation.created': automationEvents.created,
  'automation.updated': automationEvents.updated,
  'automation.deleted': automationEvents.deleted,
  'bot_flow.created': botFlowEvents.created,
  'bot_flow.updated': botFlowEvents.updated,
  'bot_flow.deleted': botFlowEvents.deleted,
  'message_template.created': messageTemplateEvents.created,
  'message_template.updated': messageTemplateEvents.updated,
  'message_template.deleted': messageTemplateEvents.deleted,
  'data.deleted': {
    description:
      "An owner deleted all of the organization's domain data (POST /functions/v1/delete-all-data): one event with the counts, not one per row.",
    payload: DataDeletedPayload,
    example: { deleted: { contacts: 12, conversations: 30, messages: 214, deals: 4 }, deleted_by: user },
  },
  'webhook.test': {
    description:
      'Sent on demand by "Send test event" (POST /functions/v1/test-webhook); never by data changes.',
    payload: WebhookTestPayload,
    example: {
      webhook_id: 'whk_01JDX5Q2W8Z3N4M5P6R7S8T9V4',
      message: 'This is a test event from ConnectGain.',
    },
  },
} as const satisfies Record<
  WebhookEventType,
  { description: string; payload: z.ZodMiniType; example: unknown }
>

/** What an endpoint receives. */
export interface WebhookBody<T extends WebhookEventType = WebhookEventType> {
  type: T
  /** ISO 8601 time the event happened. */
  timestamp: string
  data: z.infer<(typeof webhookEvents)[T]['payload']>
}

/** `GET /functions/v1/webhook-events`: the catalog, for the tab's checkboxes and for developers. */
export const WebhookEventList = z.array(
  z.object({ type: z.string(), description: z.string(), example: z.unknown() }),
)
export type WebhookEventList = z.infer<typeof WebhookEventList>
