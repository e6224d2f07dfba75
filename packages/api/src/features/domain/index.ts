/**
 * @module The domain tables the settings act on (contacts, conversations and their messages, companies, deals,
 * tasks, automations, bot flows), and the Danger Zone's functions over all of them.
 */
import type { Feature } from '../../feature.ts'
import { automationsResource } from './automations.resource.ts'
import { botFlowsResource } from './bot-flows.resource.ts'
import { companiesResource } from './companies.resource.ts'
import { contactsResource } from './contacts.resource.ts'
import { conversationsResource } from './conversations.resource.ts'
import { dataSummaryFunction, deleteAllDataFunction } from './danger-zone.ts'
import { dealsResource } from './deals.resource.ts'
import { messagesResource } from './messages.resource.ts'
import { tasksResource } from './tasks.resource.ts'

export const domainFeature: Feature = {
  name: 'domain',
  resources: [
    contactsResource,
    conversationsResource,
    messagesResource,
    companiesResource,
    dealsResource,
    tasksResource,
    automationsResource,
    botFlowsResource,
  ],
  functions: [dataSummaryFunction, deleteAllDataFunction],
}
