/**
 * @module Webhook functions (spec Use Case 3): the event catalog, and an endpoint's secret revealed or rotated
 * (the old secret keeps signing beside the new one for SECRET_ROTATION_HOURS). Owners and admins only.
 */
import {
  RedeliverWebhookRequest,
  RevealWebhookSecretResponse,
  RotateWebhookSecretResponse,
  SECRET_ROTATION_HOURS,
  WebhookDelivery,
  WebhookEventList,
  WebhookIdRequest,
  webhookEvents,
  webhookEventTypes,
} from '@connectgain/contracts'
import { newId, webhookConfigurations, webhookDeliveries, webhookMessages } from '@connectgain/db'
import { eq } from 'drizzle-orm'
import * as z from 'zod/mini'
import type { Deps } from '../../deps.ts'
import { ApiError } from '../../errors.ts'
import { orgRow } from '../../functions/org-row.ts'
import { defineFunction } from '../../functions/registry.ts'
import { decryptSecret, encryptSecret } from '../../secrets/encryption.ts'
import { auditStatement } from '../audit/audit-log.ts'
import { attemptDelivery, nextAttempt } from './deliver.ts'
import { generateWebhookSecret, secretContext } from './signature.ts'

const SECRET = ['secret', 'previous_secret']
const orgWebhook = (db: Parameters<typeof orgRow>[0], orgId: string, id: string) =>
  orgRow(db, webhookConfigurations, orgId, id, {
    noun: 'webhook',
    list: 'GET /rest/v1/webhook_configurations',
  })

export const webhookEventsFunction = defineFunction({
  name: 'webhook-events',
  summary:
    'The event catalog: every event type an endpoint can receive, what it means and an example of its `data`. Subscribe to `*` for all of them.',
  auth: 'member',
  permission: 'webhook-events',
  method: 'GET',
  input: z.object({}),
  output: WebhookEventList,
  async handler() {
    return webhookEventTypes.map((type) => ({
      type,
      description: webhookEvents[type].description,
      example: webhookEvents[type].example,
    }))
  },
})

export const revealWebhookSecretFunction = defineFunction({
  name: 'reveal-webhook-secret',
  summary:
    "Show an endpoint's signing secret, to configure the receiver's verification. Each reveal is written to the audit log. Owners and admins only; a `read_only` API key gets 403.",
  auth: 'member',
  permission: 'reveal-webhook-secret',
  disclosesSecret: true,
  input: WebhookIdRequest,
  output: RevealWebhookSecretResponse,
  async handler({ id }, { deps, caller }) {
    const { db, config, clock } = deps
    const row = await orgWebhook(db, caller.orgId, id)
    const secret = await decryptSecret(config.ENCRYPTION_KEY, row.secret, secretContext(caller.orgId))
    const now = clock.now().toISOString()
    await db.batch([
      auditStatement(
        { db, caller, now },
        {
          action: 'reveal',
          resource: 'webhook_configurations',
          rowId: id,
          before: null,
          after: null,
          secret: SECRET,
        },
      ),
    ])
    return { id, secret }
  },
})

export const rotateWebhookSecretFunction = defineFunction({
  name: 'rotate-webhook-secret',
  summary: `Give an endpoint a new signing secret (returned once here; reveal it later if needed). For ${SECRET_ROTATION_HOURS} hours deliveries carry two signatures, one per secret, so the receiver can switch without missing an event. Owners and admins only.`,
  auth: 'member',
  permission: 'rotate-webhook-secret',
  changesData: true,
  input: WebhookIdRequest,
  output: RotateWebhookSecretResponse,
  async handler({ id }, { deps, caller }) {
    const { db, config, clock } = deps
    const before = await orgWebhook(db, caller.orgId, id)
    const now = clock.now()
    const secret = generateWebhookSecret()
    const after = {
      ...before,
      secret: await encryptSecret(config.ENCRYPTION_KEY, secret, secretContext(caller.orgId)),
      previous_secret: before.secret,
      previous_secret_expires_at: new Date(now.getTime() + SECRET_ROTATION_HOURS * 3600_000).toISOString(),
      updated_at: now.toISOString(),
    }
    await db.batch([
      db.update(webhookConfigurations).set(after).where(eq(webhookConfigurations.id, id)),
      auditStatement(
        { db, caller, now: after.updated_at },
        { action: 'update', resource: 'webhook_configurations', rowId: id, before, after, secret: SECRET },
      ),
    ])
    return { id, secret, previous_secret_expires_at: after.previous_secret_expires_at }
  },
})

/** An attempt made inside a request, with the host's resolver when it has one. */
const deliveryContext = ({ db, clock, config, resolve }: Deps) => ({ db, clock, config, resolve })

export const testWebhookFunction = defineFunction({
  name: 'test-webhook',
  summary:
    'Send a `webhook.test` event to an endpoint now (enabled or not) and answer the attempt: status code, duration, the first 2 KB of the response and the error. The attempt is in the delivery log too. Owners and admins only.',
  auth: 'member',
  permission: 'test-webhook',
  changesData: true,
  input: WebhookIdRequest,
  output: WebhookDelivery,
  async handler({ id }, { deps, caller }) {
    const { db, clock } = deps
    const endpoint = await orgWebhook(db, caller.orgId, id)
    const now = clock.now().toISOString()
    const message = {
      id: newId('whm'),
      org_id: caller.orgId,
      event_type: 'webhook.test',
      data: { webhook_id: id, message: 'This is a test event from ConnectGain.' },
      created_at: now,
      dispatched_at: now, // sent here, never by the dispatcher
    }
    await db.insert(webhookMessages).values(message)
    return (await attemptDelivery(deliveryContext(deps), endpoint, message, 1)).delivery
  },
})

export const redeliverWebhookFunction = defineFunction({
  name: 'redeliver-webhook',
  summary:
    "Send a logged delivery's message to its endpoint again, now: the same `webhook-id` (receivers dedupe on it), a new timestamp and signature. Answers the new attempt. Owners and admins only.",
  auth: 'member',
  permission: 'redeliver-webhook',
  changesData: true,
  input: RedeliverWebhookRequest,
  output: WebhookDelivery,
  async handler({ delivery_id }, { deps, caller }) {
    const { db } = deps
    const logged = await orgRow(db, webhookDeliveries, caller.orgId, delivery_id, {
      noun: 'webhook delivery',
      list: 'GET /rest/v1/webhook_deliveries',
    })
    const endpoint = await orgWebhook(db, caller.orgId, logged.webhook_id)
    const [message] = await db.select().from(webhookMessages).where(eq(webhookMessages.id, logged.message_id))
    if (!message) {
      throw new ApiError('CG404', 'The message of this delivery is no longer kept', {
        details: [{ field: 'delivery_id', message: 'Its message was removed (kept 30 days)' }],
      })
    }
    const attempt = await nextAttempt(db, endpoint.id, message.id)
    return (await attemptDelivery(deliveryContext(deps), endpoint, message, attempt)).delivery
  },
})
