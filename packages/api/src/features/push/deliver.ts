/**
 * @module The `push.send` job: one push to one device. A 404 or 410 deletes the subscription (the browser dropped
 * it); a 429, a 5xx or no answer is retried on a short schedule (a push is news, not a record), after the push
 * service's Retry-After when it sent one; anything else (400, 403, 413) will not improve and ends the job dead.
 */
import { pushSubscriptions } from '@connectgain/db'
import { eq } from 'drizzle-orm'
import type { JobHandler, JobOutcome } from '../../jobs/job.ts'
import type { PushJobPayload } from './outbox.ts'
import { sendPush } from './send.ts'
import { configuredVapid } from './vapid.ts'

/** Seconds before retry N: 10 s, 1 min, 5 min, 30 min, 1 h. Six attempts in about 1 h 36 min, well within the TTL. */
export const PUSH_RETRY_DELAYS_SECONDS = [10, 60, 300, 1800, 3600] as const
/** A Retry-After beyond this is not waited for: the push would be stale. */
export const MAX_PUSH_RETRY_AFTER_SECONDS = 3600

export const pushJob: JobHandler = async (raw, ctx, { attempt }): Promise<JobOutcome> => {
  const job = raw as PushJobPayload
  const vapid = configuredVapid(ctx.config)
  if (!vapid) {
    return { ok: false, retryable: false, reason: 'Web Push is not configured: set the VAPID_* variables' }
  }
  const [device] = await ctx.db
    .select()
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.id, job.subscription_id))
  if (!device) return { ok: true } // unsubscribed since: nobody to tell

  const result = await sendPush(
    { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
    job.payload,
    {
      vapid,
      ttlSeconds: job.ttl_seconds,
      urgency: job.urgency,
      ...(job.topic ? { topic: job.topic } : {}),
      guard: { mode: ctx.config.CG_MODE, resolve: ctx.resolve },
    },
  )
  if (result.ok) return { ok: true }
  if (result.gone) {
    await ctx.db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, device.id))
    return { ok: true }
  }
  const reason = `push to subscription ${device.id}, attempt ${attempt}: ${result.error}`
  const delay = PUSH_RETRY_DELAYS_SECONDS[attempt - 1]
  if (!result.retryable || delay === undefined) return { ok: false, retryable: false, reason }
  const wait = result.retry_after_seconds ?? delay
  if (wait > MAX_PUSH_RETRY_AFTER_SECONDS)
    return { ok: false, retryable: false, reason: `${reason}; Retry-After too far off` }
  return { ok: false, retryable: true, reason, delaySeconds: wait }
}
