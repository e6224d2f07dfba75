/** @module The delivery log is kept 30 days: older attempts, and dispatched messages, are deleted by the hosts' housekeeping. */
import { type Db, webhookDeliveries, webhookMessages } from '@connectgain/db'
import { and, isNotNull, lt } from 'drizzle-orm'

export const KEEP_DAYS = 30

/** Deletes attempts and dispatched messages older than KEEP_DAYS before `now`. */
export async function pruneWebhookLog(db: Db, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - KEEP_DAYS * 24 * 3600 * 1000).toISOString()
  await db.batch([
    db.delete(webhookDeliveries).where(lt(webhookDeliveries.created_at, cutoff)),
    db
      .delete(webhookMessages)
      .where(and(lt(webhookMessages.created_at, cutoff), isNotNull(webhookMessages.dispatched_at))),
  ])
}
