/** @module @connectgain/api: createApp and the types hosts need. */
export { ConfigSchema, createApp, parseConfig } from './app.ts'
export { type Clock, systemClock } from './clock.ts'
export type { Config } from './config.ts'
export type { Deps } from './deps.ts'
export { seedDemo } from './seed.ts'
