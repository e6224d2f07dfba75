/** @module @connectgain/db: schema, database type and ids (runtime-neutral; see ./client and ./migrate for Node). */
export type { Db } from './db.ts'
export { newId } from './ids.ts'
export * from './schema/index.ts'
