/**
 * @module Webhook secrets and Standard Webhooks signatures: generating a secret, checking one a user entered,
 * and the `webhook-id` / `webhook-timestamp` / `webhook-signature` headers of one message.
 *
 * Two kinds of secret (DESIGN.md, fixed interface), told apart by the prefix:
 * - `whsec_<base64>`: the key is the decoded bytes (24–64 of them). We generate these. A receiver verifies
 *   with `new Webhook(secret)`.
 * - anything else a user pastes (printable ASCII, 16–128 characters): the key is the characters as bytes. A
 *   receiver verifies with `new Webhook(secret, { format: 'raw' })`.
 *
 * Signing goes through the `standardwebhooks` package itself, so what we send is by construction what its
 * `verify` accepts. It strips `whsec_` and base64-decodes the rest, or takes each character's code as a byte
 * with `format: 'raw'`; that is why a user secret is limited to ASCII. Web-standard only (Node and workerd).
 */
import { checkWebhookSecret, secretPrefix } from '@connectgain/contracts'
import { Webhook } from 'standardwebhooks'

export { checkWebhookSecret, isValidUserSecret, secretLimits, secretPrefix } from '@connectgain/contracts'

/** A new secret: `whsec_` and the base64 of 32 random bytes (256 bits, the middle of the accepted range). */
export function generateWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return `${secretPrefix}${btoa(String.fromCharCode(...bytes))}`
}

export interface SignatureInput {
  /** The message id, the same on every retry: receivers dedupe on it. */
  id: string
  timestamp: Date
  /** The exact bytes that are sent, as a string. */
  body: string
  /** Every secret that is valid now; during a rotation the old and the new one both sign. */
  secrets: readonly string[]
}

export interface SignatureHeaders {
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}

/**
 * The Standard Webhooks headers for one message: one `v1,<base64>` per secret, space-separated, so a receiver
 * holding either secret accepts it. Throws on an invalid secret or none, which is a bug: secrets are checked
 * when they are saved. The error names the secret by position only.
 */
export function signatureHeaders({ id, timestamp, body, secrets }: SignatureInput): SignatureHeaders {
  if (secrets.length === 0) throw new Error('signatureHeaders: no secret to sign with')
  const signatures = secrets.map((secret, index) => {
    const check = checkWebhookSecret(secret)
    if (!check.ok) throw new Error(`signatureHeaders: secret ${index + 1} is invalid (${check.issue})`)
    const webhook = check.kind === 'whsec' ? new Webhook(secret) : new Webhook(secret, { format: 'raw' })
    return webhook.sign(id, timestamp, body)
  })
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  }
}

/** What an endpoint's secrets are encrypted for: a secret copied to another org's row does not open. */
export const secretContext = (orgId: string) => `webhook_configurations.secret:${orgId}`
