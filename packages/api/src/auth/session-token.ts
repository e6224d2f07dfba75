/** @module Session JWTs (HS256, 1 h): minting for the session routes, verifying for every request. */
import { Role, type SessionResponse } from '@connectgain/contracts'
import { sign, verify } from 'hono/jwt'
import { JwtTokenExpired, JwtTokenSignatureMismatched } from 'hono/utils/jwt/types'
import { z } from 'zod'
import type { Caller } from '../caller.ts'
import type { Clock } from '../deps.ts'

export const SESSION_TTL_SECONDS = 3600

const Claims = z.object({ sub: z.string().min(1), org: z.string().min(1), role: Role, exp: z.number() })

export async function mintSession(
  secret: string,
  clock: Clock,
  member: { userId: string; orgId: string; role: Role },
): Promise<SessionResponse> {
  const iat = Math.floor(clock.now().getTime() / 1000)
  const exp = iat + SESSION_TTL_SECONDS
  const claims = { sub: member.userId, org: member.orgId, role: member.role, iat, exp }
  return {
    access_token: await sign(claims, secret, 'HS256'),
    token_type: 'bearer',
    expires_at: new Date(exp * 1000).toISOString(),
    user_id: member.userId,
    org_id: member.orgId,
    role: member.role,
  }
}

export type SessionCheck = { ok: true; caller: Caller } | { ok: false; reason: string }

/** Verifies signature and expiry against the injected clock; failures are values with a user-readable reason. */
export async function verifySession(token: string, secret: string, clock: Clock): Promise<SessionCheck> {
  let payload: unknown
  try {
    // Time claims are checked below against the injected clock, not the wall clock.
    payload = await verify(token, secret, { alg: 'HS256', exp: false, nbf: false, iat: false })
  } catch (err) {
    if (err instanceof JwtTokenSignatureMismatched)
      return { ok: false, reason: 'JWT signature does not match' }
    if (err instanceof JwtTokenExpired) return { ok: false, reason: 'JWT expired' }
    return { ok: false, reason: 'JWT is malformed' }
  }
  const claims = Claims.safeParse(payload)
  if (!claims.success)
    return { ok: false, reason: 'JWT claims are missing or invalid (need sub, org, role, exp)' }
  if (claims.data.exp <= clock.now().getTime() / 1000) return { ok: false, reason: 'JWT expired' }
  return {
    ok: true,
    caller: { kind: 'session', userId: claims.data.sub, orgId: claims.data.org, role: claims.data.role },
  }
}
