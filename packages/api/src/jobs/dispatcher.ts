/**
 * @module The outbox dispatcher: what writes recorded in their batch (webhook events, pushes) becomes jobs. Kicked
 * after every write that recorded something (in the background) and on a timer (Node) or the cron (Workers), so a
 * crash between a commit and its kick delays the jobs, never loses them.
 */
import type { Db } from '@connectgain/db'
import type { Clock } from '../clock.ts'
import type { JobQueue } from './job.ts'

/** Rows one round takes at most; a round that took this many is followed by another. */
const ROUND = 100

/** One round of one outbox: queues up to ROUND rows' jobs, returns how many it took. */
export type OutboxRound = (db: Db, clock: Clock, queue: JobQueue) => Promise<number>

/** Runs dispatch rounds one at a time: kicks while one runs coalesce into one more round after it. */
export class Dispatcher {
  private running: Promise<void> | null = null
  private again = false

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly queue: JobQueue,
    /** Every outbox, dispatched in this order (the features' outboxes, as app.ts composes them). */
    private readonly outboxes: readonly OutboxRound[],
    private readonly onError: (message: string) => void = (m) => console.error(m),
  ) {}

  /** Dispatches everything pending; resolves when done. Never rejects (failures are logged and retried later). */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = this.rounds().finally(() => {
      this.running = null
    })
    return this.running
  }

  private async rounds(): Promise<void> {
    do {
      this.again = false
      // Each outbox on its own: one that fails (logged, swept again later) does not hold up the others.
      for (const round of this.outboxes) {
        try {
          while ((await round(this.db, this.clock, this.queue)) === ROUND) {}
        } catch (err) {
          this.onError(`outbox dispatch failed: ${err instanceof Error ? err.message : err}`)
        }
      }
    } while (this.again)
  }
}
