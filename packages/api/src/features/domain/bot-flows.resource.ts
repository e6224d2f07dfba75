/** @module bot_flows: a chatbot's flows, their definitions stored as the bot will read them. */
import { BotFlow, BotFlowInsert, BotFlowUpdate } from '@connectgain/contracts'
import { botFlows } from '@connectgain/db'
import { defineResource } from '../../rest/registry.ts'
import { emitEvents, everyWrite } from '../webhooks/outbox.ts'

export const botFlowsResource = defineResource({
  name: 'bot_flows',
  singular: 'bot flow',
  description: "A chatbot's flows: a name, its definition (a JSON object) and whether it is active.",
  table: botFlows,
  row: BotFlow,
  insert: BotFlowInsert,
  update: BotFlowUpdate,
  deletable: true,
  domainData: true,
  idPrefix: 'bot',
  onWrite: [emitEvents(everyWrite('bot_flow.created', 'bot_flow.updated', 'bot_flow.deleted'))],
  sample: (n) => ({ name: `Flow ${n}`, definition: { start: { say: `Hello ${n}` } } }),
})
