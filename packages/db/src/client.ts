/** @module libSQL client factory for `file:`, `:memory:`, `libsql://` and `http(s)://` URLs. */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { type Client, createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import type { Db } from './db.ts'
import * as schema from './schema/index.ts'
import { SqliteClient } from './sqlite-client.ts'

export interface DbHandle {
  db: Db
  close(): void
}

/** The path of a local database URL (`file:x.db`, `file:///abs/x.db`, `:memory:`), or null for a remote one. */
export function localPath(url: string): string | null {
  if (url === ':memory:' || url === 'file::memory:') return ':memory:'
  if (!url.startsWith('file:')) return null
  const path = url.slice('file:'.length)
  return path.startsWith('///') ? path.slice(2) : path
}

/**
 * Opens a database. Local files (and `:memory:`) get a `SqliteClient`, which keeps prepared statements,
 * with their folder, WAL (synchronous NORMAL), a busy timeout and foreign keys on; remote URLs get `@libsql/client`.
 */
export async function openDb(url: string, authToken?: string): Promise<DbHandle> {
  const path = localPath(url)
  let client: Client
  if (path === null) {
    client = createClient(authToken ? { url, authToken } : { url })
  } else {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
    client = new SqliteClient(path)
    await client.execute('PRAGMA foreign_keys = ON')
    await client.execute('PRAGMA busy_timeout = 5000')
    if (path !== ':memory:') {
      await client.execute('PRAGMA journal_mode = WAL')
      // WAL's usual pairing: a commit survives the process crashing (the queue's promise); only a power
      // cut can undo the last commits. FULL would fsync every commit, and the queue commits per job.
      await client.execute('PRAGMA synchronous = NORMAL')
    }
  }
  return { db: drizzle(client, { schema }), close: () => client.close() }
}
