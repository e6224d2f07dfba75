/** @module The domain tables the settings act on: contacts, conversations and their messages. */
import type { Feature } from '../../feature.ts'
import { contactsResource } from './contacts.resource.ts'
import { conversationsResource } from './conversations.resource.ts'
import { messagesResource } from './messages.resource.ts'

export const domainFeature: Feature = {
  name: 'domain',
  resources: [contactsResource, conversationsResource, messagesResource],
}
