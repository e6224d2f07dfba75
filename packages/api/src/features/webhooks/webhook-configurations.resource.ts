/**
 * @module webhook_configurations: where an org's events are POSTed (spec Use Case 3). The URL passes the outbound
 * guard when saved; the signing secret is generated when omitted, encrypted at rest and never read over REST
 * (reveal-webhook-secret shows it to owners and admins).
 */
import {
  WebhookConfiguration,
  WebhookConfigurationInsert,
  WebhookConfigurationUpdate,
} from '@connectgain/contracts'
import { webhookConfigurations } from '@connectgain/db'
import { ApiError } from '../../errors.ts'
import { checkUrl } from '../../net/url-guard.ts'
import { defineResource } from '../../rest/registry.ts'
import { encryptSecret } from '../../secrets/encryption.ts'
import { generateWebhookSecret, secretContext } from './signature.ts'

export const webhookConfigurationsResource = defineResource({
  name: 'webhook_configurations',
  singular: 'webhook',
  description:
    "The organization's webhook endpoints: a URL (https, public, in production), the events it receives (`*` for all) and whether it is enabled. The signing secret is written (or generated) on POST and never returned: reveal it with `POST /functions/v1/reveal-webhook-secret`, rotate it with `POST /functions/v1/rotate-webhook-secret`.",
  table: webhookConfigurations,
  row: WebhookConfiguration,
  insert: WebhookConfigurationInsert,
  update: WebhookConfigurationUpdate,
  deletable: true,
  secret: ['secret', 'previous_secret'],
  idPrefix: 'whk',
  async beforeWrite(values, { op, config, caller }) {
    const stored = { ...values }
    if (typeof values.url === 'string') {
      const checked = checkUrl(values.url, config.CG_MODE)
      if (!checked.ok) {
        throw new ApiError('22P02', `Invalid url: ${checked.reason}`, {
          details: [
            { field: 'url', message: checked.reason, issue: 'custom', params: { id: checked.issue } },
          ],
          hint: config.CG_MODE === 'production' ? 'Webhook URLs must be public https:// URLs' : null,
        })
      }
      stored.url = checked.url.href
    }
    if (op === 'insert') {
      const secret = typeof values.secret === 'string' ? values.secret : generateWebhookSecret()
      stored.secret = await encryptSecret(config.ENCRYPTION_KEY, secret, secretContext(caller.orgId))
    }
    // Enabling again clears what disabled it.
    if (values.enabled === true) Object.assign(stored, { disabled_reason: null, failing_since: null })
    return stored
  },
  sample: (n) => ({ url: `https://hooks.example.com/${n}`, events: ['message.created'] }),
})
