/** @module Applies the checked-in drizzle-kit SQL migrations (Node only: reads them from disk). */
import { fileURLToPath } from 'node:url'
import { migrate } from 'drizzle-orm/libsql/migrator'
import type { Db } from './db.ts'

export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url))

export async function migrateDb(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder })
}
