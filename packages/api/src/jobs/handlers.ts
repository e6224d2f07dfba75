/** @module Every job kind and its handler, registered once and run by both hosts. */

import { deliverJob } from '../webhooks/deliver.ts'
import { DELIVER_JOB } from '../webhooks/dispatch.ts'
import type { JobHandlers } from './job.ts'

/** Push sends add theirs here (see ROADMAP.md). */
export const jobHandlers: JobHandlers = {
  [DELIVER_JOB]: deliverJob,
}
