/** @module The ports a host wires into createApp: database, clock and configuration. */
import type { Db } from '@connectgain/db'
import type { Config } from './config.ts'

/** Time, injectable so tests can move it (token expiry, key expiry). */
export interface Clock {
  now(): Date
}
export const systemClock: Clock = { now: () => new Date() }

export interface Deps {
  db: Db
  clock: Clock
  config: Config
}
