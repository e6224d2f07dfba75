/** @module webhook_deliveries: one row per delivery attempt (kept 30 days), read-only; the Webhooks tab's log. */
import { WebhookDelivery } from '@connectgain/contracts'
import { webhookDeliveries } from '@connectgain/db'
import { defineResource } from '../../rest/registry.ts'

export const webhookDeliveriesResource = defineResource({
  name: 'webhook_deliveries',
  singular: 'webhook delivery',
  description:
    'Every delivery attempt of every webhook: the endpoint, the message (`message_id` is the `webhook-id` header, the same on each retry), the event type, the attempt number, the status code (null when no answer came), how long it took, the first 2 KB of the response body and the error. Kept 30 days. Filter by `webhook_id`, `event_type` or `status_code`; redeliver with `POST /functions/v1/redeliver-webhook`.',
  table: webhookDeliveries,
  row: WebhookDelivery,
  idPrefix: 'whd',
})
