/** @module @connectgain/contracts: every shape that crosses a boundary. */
export * from './errors.ts'
export * from './jobs.ts'
export * from './organizations.ts'
export * from './permissions.ts'
export * from './roles.ts'
export * from './sessions.ts'
export * from './tabs.ts'
