/** @module Authentication: reads a session JWT or an `ak_` API key (rate-limited, its use counted) and sets the caller (or null). */
import type { Context, MiddlewareHandler } from 'hono'
import { API_KEY_PREFIX, authenticateApiKey, isAcceptedKeyFormat } from '../auth/api-keys.ts'
import type { KeyUsage } from '../auth/key-usage.ts'
import { type RateLimiter, rateLimitHeaders } from '../auth/rate-limit.ts'
import { verifySession } from '../auth/session-token.ts'
import { inBackground } from '../background.ts'
import type { Caller } from '../caller.ts'
import { ApiError } from '../errors.ts'
import type { AppEnv } from '../types.ts'
import { requestHeader } from './headers.ts'

const realm = 'Bearer realm="connectgain"'

function unauthorized(message: string, hint: string | null = null, invalid = true): ApiError {
  const quoted = message.replaceAll('"', "'")
  return new ApiError('PGRST301', message, {
    hint,
    headers: {
      'WWW-Authenticate': invalid ? `${realm}, error="invalid_token", error_description="${quoted}"` : realm,
    },
  })
}

/** The credential from `Authorization: Bearer …` or `apikey: …`; a malformed header is an error, not "anonymous". */
function readCredential(c: Context): string | null {
  const authorization = requestHeader(c, 'authorization')
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
    if (!match?.[1]) {
      throw unauthorized(
        'Authorization header is malformed',
        'Send "Authorization: Bearer <session token or ak_ key>"',
      )
    }
    return match[1]
  }
  const apikey = requestHeader(c, 'apikey')?.trim()
  return apikey ? apikey : null
}

/** Where API key requests are counted (usage) and limited (rate). */
export interface KeyServices {
  usage: KeyUsage
  limiter: RateLimiter
}

/** Reads the credential and sets the caller; an API key is also rate-limited and its use counted. */
export function authenticate({ usage, limiter }: KeyServices): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const credential = readCredential(c)
    const { db, clock, config, hashing } = c.get('deps')
    let caller: Caller | null = null
    if (credential?.startsWith(API_KEY_PREFIX)) {
      // The checksum catches a typo or a truncated copy without a database read.
      if (!isAcceptedKeyFormat(credential)) {
        throw unauthorized(
          'invalid API key format',
          'An API key is ak_ followed by 38 letters and digits; copy it whole, without spaces or quotes',
        )
      }
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
      caller = { kind: 'api_key', keyId: key.keyId, orgId: key.orgId, role: 'admin', scope: key.scope }
    } else if (credential) {
      const session = await verifySession(credential, config.SESSION_SECRET, clock, hashing)
      if (!session.ok) throw unauthorized(session.reason, 'Get a fresh session token from your backend')
      caller = session.caller
    }
    c.set('caller', caller)
    await next()
  }
}

/** The caller, or 401 when the request carried no credentials. */
export function requireCaller(c: Context<AppEnv>): Caller {
  const caller = c.get('caller')
  if (!caller) {
    throw unauthorized(
      'Missing credentials',
      'Send "Authorization: Bearer <session token>" or "apikey: ak_…"',
      false,
    )
  }
  return caller
}
