/** @module API keys (spec Use Case 2): the keys, their daily usage, generate/revoke/roll, and the `ak_` credential scheme. */
import type { Feature } from '../../feature.ts'
import { apiKeyUsageResource } from './api-key-usage.resource.ts'
import { apiKeysResource } from './api-keys.resource.ts'
import { apiKeysConfig } from './config.ts'
import { generateApiKeyFunction, revokeApiKeyFunction, rollApiKeyFunction } from './functions.ts'

export { apiKeyCredentials } from './credentials.ts'
export { KeyUsage } from './key-usage.ts'
export { WindowRateLimiter } from './rate-limit.ts'

export const apiKeysFeature: Feature = {
  name: 'api-keys',
  resources: [apiKeysResource, apiKeyUsageResource],
  functions: [generateApiKeyFunction, revokeApiKeyFunction, rollApiKeyFunction],
  config: apiKeysConfig,
}
