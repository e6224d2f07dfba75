/**
 * @module Webhook functions (spec Use Case 3): the event catalog, and an endpoint's secret revealed or rotated
 * (the old secret keeps signing beside the new one for SECRET_ROTATION_HOURS). Owners and admins only.
 */
import {
  RevealWebhookSecretResponse,
  RotateWebhookSecretResponse,
  SECRET_ROTATION_HOURS,
  WebhookEventList,
  WebhookIdRequest,
  webhookEvents,
  webhookEventTypes,
} from '@connectgain/contracts'
import { webhookConfigurations } from '@connectgain/db'
import { eq } from 'drizzle-orm'
import * as z from 'zod/mini'
import { auditStatement } from '../audit/audit-log.ts'
import { secretContext } from '../resources/webhook-configurations.ts'
import { decryptSecret, encryptSecret } from '../secrets/encryption.ts'
import { generateWebhookSecret } from '../webhooks/signature.ts'
import { orgRow } from './org-row.ts'
import { defineFunction } from './registry.ts'

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
    "Show an endpoint's signing secret, to configure the receiver's verification. Each reveal is written to the audit log. Owners and admins only.",
  auth: 'member',
  permission: 'reveal-webhook-secret',
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
