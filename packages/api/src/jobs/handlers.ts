/** @module Every job kind and its handler, registered once and run by both hosts. */
import type { JobHandlers } from './job.ts'

/** Webhook deliveries and push sends add their handlers here (see ROADMAP.md). */
export const jobHandlers: JobHandlers = {}
