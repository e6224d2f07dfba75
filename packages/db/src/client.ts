/** @module libSQL client factory for `file:`, `:memory:`, `libsql://` and `http(s)://` URLs. */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import type { Db } from './db.ts'
import * as schema from './schema/index.ts'

export interface DbHandle {
  db: Db
  close(): void
}

/** Opens a database. Local files get their folder, WAL, a busy timeout and foreign keys on. */
export async function openDb(url: string, authToken?: string): Promise<DbHandle> {
  if (url.startsWith('file:')) mkdirSync(dirname(url.slice('file:'.length)), { recursive: true })
  const client = createClient(authToken ? { url, authToken } : { url })
  const local = url === ':memory:' || url.startsWith('file:')
  if (local) {
    await client.execute('PRAGMA foreign_keys = ON')
    await client.execute('PRAGMA busy_timeout = 5000')
    if (url.startsWith('file:')) await client.execute('PRAGMA journal_mode = WAL')
  }
  return { db: drizzle(client, { schema }), close: () => client.close() }
}
