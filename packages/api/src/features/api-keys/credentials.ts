/** @module The `ak_` credential scheme: an API key is checked, rate-limited and its use counted. */
import type { Context } from 'hono'
import { inBackground } from '../../background.ts'
import type { Caller } from '../../caller.ts'
import { ApiError } from '../../errors.ts'
import { type CredentialScheme, unauthorized } from '../../middleware/auth.ts'
import type { AppEnv } from '../../types.ts'
import { API_KEY_PREFIX, authenticateApiKey, isAcceptedKeyFormat } from './api-keys.ts'
import type { KeyUsage } from './key-usage.ts'
import { type RateLimiter, rateLimitHeaders } from './rate-limit.ts'

/** Where API key requests are counted (usage) and limited (rate). */
export interface KeyServices {
  usage: KeyUsage
  limiter: RateLimiter
}

export function apiKeyCredentials({ usage, limiter }: KeyServices): CredentialScheme {
  return {
    claims: (credential) => credential.startsWith(API_KEY_PREFIX),
    async authenticate(credential: string, c: Context<AppEnv>): Promise<Caller> {
      // The checksum catches a typo or a truncated copy without a database read.
      if (!isAcceptedKeyFormat(credential)) {
        throw unauthorized(
          'invalid API key format',
          'An API key is ak_ followed by 38 letters and digits; copy it whole, without spaces or quotes',
        )
      }
      const { db, clock, hashing } = c.get('deps')
      const key = await authenticateApiKey(db, clock, credential, hashing)
      if (!key.ok) throw unauthorized(key.message, 'Create a new key under Settings → API Keys')
      const now = clock.now()
      const decision = limiter.take(key.keyId, key.rateLimit, now.getTime())
      const headers = rateLimitHeaders(decision)
      if (!decision.allowed) {
        throw new ApiError(
          'CG429',
          `Rate limit exceeded: this key may make ${key.rateLimit} requests a minute`,
          {
            headers,
            hint: `Retry after ${decision.reset} seconds, or use a key generated with a higher rate_limit`,
          },
        )
      }
      for (const name in headers) c.header(name, headers[name])
      const write = usage.record(key.keyId, key.orgId, now)
      if (write) inBackground(c, write)
      return { kind: 'api_key', keyId: key.keyId, orgId: key.orgId, role: 'admin', scope: key.scope }
    },
  }
}
