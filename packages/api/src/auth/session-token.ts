/** @module Session JWTs (HS256, 1 h): minting for the session routes, verifying for every request. */
import { type Role, roles, type SessionResponse } from '@connectgain/contracts'
import { sign } from 'hono/jwt'
import { decodeBase64Url } from 'hono/utils/encode'
import type { Caller } from '../caller.ts'
import type { Clock } from '../clock.ts'
import { type Hashing, webCryptoHashing } from './hashing.ts'

export const SESSION_TTL_SECONDS = 3600

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

export type SessionCheck = { ok: true; caller: SessionCaller } | { ok: false; reason: string }
type SessionCaller = Extract<Caller, { kind: 'session' }>

const utf8 = new TextEncoder()
const text = new TextDecoder()
const knownRoles: ReadonlySet<string> = new Set(roles)

function decodeJson(part: string): unknown {
  return JSON.parse(text.decode(decodeBase64Url(part)))
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0

/** The claims a session needs, checked by hand: a schema parse per request cost more than the check. */
function sessionCaller(claims: unknown): { caller: SessionCaller; exp: number } | null {
  if (!isObject(claims)) return null
  const { sub, org, role, exp } = claims
  if (!nonEmpty(sub) || !nonEmpty(org) || typeof role !== 'string' || !knownRoles.has(role)) return null
  if (typeof exp !== 'number' || Number.isNaN(exp)) return null
  return { caller: { kind: 'session', userId: sub, orgId: org, role: role as Role }, exp }
}

/**
 * Verifies an HS256 session token: its header, its signature with the secret's cached key, its claims, and
 * its expiry against the injected clock. Failures are values with a user-readable reason.
 */
export async function verifySession(
  token: string,
  secret: string,
  clock: Clock,
  hashing: Hashing = webCryptoHashing,
): Promise<SessionCheck> {
  const malformed = { ok: false, reason: 'JWT is malformed' } as const
  const parts = token.split('.')
  const [header = '', payload = '', signature = ''] = parts
  if (parts.length !== 3 || !/^[A-Za-z0-9_-]*={0,2}$/.test(signature)) return malformed
  let head: unknown
  let claims: unknown
  let signatureBytes: Uint8Array
  try {
    head = decodeJson(header)
    claims = decodeJson(payload)
    signatureBytes = decodeBase64Url(signature)
  } catch {
    return malformed
  }
  if (!isObject(head) || head.alg !== 'HS256' || 'crit' in head || (head.typ ?? 'JWT') !== 'JWT')
    return malformed
  const signed = utf8.encode(`${header}.${payload}`)
  if (!(await hashing.verifyHmacSha256(secret, signed, signatureBytes))) {
    return { ok: false, reason: 'JWT signature does not match' }
  }
  const session = sessionCaller(claims)
  if (!session) return { ok: false, reason: 'JWT claims are missing or invalid (need sub, org, role, exp)' }
  if (session.exp <= clock.now().getTime() / 1000) return { ok: false, reason: 'JWT expired' }
  return { ok: true, caller: session.caller }
}
