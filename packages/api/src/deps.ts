/** @module The ports a host wires into createApp: database, clock, job queue and configuration. */
import type { Db } from '@connectgain/db'
import type { Hashing } from './auth/hashing.ts'
import type { KeyUsage } from './auth/key-usage.ts'
import type { RateLimiter } from './auth/rate-limit.ts'
import type { Config } from './config.ts'
import type { Dispatcher } from './jobs/dispatcher.ts'
import type { JobQueue } from './jobs/job.ts'
import type { Resolve } from './webhooks/url-guard.ts'

/** Time, injectable so tests can move it (token expiry, key expiry). */
export interface Clock {
  now(): Date
}
export const systemClock: Clock = { now: () => new Date() }

export interface Deps {
  db: Db
  clock: Clock
  config: Config
  /** Where jobs go: the table queue on Node, Cloudflare Queues on the Worker. */
  queue: JobQueue
  /** The per-request hashes; WebCrypto unless the host wires node:crypto's. */
  hashing?: Hashing
  /** Where API key use is counted; one per app unless the host passes its own (to flush it on shutdown). */
  keyUsage?: KeyUsage
  /** Where API key requests are counted against their limit; in memory per app unless the host passes one. */
  rateLimiter?: RateLimiter
  /** DNS for the outbound URL guard at send time (the Node host's resolver); without it only the URL is checked. */
  resolve?: Resolve
  /** Turns recorded webhook events into delivery jobs; kicked after each write that raised events. */
  outbox?: Dispatcher
}
