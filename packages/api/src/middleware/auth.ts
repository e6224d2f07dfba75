/**
 * @module Authentication: reads the credential, a session JWT or one a feature's scheme claims (an `ak_` API
 * key), and sets the caller (or null).
 */
import type { Context, MiddlewareHandler } from 'hono'
import { currentRole, recordActivity } from '../auth/membership.ts'
import { verifySession } from '../auth/session-token.ts'
import { inBackground } from '../background.ts'
import type { Caller } from '../caller.ts'
import { ApiError } from '../errors.ts'
import type { AppEnv } from '../types.ts'
import { requestHeader } from './headers.ts'

const realm = 'Bearer realm="connectgain"'

export function unauthorized(message: string, hint: string | null = null, invalid = true): ApiError {
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

/** A kind of credential a feature brings (API keys): it claims its credentials and answers their caller. */
export interface CredentialScheme {
  /** Whether `credential` is this scheme's (by its prefix, say): a claimed credential is never read as a session. */
  claims(credential: string): boolean
  /** The caller it stands for; throws 401 (or 429) when it stands for none. */
  authenticate(credential: string, c: Context<AppEnv>): Promise<Caller>
}

/** Reads the credential and sets the caller: the scheme that claims it decides, else it must be a session JWT. */
export function authenticate(schemes: readonly CredentialScheme[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const credential = readCredential(c)
    let caller: Caller | null = null
    if (credential) {
      const scheme = schemes.find((s) => s.claims(credential))
      if (scheme) caller = await scheme.authenticate(credential, c)
      else {
        const { db, config, clock, hashing } = c.get('deps')
        const session = await verifySession(credential, config.SESSION_SECRET, clock, hashing)
        if (!session.ok) throw unauthorized(session.reason, 'Get a fresh session token from your backend')
        const { userId, orgId } = session.caller
        // The membership as it is now, not as the token says: a demotion or a removal counts from this request.
        const role = await currentRole(db, userId, orgId)
        if (!role) {
          throw unauthorized(
            'no longer a member of this organization',
            'Ask an owner or admin of the organization to invite you again',
          )
        }
        caller = { kind: 'session', userId, orgId, role }
        const activity = recordActivity(db, orgId, userId, clock.now())
        if (activity) inBackground(c, activity)
      }
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
