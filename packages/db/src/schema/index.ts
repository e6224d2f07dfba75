/** @module The Drizzle schema: one file per table. */
export * from './api-keys.ts'
export * from './job-failures.ts'
export * from './jobs.ts'
export * from './memberships.ts'
export * from './organizations.ts'
export * from './users.ts'
