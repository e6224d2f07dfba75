/** @module The Node host's durable queue: jobs are rows, claimed with a lease, retried on schedule, never lost. */
import { type JobMessage, JobMessage as JobMessageSchema } from '@connectgain/contracts'
import { type Db, jobs } from '@connectgain/db'
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import { recordFailure } from './failures.ts'
import {
  type JobContext,
  type JobHandlers,
  type JobQueue,
  jobMessage,
  type NewJob,
  nextDelaySeconds,
  runJob,
} from './job.ts'

export interface TableQueueOptions {
  /** How long a claimed job stays invisible to other pollers; a crash mid-run is retried after it. */
  leaseMs?: number
  batchSize?: number
  pollMs?: number
}

/** The queue's two statements per job, with placeholders. */
function prepareStatements(db: Db) {
  const now = sql.placeholder('now')
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(lte(jobs.run_at, now), or(isNull(jobs.locked_until), lte(jobs.locked_until, now))))
    .orderBy(asc(jobs.run_at))
    .limit(sql.placeholder('limit'))
  return {
    claim: db
      .update(jobs)
      .set({ locked_until: sql`${sql.placeholder('until')}`, attempts: sql`${jobs.attempts} + 1` })
      .where(inArray(jobs.id, due))
      .returning()
      .prepare(),
    done: db
      .delete(jobs)
      .where(eq(jobs.id, sql.placeholder('id')))
      .prepare(),
  }
}

export class TableQueue implements JobQueue {
  private readonly leaseMs: number
  private readonly batchSize: number
  private readonly pollMs: number
  private timer: ReturnType<typeof setTimeout> | undefined
  private running: Promise<number> | undefined
  private prepared: ReturnType<typeof prepareStatements> | undefined

  constructor(
    private readonly ctx: JobContext,
    private readonly handlers: JobHandlers,
    options: TableQueueOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 60_000
    this.batchSize = options.batchSize ?? 10
    this.pollMs = options.pollMs ?? 1000
  }

  private get db(): Db {
    return this.ctx.db
  }

  /** The claim and the delete run for every job: built once (building a query costs more than running it). */
  private get statements(): ReturnType<typeof prepareStatements> {
    this.prepared ??= prepareStatements(this.db)
    return this.prepared
  }

  async send(newJobs: readonly NewJob[]): Promise<void> {
    if (newJobs.length === 0) return
    const now = this.ctx.clock.now()
    await this.db.insert(jobs).values(
      newJobs.map((job) => {
        const message = jobMessage(job, now)
        return { ...message, run_at: message.created_at }
      }),
    )
  }

  /** Claims up to `limit` due jobs atomically (one UPDATE … RETURNING), counting the attempt as it starts. */
  private async claim(limit: number): Promise<(typeof jobs.$inferSelect)[]> {
    const now = this.ctx.clock.now()
    return this.statements.claim.all({
      now: now.toISOString(),
      until: new Date(now.getTime() + this.leaseMs).toISOString(),
      limit,
    })
  }

  private async settle(row: typeof jobs.$inferSelect): Promise<void> {
    const job: JobMessage = JobMessageSchema.parse(row)
    const outcome = await runJob(this.handlers, this.ctx, job, row.attempts)
    if (outcome.ok) {
      await this.statements.done.run({ id: row.id })
      return
    }
    const delay = nextDelaySeconds(outcome, row.attempts)
    const now = this.ctx.clock.now()
    if (delay === null) {
      await this.db.batch([
        this.db.delete(jobs).where(eq(jobs.id, row.id)),
        recordFailure(this.db, now, job, { attempts: row.attempts, reason: outcome.reason, status: 'dead' }),
      ])
      return
    }
    await this.db
      .update(jobs)
      .set({
        run_at: new Date(now.getTime() + delay * 1000).toISOString(),
        locked_until: null,
        last_error: outcome.reason,
      })
      .where(eq(jobs.id, row.id))
  }

  /**
   * Runs every due job until none is left and none is running; returns how many ran. Up to `batchSize` run at
   * once, and a finished one makes room for the next at once: one slow job (a webhook endpoint that takes its
   * full 15 s) holds one slot, not the others. Tests and the poll loop call it.
   */
  async drain(): Promise<number> {
    let ran = 0
    const running = new Set<Promise<void>>()
    for (;;) {
      const room = this.batchSize - running.size
      const claimed = room > 0 ? await this.claim(room) : []
      for (const row of claimed) {
        const settled: Promise<void> = this.settle(row).finally(() => running.delete(settled))
        running.add(settled)
      }
      ran += claimed.length
      if (running.size === 0) return ran
      if (claimed.length === 0 || running.size >= this.batchSize) await Promise.race(running)
    }
  }

  /** Polls in the background until `stop()`. */
  start(): void {
    const tick = async () => {
      this.running = this.drain().catch((err) => {
        console.error(`job queue poll failed: ${err instanceof Error ? err.message : err}`)
        return 0
      })
      await this.running
      if (this.timer !== undefined) this.timer = setTimeout(tick, this.pollMs)
    }
    this.timer = setTimeout(tick, 0)
  }

  /** Stops polling and waits for the jobs in hand; unfinished ones stay rows and run after a restart. */
  async stop(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    await this.running
  }
}
