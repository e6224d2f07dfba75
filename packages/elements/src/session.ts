/** @module The signed-in member, read from the session token's claims (for display only: the server decides). */
import { type RoleName, roles } from '@connectgain/contracts/role-tabs'

export interface Session {
  userId: string
  orgId: string
  role: RoleName
  /** Seconds since the epoch. */
  expiresAt: number
}

/** Claims of a session JWT, or null when it is not one. */
export function readSession(token: string | undefined): Session | null {
  const payload = token?.split('.')[1]
  if (!payload) return null
  try {
    const json = atob(
      payload
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(payload.length / 4) * 4, '='),
    )
    const claims = JSON.parse(json) as { sub?: unknown; org?: unknown; role?: unknown; exp?: unknown }
    if (typeof claims.sub !== 'string' || typeof claims.org !== 'string') return null
    if (!roles.includes(claims.role as RoleName)) return null
    return {
      userId: claims.sub,
      orgId: claims.org,
      role: claims.role as RoleName,
      expiresAt: Number(claims.exp),
    }
  } catch {
    return null
  }
}
