/**
 * @module `POST /functions/v1/generate-api-key` and `revoke-api-key` (spec Use Case 2): owners and admins
 * create an org API key (shown once) and revoke one. Each write and its audit entry go in one batch.
 */
import {
  GenerateApiKeyRequest,
  GenerateApiKeyResponse,
  RevokeApiKeyRequest,
  RevokeApiKeyResponse,
} from '@connectgain/contracts'
import { apiKeys } from '@connectgain/db'
import { and, eq, isNull } from 'drizzle-orm'
import { auditStatement } from '../audit/audit-log.ts'
import { apiKeyRow, generateKey } from '../auth/api-keys.ts'
import { ApiError } from '../errors.ts'
import { defineFunction } from './registry.ts'

/** Columns the audit log must never hold. */
const SECRET = ['hash']

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
    return {
      api_key: key,
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      last4: row.last4,
      scope: row.scope,
      created_at: row.created_at,
      expires_at: row.expires_at,
    }
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
    const [before] = await db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.id, input.id), eq(apiKeys.org_id, caller.orgId)))
    if (!before) {
      throw new ApiError('CG404', `No API key with id '${input.id}' in this organization`, {
        details: [{ field: 'id', message: 'Not an API key of this organization' }],
        hint: 'List the keys with GET /rest/v1/api_keys',
      })
    }
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
