/**
 * @module The webhook outbox: events written in the same batch as the change that caused them. A resource's
 * `onWrite: [emitEvents(…)]` adds one `webhook_messages` row per event, only when the org has an enabled endpoint (a
 * conditional INSERT … SELECT, so a write in an org without webhooks costs nothing more). The dispatcher
 * (dispatch.ts) turns each message into one delivery job per subscribed endpoint.
 */
import type { WebhookEventType } from '@connectgain/contracts'
import { newId, webhookConfigurations, webhookMessages } from '@connectgain/db'
import { and, eq, SQL, sql } from 'drizzle-orm'
import {
  outboxHook,
  type Row,
  type RowHook,
  readableColumns,
  type Statement,
  type WriteContext,
  type WriteEvent,
} from '../../rest/registry.ts'

/** Which events a write of one row raises (none for most). */
export type EventsOf = (event: WriteEvent) => readonly WebhookEventType[]

/** The row as REST reads it: its readable columns only, never a secret or an internal column. */
function publicRow(event: WriteEvent): Row {
  const row = event.after ?? event.before ?? {}
  return Object.fromEntries(readableColumns(event.resource).map((c) => [c, row[c] ?? null]))
}

/**
 * The outbox row of one event whose payload is `data` (a value, or SQL that builds the JSON inside the batch), as a
 * statement for the caller's batch: an INSERT … SELECT of constants from one enabled endpoint of the org, so that
 * nothing is written without one.
 */
export function eventStatement(
  { db, caller, now }: Pick<WriteContext, 'db' | 'caller' | 'now'>,
  type: WebhookEventType,
  data: Row | SQL,
): Statement {
  const json = data instanceof SQL ? data : sql`${JSON.stringify(data)}`
  return db.insert(webhookMessages).select(
    db
      .select({
        id: sql`${newId('whm')}`.as('id'),
        org_id: sql`${caller.orgId}`.as('org_id'),
        event_type: sql`${type}`.as('event_type'),
        data: sql`${json}`.as('data'),
        created_at: sql`${now}`.as('created_at'),
        dispatched_at: sql`null`.as('dispatched_at'),
      })
      .from(webhookConfigurations)
      .where(and(eq(webhookConfigurations.org_id, caller.orgId), eq(webhookConfigurations.enabled, true)))
      .limit(1),
  )
}

/** A row hook (for `onWrite`) that records the events `eventsOf` names for each written row. */
export function emitEvents(eventsOf: EventsOf): RowHook {
  return outboxHook((event, ctx) =>
    eventsOf(event).map((type) => eventStatement(ctx, type, publicRow(event))),
  )
}

/** `created` on insert, `updated` on update: the usual pair. */
export const createdUpdated =
  (created: WebhookEventType, updated: WebhookEventType): EventsOf =>
  ({ op }) =>
    op === 'insert' ? [created] : op === 'update' ? [updated] : []

/** `created`, `updated` and `deleted`, one per op: a domain resource whose every write is an event. */
export const everyWrite =
  (created: WebhookEventType, updated: WebhookEventType, deleted: WebhookEventType): EventsOf =>
  ({ op }) =>
    op === 'insert' ? [created] : op === 'update' ? [updated] : [deleted]
