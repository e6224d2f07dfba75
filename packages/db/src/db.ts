/** @module The database type every package codes against. */
import type { LibSQLDatabase } from 'drizzle-orm/libsql'
import type * as schema from './schema/index.ts'

/** A Drizzle database over our schema. Write multi-statement changes with `db.batch([...])`. */
export type Db = LibSQLDatabase<typeof schema>
