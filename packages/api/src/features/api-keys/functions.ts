/**
 * @module `POST /functions/v1/generate-api-key`, `revoke-api-key` and `roll-api-key` (spec Use Case 2): owners
 * and admins create an org API key (shown once), revoke one, and roll one as Stripe does (a new key now, the
 * old one working for an overlap). Each write and its audit entries go in one batch.
 */
import {
  GenerateApiKeyRequest,
  GenerateApiKeyResponse,
  RevokeApiKeyRequest,
  RevokeApiKeyResponse,
  ROLL_OVERLAP_HOURS,
  RollApiKeyRequest,
  RollApiKeyResponse,
} from '@connectgain/contracts'
import { apiKeys, type Db } from '@connectgain/db'
import { and, eq, isNull } from 'drizzle-orm'
import { ApiError } from '../../errors.ts'
import { orgRow } from '../../functions/org-row.ts'
import { defineFunction } from '../../functions/registry.ts'
import { auditStatement } from '../audit/audit-log.ts'
import { apiKeyRow, generateKey } from './api-keys.ts'

/** Columns the audit log must never hold. */
const SECRET = ['hash']

/** The caller's org's key `id`; another org's key, like a missing one, is 404 naming `id`. */
const orgKey = (db: Db, orgId: string, id: string) =>
  orgRow(db, apiKeys, orgId, id, { noun: 'API key', list: 'GET /rest/v1/api_keys' })

/** What generate and roll answer: the key itself (this once) and how the list will show it. */
const shownOnce = (key: string, row: Awaited<ReturnType<typeof apiKeyRow>>) => ({
  api_key: key,
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  last4: row.last4,
  scope: row.scope,
  rate_limit: row.rate_limit,
  created_at: row.created_at,
  expires_at: row.expires_at,
})

export const generateApiKeyFunction = defineFunction({
  name: 'generate-api-key',
  summary:
    'Create an org API key. The response holds the key itself (`api_key`): shown this once, never again; the list (`GET /rest/v1/api_keys`) shows its prefix and last four characters. Owners and admins only.',
  auth: 'member',
  permission: 'generate-api-key',
  changesData: true,
  input: GenerateApiKeyRequest,
  output: GenerateApiKeyResponse,
  status: 201,
  async handler(input, { deps, caller }) {
    const { db, clock } = deps
    const now = clock.now()
    const expiresAt = input.expires_at ? new Date(input.expires_at) : null
    if (expiresAt && expiresAt.getTime() <= now.getTime()) {
      throw new ApiError('22P02', 'Invalid expires_at: must be in the future', {
        details: [
          {
            field: 'expires_at',
            message: `Must be after the current time (${now.toISOString()})`,
            issue: 'custom',
            params: { id: 'future' },
          },
        ],
        hint: 'Leave expires_at out for a key that does not expire',
      })
    }
    const key = generateKey()
    const row = await apiKeyRow(key, {
      orgId: caller.orgId,
      name: input.name,
      description: input.description ?? null,
      scope: input.scope,
      rateLimit: input.rate_limit,
      createdBy: caller.kind === 'session' ? caller.userId : null,
      createdAt: now.toISOString(),
      expiresAt: expiresAt?.toISOString() ?? null,
    })
    await db.batch([
      db.insert(apiKeys).values(row),
      auditStatement(
        { db, caller, now: row.created_at },
        { action: 'insert', resource: 'api_keys', rowId: row.id, before: null, after: row, secret: SECRET },
      ),
    ])
    return shownOnce(key, row)
  },
})

export const revokeApiKeyFunction = defineFunction({
  name: 'revoke-api-key',
  summary:
    "Revoke an org API key by id: it is refused from its next request on; the row stays in the list with `revoked_at`. Revoking a revoked key changes nothing and answers 200 with the first `revoked_at` (idempotent). Another org's key id answers 404. Owners and admins only.",
  auth: 'member',
  permission: 'revoke-api-key',
  changesData: true,
  input: RevokeApiKeyRequest,
  output: RevokeApiKeyResponse,
  async handler(input, { deps, caller }) {
    const { db, clock } = deps
    const before = await orgKey(db, caller.orgId, input.id)
    if (before.revoked_at) return { id: before.id, name: before.name, revoked_at: before.revoked_at }
    const now = clock.now().toISOString()
    const after = { ...before, revoked_at: now }
    await db.batch([
      db
        .update(apiKeys)
        .set({ revoked_at: now })
        .where(and(eq(apiKeys.id, before.id), isNull(apiKeys.revoked_at))), // a concurrent revoke keeps the first time
      auditStatement(
        { db, caller, now },
        { action: 'update', resource: 'api_keys', rowId: before.id, before, after, secret: SECRET },
      ),
    ])
    return { id: before.id, name: before.name, revoked_at: now }
  },
})

export const rollApiKeyFunction = defineFunction({
  name: 'roll-api-key',
  summary: `Roll an org API key, as Stripe does: a new key with the same name, description, scope, rate limit and expiry is returned (shown this once), and the old key keeps working for \`expires_in_hours\` (${ROLL_OVERLAP_HOURS} by default; 0 stops it at once), or until its own expiry if that comes first. A revoked or expired key cannot be rolled (409). Owners and admins only.`,
  auth: 'member',
  permission: 'roll-api-key',
  changesData: true,
  input: RollApiKeyRequest,
  output: RollApiKeyResponse,
  status: 201,
  async handler(input, { deps, caller }) {
    const { db, clock } = deps
    const now = clock.now()
    const old = await orgKey(db, caller.orgId, input.id)
    const oldExpiry = old.expires_at ? Date.parse(old.expires_at) : Number.POSITIVE_INFINITY
    if (old.revoked_at || oldExpiry <= now.getTime()) {
      throw new ApiError(
        'CG409',
        `API key '${old.id}' is ${old.revoked_at ? 'revoked' : 'expired'}: it cannot be rolled`,
        {
          details: [{ field: 'id', message: old.revoked_at ? 'Revoked' : 'Expired' }],
          hint: 'Generate a new key instead (POST /functions/v1/generate-api-key)',
        },
      )
    }
    const overlap = (input.expires_in_hours ?? ROLL_OVERLAP_HOURS) * 3600_000
    const stopsAt = new Date(Math.min(oldExpiry, now.getTime() + overlap)).toISOString()
    const key = generateKey()
    const row = await apiKeyRow(key, {
      orgId: caller.orgId,
      name: old.name,
      description: old.description,
      scope: old.scope,
      rateLimit: old.rate_limit,
      createdBy: caller.kind === 'session' ? caller.userId : null,
      createdAt: now.toISOString(),
      expiresAt: old.expires_at,
    })
    const ctx = { db, caller, now: row.created_at }
    await db.batch([
      db.insert(apiKeys).values(row),
      db.update(apiKeys).set({ expires_at: stopsAt }).where(eq(apiKeys.id, old.id)),
      auditStatement(ctx, {
        action: 'insert',
        resource: 'api_keys',
        rowId: row.id,
        before: null,
        after: row,
        secret: SECRET,
      }),
      auditStatement(ctx, {
        action: 'update',
        resource: 'api_keys',
        rowId: old.id,
        before: old,
        after: { ...old, expires_at: stopsAt },
        secret: SECRET,
      }),
    ])
    return { ...shownOnce(key, row), previous: { id: old.id, expires_at: stopsAt } }
  },
})
