/** @module @connectgain/api: createApp and the types hosts need. */
export { createApp } from './app.ts'
export { type Config, ConfigSchema, parseConfig } from './config.ts'
export { type Clock, type Deps, systemClock } from './deps.ts'
export { seedDemo } from './seed.ts'
