/** @module Who is calling: a signed-in member (session JWT) or an org API key. */
import type { Role } from '@connectgain/contracts'

export type Caller =
  | { kind: 'session'; userId: string; orgId: string; role: Role }
  /**
   * An API key acts for its org with the admin role's permissions; a `read_only` key may only read (no REST
   * writes, no function that changes data).
   */
  | { kind: 'api_key'; keyId: string; orgId: string; role: 'admin'; scope: 'full' | 'read_only' }
