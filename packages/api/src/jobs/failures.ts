/** @module The record of failed jobs, shared by both hosts: one row per job, `dead` when it will not run again. */
import type { JobMessage } from '@connectgain/contracts'
import { type Db, jobFailures } from '@connectgain/db'
import { lt, sql } from 'drizzle-orm'

export function recordFailure(
  db: Db,
  now: Date,
  job: JobMessage,
  failure: { attempts: number; reason?: string; status: 'retrying' | 'dead' },
) {
  const at = now.toISOString()
  return db
    .insert(jobFailures)
    .values({
      id: job.id,
      kind: job.kind,
      payload: job.payload ?? null,
      attempts: failure.attempts,
      last_error: failure.reason ?? 'out of attempts',
      status: failure.status,
      first_failed_at: at,
      updated_at: at,
    })
    .onConflictDoUpdate({
      target: jobFailures.id,
      set: {
        attempts: sql`max(${jobFailures.attempts}, ${failure.attempts})`,
        // Without a reason (the dead letter consumer has none of its own) keep the last one recorded.
        last_error: failure.reason ?? sql`${jobFailures.last_error}`,
        status: failure.status,
        updated_at: at,
      },
    })
}

/** Housekeeping: forget failures older than `days` (the cron trigger on the Worker, a timer on Node). */
export async function pruneFailures(db: Db, now: Date, days = 30): Promise<void> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString()
  await db.delete(jobFailures).where(lt(jobFailures.updated_at, cutoff))
}
