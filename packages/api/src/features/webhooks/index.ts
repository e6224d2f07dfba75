/** @module Webhooks (spec Use Case 3): endpoints, the event outbox, signed deliveries with retries, and their log. */
import type { Feature } from '../../feature.ts'
import { webhooksConfig } from './config.ts'
import { deliverJob } from './deliver.ts'
import { DELIVER_JOB, dispatchOutbox } from './dispatch.ts'
import {
  redeliverWebhookFunction,
  revealWebhookSecretFunction,
  rotateWebhookSecretFunction,
  testWebhookFunction,
  webhookEventsFunction,
} from './functions.ts'
import { pruneWebhookLog } from './retention.ts'
import { webhookConfigurationsResource } from './webhook-configurations.resource.ts'
import { webhookDeliveriesResource } from './webhook-deliveries.resource.ts'

export const webhooksFeature: Feature = {
  name: 'webhooks',
  resources: [webhookConfigurationsResource, webhookDeliveriesResource],
  functions: [
    webhookEventsFunction,
    revealWebhookSecretFunction,
    rotateWebhookSecretFunction,
    testWebhookFunction,
    redeliverWebhookFunction,
  ],
  jobs: { [DELIVER_JOB]: deliverJob },
  outboxes: [dispatchOutbox],
  config: webhooksConfig,
  housekeeping: [pruneWebhookLog],
}
