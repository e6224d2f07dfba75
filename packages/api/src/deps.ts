/** @module The ports a host wires into createApp: database, clock, job queue and configuration. */
import type { Db } from '@connectgain/db'
import type { Hashing } from './auth/hashing.ts'
import type { Clock } from './clock.ts'
import type { Config } from './config.ts'
import type { Dispatcher } from './jobs/dispatcher.ts'
import type { JobQueue } from './jobs/job.ts'
import type { EmailTester } from './mail.ts'
import type { Resolve } from './net/url-guard.ts'

export interface Deps {
  db: Db
  clock: Clock
  config: Config
  /** Where jobs go: the table queue on Node, Cloudflare Queues on the Worker. */
  queue: JobQueue
  /** The per-request hashes; WebCrypto unless the host wires node:crypto's. */
  hashing?: Hashing
  /** DNS for the outbound URL guard at send time (the Node host's resolver); without it only the URL is checked. */
  resolve?: Resolve
  /** Turns what writes recorded in an outbox into jobs; kicked after each write that fed one. */
  outbox?: Dispatcher
  /** Logs in to a box's IMAP and SMTP servers (the Node host's, over node:net/tls); without it those functions answer 501. */
  emailTester?: EmailTester
}
