/** @module message_templates: saved messages with `{{variables}}`; every member reads, owners and admins write. */
import { MessageTemplate, MessageTemplateInsert, MessageTemplateUpdate } from '@connectgain/contracts'
import { messageTemplates } from '@connectgain/db'
import { defineResource } from '../../rest/registry.ts'
import { emitEvents, everyWrite } from '../webhooks/outbox.ts'

export const messageTemplatesResource = defineResource({
  name: 'message_templates',
  singular: 'message template',
  description:
    'Message templates: saved messages an agent sends, with variables such as `{{contact.first_name}}` that `POST /functions/v1/render-template` fills in. A name is unique in the organization, ignoring case.',
  table: messageTemplates,
  row: MessageTemplate,
  insert: MessageTemplateInsert,
  update: MessageTemplateUpdate,
  deletable: true,
  domainData: true,
  idPrefix: 'mtp',
  onWrite: [
    emitEvents(
      everyWrite('message_template.created', 'message_template.updated', 'message_template.deleted'),
    ),
  ],
  sample: (n) => ({
    name: `Template ${n}`,
    category: 'support',
    body: `Hi {{contact.first_name}}, about case ${n}: {{agent.name}} here.`,
  }),
})
