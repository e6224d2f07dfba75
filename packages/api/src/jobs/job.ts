/** @module Jobs: handlers (shared by both hosts), the retry schedule, and running one job to an outcome. */
import type { JobMessage } from '@connectgain/contracts'
import { type Db, newId } from '@connectgain/db'
import type { Clock } from '../clock.ts'
import type { Config } from '../config.ts'
import type { Mailer } from '../mail.ts'
import type { Resolve } from '../net/url-guard.ts'

/** What a handler may use. (Not the queue: a job that needs a follow-up returns it, it does not enqueue.) */
export interface JobContext {
  db: Db
  clock: Clock
  config: Config
  /** Where mail goes (SMTP on the Node host when SMTP_URL is set); none on the Worker. */
  mailer?: Mailer
  /** DNS for the outbound URL guard at send time; the Node host passes the OS resolver, workerd has none. */
  resolve?: Resolve
}

/**
 * Expected failures are values: `retryable: false` sends the job straight to the dead letters. `delaySeconds`
 * replaces the queue's schedule for the next attempt (a handler with its own schedule, or a `Retry-After`).
 */
export type JobOutcome =
  | { ok: true }
  | { ok: false; reason: string; retryable: boolean; delaySeconds?: number }

/** Which attempt this is, counting from 1. */
export interface JobAttempt {
  attempt: number
}

export type JobHandler = (payload: unknown, ctx: JobContext, run: JobAttempt) => Promise<JobOutcome>
export type JobHandlers = Readonly<Record<string, JobHandler>>

/** A job to enqueue; the queue gives it an id and a time. */
export interface NewJob {
  kind: string
  payload: unknown
}

/** The message a new job travels as, on either host: an id it keeps through every retry, and a time. */
export function jobMessage(job: NewJob, now: Date): JobMessage {
  return { id: newId('job'), kind: job.kind, payload: job.payload ?? null, created_at: now.toISOString() }
}

/** The queue port: the Node host's table queue or the Worker's Cloudflare Queue. */
export interface JobQueue {
  send(jobs: readonly NewJob[]): Promise<void>
}

/**
 * Seconds to wait before retry N (after attempt N failed): Svix's schedule without the immediate
 * first try — 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. Eight attempts in all, about 28 hours.
 */
export const RETRY_DELAYS_SECONDS = [5, 300, 1800, 7200, 18000, 36000, 36000] as const
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1

/** Delay before the next attempt after `attempts` have failed, or null when the job is out of attempts. */
export function retryDelaySeconds(attempts: number): number | null {
  return RETRY_DELAYS_SECONDS[attempts - 1] ?? null
}

/** The wait before retrying `outcome` after `attempts`: the handler's own delay when it gave one. */
export function nextDelaySeconds(
  outcome: Extract<JobOutcome, { ok: false }>,
  attempts: number,
): number | null {
  if (!outcome.retryable) return null
  return outcome.delaySeconds ?? retryDelaySeconds(attempts)
}

/** Runs one job. A handler that throws is a bug, but the job is retried all the same: nothing is lost. */
export async function runJob(
  handlers: JobHandlers,
  ctx: JobContext,
  job: JobMessage,
  attempt = 1,
): Promise<JobOutcome> {
  const handler = handlers[job.kind]
  if (!handler) return { ok: false, reason: `no handler for job kind '${job.kind}'`, retryable: false }
  try {
    return await handler(job.payload, ctx, { attempt })
  } catch (err) {
    return {
      ok: false,
      reason: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      retryable: true,
    }
  }
}
