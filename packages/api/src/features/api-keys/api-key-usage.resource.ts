/** @module api_key_usage: requests per key per UTC day for the last 30 days, read-only; the API Keys tab's sparklines. */
import { ApiKeyUsage, USAGE_DAYS } from '@connectgain/contracts'
import { apiKeyUsage } from '@connectgain/db'
import { defineResource } from '../../rest/registry.ts'

export const apiKeyUsageResource = defineResource({
  name: 'api_key_usage',
  singular: 'API key usage day',
  description: `Requests made with each of the organization's API keys, one row per key per UTC day (\`YYYY-MM-DD\`), for the last ${USAGE_DAYS} days. Counted by the server as keys are used and written at most once a minute per key, so today's count may trail by a minute. Read-only. Filter with \`key_id=eq.…\` and \`day=gte.…\`.`,
  table: apiKeyUsage,
  row: ApiKeyUsage,
  idPrefix: 'use',
})
