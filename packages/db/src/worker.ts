/** @module Database for the Worker host: Turso/libSQL over HTTP when LIBSQL_URL is set, else the D1 binding. */
import { drizzle as drizzleD1 } from 'drizzle-orm/d1'
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql/web'
import type { Db } from './db.ts'
import * as schema from './schema/index.ts'

export interface WorkerDbEnv {
  DB?: Parameters<typeof drizzleD1>[0]
  LIBSQL_URL?: string
  LIBSQL_AUTH_TOKEN?: string
}

/**
 * Both drivers speak the same SQLite dialect through one Drizzle schema, and both have an atomic
 * `db.batch`: the app codes against `Db` and never learns which one it got.
 */
export function openWorkerDb(env: WorkerDbEnv): Db {
  if (env.LIBSQL_URL) {
    return drizzleLibsql({ connection: { url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN }, schema })
  }
  if (!env.DB) throw new Error('Set the D1 binding DB, or LIBSQL_URL and LIBSQL_AUTH_TOKEN')
  return drizzleD1(env.DB, { schema }) as unknown as Db
}
