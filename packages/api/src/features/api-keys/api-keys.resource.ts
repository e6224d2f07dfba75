/** @module api_keys: the org's API keys, read-only (created and revoked by functions); owners and admins read them. */
import { ApiKey, type ApiKeyStatus, EXPIRING_WITHIN_DAYS } from '@connectgain/contracts'
import { apiKeys } from '@connectgain/db'
import { defineResource, type Row } from '../../rest/registry.ts'

const DAY_MS = 24 * 3600 * 1000

/** A key's status at `now`: revoked wins, then expired, then expiring within EXPIRING_WITHIN_DAYS. */
export function keyStatus(row: Row, now: Date): ApiKeyStatus {
  if (row.revoked_at) return 'revoked'
  if (typeof row.expires_at !== 'string') return 'active'
  const left = Date.parse(row.expires_at) - now.getTime()
  if (left <= 0) return 'expired'
  return left <= EXPIRING_WITHIN_DAYS * DAY_MS ? 'expiring' : 'active'
}

export const apiKeysResource = defineResource({
  name: 'api_keys',
  singular: 'API key',
  description:
    "The organization's API keys: name, prefix and last four characters, scope, usage and a derived `status` (`active`, `expiring` within 7 days, `expired`, `revoked`). Never the key nor its hash. Created with `POST /functions/v1/generate-api-key`, revoked with `POST /functions/v1/revoke-api-key`; not written over REST.",
  table: apiKeys,
  row: ApiKey,
  secret: ['hash'],
  idPrefix: 'key',
  afterRead: (row, { now }) => ({ ...row, status: keyStatus(row, now) }),
})
