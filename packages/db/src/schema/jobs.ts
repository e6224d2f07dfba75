/** @module jobs: the Node host's durable queue. A job is a row until it succeeds, so a restart loses none. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt, idColumn } from './columns.ts'

export const jobs = sqliteTable(
  'jobs',
  {
    id: idColumn(),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }),
    /** Attempts started so far (counted when claimed, so a crash mid-run counts too). */
    attempts: integer('attempts').notNull().default(0),
    run_at: text('run_at').notNull(),
    /** A claimed job is invisible to other pollers until this time; then it is retried. */
    locked_until: text('locked_until'),
    last_error: text('last_error'),
    created_at: createdAt(),
  },
  (t) => [index('jobs_due').on(t.run_at)],
)
