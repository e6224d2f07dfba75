/** @module API keys: generation, hashing and the one lookup by hash every key-authenticated request uses. */
import { apiKeys, type Db, newId } from '@connectgain/db'
import { eq, sql } from 'drizzle-orm'
import type { Clock } from '../deps.ts'
import { type Hashing, webCryptoHashing } from './hashing.ts'

export const API_KEY_PREFIX = 'ak_'
const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** The stored form of a key: the SHA-256 of its text, in hex. */
export async function sha256Hex(text: string): Promise<string> {
  return webCryptoHashing.sha256Hex(text)
}

/** A new key: `ak_` + 32 base62 characters (≈190 bits). */
export function generateApiKey(): string {
  let body = ''
  while (body.length < 32) {
    for (const b of crypto.getRandomValues(new Uint8Array(40))) {
      if (b < 248 && body.length < 32) body += base62[b % 62] // 248 = 4 × 62: reject to avoid bias
    }
  }
  return `${API_KEY_PREFIX}${body}`
}

export interface StoreKeyInput {
  orgId: string
  name: string
  createdBy?: string | null
  expiresAt?: string | null
}

/** Stores `key` (its hash and display prefix, never the key) for `orgId`. */
export async function storeApiKey(db: Db, clock: Clock, key: string, input: StoreKeyInput): Promise<string> {
  const id = newId('key')
  await db.insert(apiKeys).values({
    id,
    org_id: input.orgId,
    name: input.name,
    prefix: key.slice(0, 7),
    hash: await sha256Hex(key),
    created_by: input.createdBy ?? null,
    created_at: clock.now().toISOString(),
    expires_at: input.expiresAt ?? null,
  })
  return id
}

/** Creates a key for `orgId` and returns its plaintext: the only time it is ever visible. */
export async function createApiKey(
  db: Db,
  clock: Clock,
  input: StoreKeyInput,
): Promise<{ id: string; key: string }> {
  const key = generateApiKey()
  return { id: await storeApiKey(db, clock, key, input), key }
}

export type KeyCheck =
  | { ok: true; keyId: string; orgId: string }
  | { ok: false; reason: 'unknown' | 'revoked' | 'expired'; message: string }

/** The statements every key-authenticated request runs, with placeholders for what changes per request. */
function buildKeyStatements(db: Db) {
  return {
    find: db
      .select({
        id: apiKeys.id,
        org_id: apiKeys.org_id,
        revoked_at: apiKeys.revoked_at,
        expires_at: apiKeys.expires_at,
      })
      .from(apiKeys)
      .where(eq(apiKeys.hash, sql.placeholder('hash')))
      .prepare(),
    use: db
      .update(apiKeys)
      .set({ last_used_at: sql`${sql.placeholder('now')}`, usage_count: sql`${apiKeys.usage_count} + 1` })
      .where(eq(apiKeys.id, sql.placeholder('id')))
      .prepare(),
  }
}

/** Built once per database (drizzle's `prepare`): building a query cost more than running it. */
const keyStatements = new WeakMap<Db, ReturnType<typeof buildKeyStatements>>()

/** Finds a key by the SHA-256 of its text, rejects revoked and expired keys, and records the use. */
export async function authenticateApiKey(
  db: Db,
  clock: Clock,
  key: string,
  hashing: Hashing = webCryptoHashing,
): Promise<KeyCheck> {
  let statements = keyStatements.get(db)
  if (!statements) {
    statements = buildKeyStatements(db)
    keyStatements.set(db, statements)
  }
  const [row] = await statements.find.all({ hash: await hashing.sha256Hex(key) })
  const now = clock.now().toISOString()
  if (!row)
    return { ok: false, reason: 'unknown', message: 'API key not found: check that it was copied whole' }
  if (row.revoked_at)
    return { ok: false, reason: 'revoked', message: `API key was revoked at ${row.revoked_at}` }
  if (row.expires_at && row.expires_at <= now) {
    return { ok: false, reason: 'expired', message: `API key expired at ${row.expires_at}` }
  }
  await statements.use.run({ now, id: row.id })
  return { ok: true, keyId: row.id, orgId: row.org_id }
}
