/** @module Every REST resource, registered once, and the write hooks every resource runs. */
import { auditHook } from '../audit/audit-log.ts'
import { createRegistry } from '../rest/registry.ts'
import { apiKeyUsageResource } from './api-key-usage.ts'
import { apiKeysResource } from './api-keys.ts'
import { auditLogResource } from './audit-log.ts'
import { chatPreferencesResource } from './chat-preferences.ts'
import { contactsResource } from './contacts.ts'
import { conversationsResource } from './conversations.ts'
import { messagesResource } from './messages.ts'
import { notificationPreferencesResource } from './notification-preferences.ts'
import { organizationsResource } from './organizations.ts'
import { pushSubscriptionsResource } from './push-subscriptions.ts'
import { quickRepliesResource } from './quick-replies.ts'
import { tagsResource } from './tags.ts'
import { webhookConfigurationsResource } from './webhook-configurations.ts'
import { webhookDeliveriesResource } from './webhook-deliveries.ts'

export const registry = createRegistry(
  [
    organizationsResource,
    tagsResource,
    quickRepliesResource,
    chatPreferencesResource,
    auditLogResource,
    apiKeysResource,
    apiKeyUsageResource,
    contactsResource,
    conversationsResource,
    messagesResource,
    pushSubscriptionsResource,
    notificationPreferencesResource,
    webhookConfigurationsResource,
    webhookDeliveriesResource,
  ],
  [auditHook],
)
