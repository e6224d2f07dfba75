/** @module job_failures: jobs that failed, on either host; `dead` ones will not be retried again. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { idColumn, updatedAt } from './columns.ts'

export const jobFailures = sqliteTable(
  'job_failures',
  {
    /** The job's id: one row per job, updated on each failed attempt. */
    id: idColumn(),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }),
    attempts: integer('attempts').notNull(),
    last_error: text('last_error').notNull(),
    status: text('status', { enum: ['retrying', 'dead'] }).notNull(),
    first_failed_at: text('first_failed_at').notNull(),
    updated_at: updatedAt(),
  },
  (t) => [index('job_failures_status').on(t.status, t.updated_at)],
)
