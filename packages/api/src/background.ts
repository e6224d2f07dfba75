/** @module Work that runs after the response: `waitUntil` on Workers (so the isolate stays for it), plain on Node. */
import type { Context } from 'hono'

/** Runs `work` after the response where the runtime allows it; `work` must not reject (it logs its own failures). */
export function inBackground(c: Context, work: Promise<unknown>): void {
  try {
    c.executionCtx.waitUntil(work)
  } catch {
    // No execution context (Node): the promise runs on its own.
  }
}
