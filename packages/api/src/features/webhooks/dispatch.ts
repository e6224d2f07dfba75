/**
 * @module The outbox dispatcher: each undispatched `webhook_messages` row becomes one `webhook.deliver` job per
 * enabled endpoint of its org subscribed to its type, then is marked dispatched. Kicked after every write that
 * raised events (in the background) and on a timer (Node) or the cron (Workers), so a crash between the commit
 * and the kick delays events, never loses them. A crash after the jobs were sent and before the mark sends
 * them again: receivers dedupe on `webhook-id`, which is the message id.
 */
import { ALL_EVENTS } from '@connectgain/contracts'
import { type Db, webhookConfigurations, webhookMessages } from '@connectgain/db'
import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import type { JobQueue, NewJob } from '../../jobs/job.ts'

export const DELIVER_JOB = 'webhook.deliver'

/** A delivery job: one message to one endpoint. */
export interface DeliverPayload {
  message_id: string
  webhook_id: string
}

/** Messages taken per round; Cloudflare Queues take at most 100 messages per sendBatch. */
const ROUND = 100

/** Dispatches up to ROUND messages; returns how many it took. */
export async function dispatchOutbox(db: Db, clock: Clock, queue: JobQueue): Promise<number> {
  const pending = await db
    .select({
      id: webhookMessages.id,
      org_id: webhookMessages.org_id,
      event_type: webhookMessages.event_type,
    })
    .from(webhookMessages)
    .where(isNull(webhookMessages.dispatched_at))
    .orderBy(asc(webhookMessages.created_at))
    .limit(ROUND)
  if (pending.length === 0) return 0
  const endpoints = await db
    .select({
      id: webhookConfigurations.id,
      org_id: webhookConfigurations.org_id,
      events: webhookConfigurations.events,
    })
    .from(webhookConfigurations)
    .where(
      and(
        inArray(webhookConfigurations.org_id, [...new Set(pending.map((m) => m.org_id))]),
        eq(webhookConfigurations.enabled, true),
      ),
    )
  const jobs: NewJob[] = pending.flatMap((message) =>
    endpoints
      .filter(
        (e) =>
          e.org_id === message.org_id &&
          (e.events.includes(ALL_EVENTS) || e.events.includes(message.event_type)),
      )
      .map((e) => ({
        kind: DELIVER_JOB,
        payload: { message_id: message.id, webhook_id: e.id } satisfies DeliverPayload,
      })),
  )
  for (let i = 0; i < jobs.length; i += ROUND) await queue.send(jobs.slice(i, i + ROUND))
  await db
    .update(webhookMessages)
    .set({ dispatched_at: clock.now().toISOString() })
    .where(
      inArray(
        webhookMessages.id,
        pending.map((m) => m.id),
      ),
    )
  return pending.length
}
