/**
 * @module The push outbox: who a write notifies, decided in the write's own batch. A resource declares the
 * notices a written row raises (`onWrite: [emitPushes(…)]`); each becomes one INSERT … SELECT over the org's subscriptions, joined
 * with membership and preferences, so the recipients are exactly the devices subscribed at commit time and a
 * write nobody is subscribed to writes nothing. The dispatcher turns each row into a `push.send` job.
 *
 * The rule, for every notice: members of the write's org with notifications enabled and the notice's preference
 * on (its default when they never saved), never the member who made the write. One push per device per write,
 * even when two notices reach the same member (the first one declared wins).
 */

import type { NotificationPreferences } from '@connectgain/contracts'
import { notificationDefaults } from '@connectgain/contracts'
import type { Db } from '@connectgain/db'
import {
  conversations,
  memberships,
  newId,
  notificationPreferences as prefs,
  pushOutbox,
  pushSubscriptions as subs,
} from '@connectgain/db'
import { and, asc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm'
import type { Config } from '../../config.ts'
import type { JobQueue, NewJob } from '../../jobs/job.ts'
import { outboxHook, type RowHook, type WriteEvent } from '../../rest/registry.ts'
import type { PushPayload, PushUrgency } from './send.ts'

/** The preferences that choose events; `enabled` is checked for every notice. */
export type PushPreference = keyof Pick<
  NotificationPreferences,
  'new_message_in_my_conversations' | 'conversation_assigned_to_me' | 'all_new_conversations'
>

/** Whom a notice may reach, before preferences: a conversation's assignee, one member, or every member. */
export type PushAudience = { assigneeOf: string } | { member: string } | 'every-member'

export interface PushNotice {
  to: PushAudience
  /** Members with this preference off are skipped. */
  preference: PushPreference
  payload: PushPayload
  urgency: PushUrgency
  /** A queued, undelivered push with the same topic is replaced by this one (RFC 8030 §5.4). */
  topic?: string
  ttlSeconds: number
}

/** The notices one written row raises (none for most writes). */
export type PushesOf = (event: WriteEvent, ctx: { config: Config }) => readonly PushNotice[]

export const PUSH_JOB = 'push.send'

/** A `push.send` job: everything the send needs but the subscription's keys, which it reads fresh. */
export interface PushJobPayload {
  subscription_id: string
  payload: PushPayload
  urgency: PushUrgency
  topic: string | null
  ttl_seconds: number
}

/** Who `to` names, as a condition on the subscription's user (null: anyone in the org). */
function audience(db: Db, to: PushAudience, orgId: string): SQL | undefined {
  if (to === 'every-member') return undefined
  if ('member' in to) return eq(subs.user_id, to.member)
  const assignee = db
    .select({ id: conversations.assignee_id })
    .from(conversations)
    .where(and(eq(conversations.id, to.assigneeOf), eq(conversations.org_id, orgId)))
  return sql`${subs.user_id} = (${assignee})`
}

/** A row hook (for `onWrite`) that records, per written row, one outbox row per device its notices reach. */
export function emitPushes(pushesOf: PushesOf): RowHook {
  return outboxHook((event, { db, caller, now, config }) => {
    const notices = pushesOf(event, { config })
    if (notices.length === 0) return []
    const writeId = newId('psh')
    const writer = caller.kind === 'session' ? caller.userId : null
    return notices.map((notice) =>
      db
        .insert(pushOutbox)
        .select(
          db
            .select({
              id: sql`${writeId} || ':' || ${subs.id}`.as('id'),
              org_id: sql`${subs.org_id}`.as('org_id'),
              subscription_id: sql`${subs.id}`.as('subscription_id'),
              payload: sql`${JSON.stringify(notice.payload)}`.as('payload'),
              urgency: sql`${notice.urgency}`.as('urgency'),
              topic: sql`${notice.topic ?? null}`.as('topic'),
              ttl_seconds: sql`${notice.ttlSeconds}`.as('ttl_seconds'),
              created_at: sql`${now}`.as('created_at'),
            })
            .from(subs)
            // Members only: a subscription outlives a membership until its user signs in elsewhere.
            .innerJoin(
              memberships,
              and(eq(memberships.org_id, subs.org_id), eq(memberships.user_id, subs.user_id)),
            )
            .leftJoin(prefs, and(eq(prefs.org_id, subs.org_id), eq(prefs.user_id, subs.user_id)))
            .where(
              and(
                eq(subs.org_id, caller.orgId),
                writer ? ne(subs.user_id, writer) : undefined,
                audience(db, notice.to, caller.orgId),
                sql`coalesce(${prefs.enabled}, ${notificationDefaults.enabled ? 1 : 0}) = 1`,
                sql`coalesce(${prefs[notice.preference]}, ${notificationDefaults[notice.preference] ? 1 : 0}) = 1`,
              ),
            ),
        )
        .onConflictDoNothing(),
    )
  })
}

/** Rows taken per round; Cloudflare Queues take at most 100 messages per sendBatch. */
const ROUND = 100

/** Queues up to ROUND outbox rows as `push.send` jobs and deletes them; returns how many it took. */
export async function dispatchPushOutbox(db: Db, queue: JobQueue): Promise<number> {
  const pending = await db.select().from(pushOutbox).orderBy(asc(pushOutbox.created_at)).limit(ROUND)
  if (pending.length === 0) return 0
  const jobs: NewJob[] = pending.map((row) => ({
    kind: PUSH_JOB,
    payload: {
      subscription_id: row.subscription_id,
      payload: row.payload as PushPayload,
      urgency: row.urgency,
      topic: row.topic,
      ttl_seconds: row.ttl_seconds,
    } satisfies PushJobPayload,
  }))
  await queue.send(jobs)
  // A crash before this delete queues them again: a device shows one of the two (same tag) at most twice.
  await db.delete(pushOutbox).where(
    inArray(
      pushOutbox.id,
      pending.map((row) => row.id),
    ),
  )
  return pending.length
}
