/** @module API keys: generation (format in key-format.ts), hashing and the one lookup by hash every key-authenticated request uses. */
import { DEFAULT_KEY_RATE_LIMIT } from '@connectgain/contracts'
import { apiKeys, type Db, newId } from '@connectgain/db'
import { eq, sql } from 'drizzle-orm'
import { type Hashing, webCryptoHashing } from '../../auth/hashing.ts'
import type { Clock } from '../../clock.ts'
import { generateKey, isWellFormedKey, keyDisplay } from './key-format.ts'

export { generateKey, isWellFormedKey, KEY_PREFIX as API_KEY_PREFIX, keyDisplay } from './key-format.ts'

/** What a key may do: `full` acts with the admin role's permissions; `read_only` may only read. */
export type KeyScope = 'full' | 'read_only'

/**
 * The previous format, `ak_` + 32 base62 characters without a checksum. Transitional: keys made before the
 * checksummed format (demo keys in existing DATA_DIRs, bootstrap keys) are still looked up; new keys never
 * take this form. Remove once no deployment holds one.
 */
const LEGACY_KEY = /^ak_[0-9A-Za-z]{32}$/
export const isLegacyKey = (key: string): boolean => LEGACY_KEY.test(key)

/** Whether `key` may be looked up at all: the checksummed format, or (transitional) the legacy one. */
export const isAcceptedKeyFormat = (key: string): boolean => isWellFormedKey(key) || isLegacyKey(key)

/** The stored form of a key: the SHA-256 of its text, in hex. */
export async function sha256Hex(text: string): Promise<string> {
  return webCryptoHashing.sha256Hex(text)
}

export interface StoreKeyInput {
  orgId: string
  name: string
  description?: string | null
  scope?: KeyScope
  createdBy?: string | null
  expiresAt?: string | null
  /** Requests a minute; DEFAULT_KEY_RATE_LIMIT when absent. */
  rateLimit?: number
}

/** The `api_keys` row for `key`: its hash, prefix and last four, never the key. */
export async function apiKeyRow(key: string, input: StoreKeyInput & { id?: string; createdAt: string }) {
  const { prefix, last4 } = keyDisplay(key)
  return {
    id: input.id ?? newId('key'),
    org_id: input.orgId,
    name: input.name,
    description: input.description ?? null,
    prefix,
    last4,
    scope: input.scope ?? 'full',
    hash: await sha256Hex(key),
    created_by: input.createdBy ?? null,
    created_at: input.createdAt,
    expires_at: input.expiresAt ?? null,
    rate_limit: input.rateLimit ?? DEFAULT_KEY_RATE_LIMIT,
  } satisfies typeof apiKeys.$inferInsert
}

/** Stores `key` (its hash and display prefix and last four, never the key) for `orgId`. */
export async function storeApiKey(db: Db, clock: Clock, key: string, input: StoreKeyInput): Promise<string> {
  const row = await apiKeyRow(key, { ...input, createdAt: clock.now().toISOString() })
  await db.insert(apiKeys).values(row)
  return row.id
}

/** Creates a key for `orgId` and returns its plaintext: the only time it is ever visible. */
export async function createApiKey(
  db: Db,
  clock: Clock,
  input: StoreKeyInput,
): Promise<{ id: string; key: string }> {
  const key = generateKey()
  return { id: await storeApiKey(db, clock, key, input), key }
}

export type KeyCheck =
  | { ok: true; keyId: string; orgId: string; scope: KeyScope; rateLimit: number }
  | { ok: false; reason: 'unknown' | 'revoked' | 'expired'; message: string }

/** The one read every key-authenticated request runs (usage is counted in memory: key-usage.ts). */
const buildFindKey = (db: Db) =>
  db
    .select({
      id: apiKeys.id,
      org_id: apiKeys.org_id,
      scope: apiKeys.scope,
      rate_limit: apiKeys.rate_limit,
      revoked_at: apiKeys.revoked_at,
      expires_at: apiKeys.expires_at,
    })
    .from(apiKeys)
    .where(eq(apiKeys.hash, sql.placeholder('hash')))
    .prepare()

/** Built once per database (drizzle's `prepare`): building a query cost more than running it. */
const findKeyStatements = new WeakMap<Db, ReturnType<typeof buildFindKey>>()

/**
 * Finds a key by the SHA-256 of its text and rejects revoked and expired keys: one read, and no cache, so a
 * revoke takes effect on the next request.
 */
export async function authenticateApiKey(
  db: Db,
  clock: Clock,
  key: string,
  hashing: Hashing = webCryptoHashing,
): Promise<KeyCheck> {
  let find = findKeyStatements.get(db)
  if (!find) {
    find = buildFindKey(db)
    findKeyStatements.set(db, find)
  }
  const [row] = await find.all({ hash: await hashing.sha256Hex(key) })
  const now = clock.now().toISOString()
  if (!row)
    return { ok: false, reason: 'unknown', message: 'API key not found: check that it was copied whole' }
  if (row.revoked_at)
    return { ok: false, reason: 'revoked', message: `API key was revoked at ${row.revoked_at}` }
  if (row.expires_at && row.expires_at <= now) {
    return { ok: false, reason: 'expired', message: `API key expired at ${row.expires_at}` }
  }
  return { ok: true, keyId: row.id, orgId: row.org_id, scope: row.scope, rateLimit: row.rate_limit }
}
