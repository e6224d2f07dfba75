/**
 * @module idempotency_keys: the first answer to a POST sent with an `Idempotency-Key`, kept 24 hours so a repeat
 * answers it again and creates nothing. The answer can hold a secret (a new API key), so it is stored encrypted.
 */
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, idColumn, orgColumn } from './columns.ts'

export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    id: idColumn(),
    org_id: orgColumn(),
    /** Who sent it: the member's user id (`usr_…`) or the API key's id (`key_…`). */
    credential: text('credential').notNull(),
    method: text('method').notNull(),
    /** The path without its query string (the query is part of the fingerprint). */
    path: text('path').notNull(),
    key: text('key').notNull(),
    /** SHA-256 (hex) of the query string, the Prefer header and the body: a repeat must send the same. */
    fingerprint: text('fingerprint').notNull(),
    /** The answer (status, headers, body) encrypted under ENCRYPTION_KEY; null while the first request runs. */
    response: text('response'),
    created_at: createdAt(),
  },
  (t) => [
    uniqueIndex('idempotency_keys_scope').on(t.org_id, t.credential, t.method, t.path, t.key),
    index('idempotency_keys_created').on(t.created_at),
  ],
)
