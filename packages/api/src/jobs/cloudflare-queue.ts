/** @module The Worker's queue: jobs go to a Cloudflare Queue; the consumer retries on schedule; the DLQ consumer records. */

import type { Message, MessageBatch, Queue } from '@cloudflare/workers-types'
import { type JobMessage, JobMessage as JobMessageSchema } from '@connectgain/contracts'
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

/** The dead letter queue's name, as wrangler.toml declares it. */
export const DEAD_LETTER_QUEUE = 'cg-jobs-dlq'

export class CloudflareQueue implements JobQueue {
  constructor(
    private readonly queue: Queue<JobMessage>,
    private readonly ctx: Pick<JobContext, 'clock'>,
  ) {}

  async send(jobs: readonly NewJob[]): Promise<void> {
    if (jobs.length === 0) return
    const now = this.ctx.clock.now()
    await this.queue.sendBatch(jobs.map((job) => ({ body: jobMessage(job, now) })))
  }
}

/**
 * The jobs queue's consumer. Success → ack. A retryable failure → `retry` after the schedule's delay
 * and the failure is recorded as `retrying`; once `max_retries` is spent, Cloudflare moves the
 * message to the dead letter queue. A failure that retrying cannot fix is recorded dead and acked.
 */
export async function consumeJobs(batch: MessageBatch<unknown>, ctx: JobContext, handlers: JobHandlers) {
  // Side by side: a slow job (an endpoint taking its full timeout) does not hold up the rest of the batch.
  await Promise.all(batch.messages.map((msg) => consumeOne(msg, ctx, handlers)))
}

async function consumeOne(msg: Message<unknown>, ctx: JobContext, handlers: JobHandlers): Promise<void> {
  const job = toJob(msg, ctx)
  const outcome = job.kind === MALFORMED ? malformed : await runJob(handlers, ctx, job, msg.attempts)
  if (outcome.ok) {
    msg.ack()
    return
  }
  const status = outcome.retryable ? 'retrying' : 'dead'
  await recordFailure(ctx.db, ctx.clock.now(), job, {
    attempts: msg.attempts,
    reason: outcome.reason,
    status,
  })
  // Past the schedule Cloudflare's max_retries moves it to the dead letter queue.
  if (outcome.retryable) {
    const delay = nextDelaySeconds(outcome, msg.attempts) ?? 0
    msg.retry({ delaySeconds: Math.min(delay, MAX_RETRY_DELAY_SECONDS) })
  } else msg.ack()
}

/** The dead letter queue's consumer: every message in it is a job out of attempts; record it dead. */
export async function recordDeadLetters(batch: MessageBatch<unknown>, ctx: Pick<JobContext, 'db' | 'clock'>) {
  for (const msg of batch.messages) {
    await recordFailure(ctx.db, ctx.clock.now(), toJob(msg, ctx), { attempts: msg.attempts, status: 'dead' })
    msg.ack()
  }
}

/** Cloudflare Queues delay a retry by at most 12 hours; a longer wait (a Retry-After of a day) is cut to it. */
export const MAX_RETRY_DELAY_SECONDS = 43_200

const MALFORMED = 'malformed'
const malformed = { ok: false, reason: 'message body is not a job', retryable: false } as const

/** The job in a message; a body that is not one is kept, as kind "malformed", so it too is recorded. */
function toJob(msg: Message<unknown>, ctx: Pick<JobContext, 'clock'>): JobMessage {
  const parsed = JobMessageSchema.safeParse(msg.body)
  if (parsed.success) return parsed.data
  return {
    id: `msg_${msg.id}`,
    kind: MALFORMED,
    payload: msg.body ?? null,
    created_at: ctx.clock.now().toISOString(),
  }
}
