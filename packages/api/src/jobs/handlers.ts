/** @module Every job kind and its handler, registered once and run by both hosts. */

import { pushJob } from '../push/deliver.ts'
import { PUSH_JOB } from '../push/outbox.ts'
import { deliverJob } from '../webhooks/deliver.ts'
import { DELIVER_JOB } from '../webhooks/dispatch.ts'
import type { JobHandlers } from './job.ts'

export const jobHandlers: JobHandlers = {
  [DELIVER_JOB]: deliverJob,
  [PUSH_JOB]: pushJob,
}
