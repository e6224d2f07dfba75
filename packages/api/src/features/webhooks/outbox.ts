/**
 * @module The webhook outbox: events written in the same batch as the change that caused them. A resource's
 * `onWrite: [emitEvents(…)]` adds one `webhook_messages` row per event, only when the org has an enabled endpoint (a
 * conditional INSERT … SELECT, so a write in an org without webhooks costs nothing more). The dispatcher
 * (dispatch.ts) turns each message into one delivery job per subscribed endpoint.
 */
import type { WebhookEventType } from '@connectgain/contracts'
import { newId, webhookConfigurations, webhookMessages } from '@connectgain/db'
import { and, eq, sql } from 'drizzle-orm'
import { outboxHook, type Row, type RowHook, readableColumns, type WriteEvent } from '../../rest/registry.ts'

/** Which events a write of one row raises (none for most). */
export type EventsOf = (event: WriteEvent) => readonly WebhookEventType[]

/** The row as REST reads it: its readable columns only, never a secret or an internal column. */
function publicRow(event: WriteEvent): Row {
  const row = event.after ?? event.before ?? {}
  return Object.fromEntries(readableColumns(event.resource).map((c) => [c, row[c] ?? null]))
}

/** A row hook (for `onWrite`) that records the events `eventsOf` names for each written row. */
export function emitEvents(eventsOf: EventsOf): RowHook {
  return outboxHook((event, { db, caller, now }) =>
    eventsOf(event).map((type) =>
      // INSERT … SELECT of constants from one enabled endpoint of the org: nothing is written without one.
      db.insert(webhookMessages).select(
        db
          .select({
            id: sql`${newId('whm')}`.as('id'),
            org_id: sql`${caller.orgId}`.as('org_id'),
            event_type: sql`${type}`.as('event_type'),
            data: sql`${JSON.stringify(publicRow(event))}`.as('data'),
            created_at: sql`${now}`.as('created_at'),
            dispatched_at: sql`null`.as('dispatched_at'),
          })
          .from(webhookConfigurations)
          .where(and(eq(webhookConfigurations.org_id, caller.orgId), eq(webhookConfigurations.enabled, true)))
          .limit(1),
      ),
    ),
  )
}

/** `created` on insert, `updated` on update: the usual pair. */
export const createdUpdated =
  (created: WebhookEventType, updated: WebhookEventType): EventsOf =>
  ({ op }) =>
    op === 'insert' ? [created] : op === 'update' ? [updated] : []
