/**
 * @module Delivering one webhook message to one endpoint: sign with every valid secret, send once, log the
 * attempt, and keep the endpoint's health (a success clears it, a 410 or five days of failures disable it).
 * The `webhook.deliver` job retries on the schedule (Svix's unless WEBHOOK_RETRY_SCHEDULE), or after the
 * endpoint's Retry-After. test-webhook and redeliver-webhook make an attempt now, through the same path.
 */
import { type Db, newId, webhookConfigurations, webhookDeliveries, webhookMessages } from '@connectgain/db'
import { and, count, eq, getTableColumns, sql } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import type { Config } from '../../config.ts'
import { type JobHandler, type JobOutcome, RETRY_DELAYS_SECONDS } from '../../jobs/job.ts'
import type { Resolve } from '../../net/url-guard.ts'
import { decryptSecret } from '../../secrets/encryption.ts'
import type { DeliverPayload } from './dispatch.ts'
import { sendWebhook } from './send.ts'
import { secretContext } from './signature.ts'

/** An endpoint with no success for this long is disabled. */
export const DISABLE_AFTER_MS = 5 * 24 * 3600 * 1000

type Endpoint = typeof webhookConfigurations.$inferSelect
type Message = typeof webhookMessages.$inferSelect
export type Delivery = typeof webhookDeliveries.$inferSelect

export interface DeliveryContext {
  db: Db
  clock: Clock
  config: Config
  resolve?: Resolve | undefined
  /** The HTTP client; tests pass one to fail on purpose. */
  fetch?: typeof fetch
}

/** The secrets that sign now: the current one, and the one before a rotation until it lapses. */
async function signingSecrets(endpoint: Endpoint, config: Config, now: Date): Promise<string[]> {
  const context = secretContext(endpoint.org_id)
  const secrets = [await decryptSecret(config.ENCRYPTION_KEY, endpoint.secret, context)]
  const previousLapses = endpoint.previous_secret_expires_at
  if (endpoint.previous_secret && previousLapses && previousLapses > now.toISOString()) {
    secrets.push(await decryptSecret(config.ENCRYPTION_KEY, endpoint.previous_secret, context))
  }
  return secrets
}

/** The endpoint's health after an attempt: what to set (null: nothing changes), and whether it is now disabled. */
function health(endpoint: Endpoint, ok: boolean, gone: boolean, now: Date) {
  if (ok) return endpoint.failing_since === null ? null : { failing_since: null }
  if (gone)
    return {
      enabled: false,
      disabled_reason: 'The endpoint answered 410 Gone: it asked not to be sent events',
    }
  const since = endpoint.failing_since ?? now.toISOString()
  if (now.getTime() - Date.parse(since) >= DISABLE_AFTER_MS) {
    return {
      failing_since: since,
      enabled: false,
      disabled_reason: `No successful delivery since ${since} (5 days): disabled. Fix the endpoint, then enable it again.`,
    }
  }
  return endpoint.failing_since === since ? null : { failing_since: since }
}

/** Sends `message` to `endpoint` now as attempt `attempt`, and logs it; the endpoint's health is updated too. */
export async function attemptDelivery(
  ctx: DeliveryContext,
  endpoint: Endpoint,
  message: Message,
  attempt: number,
): Promise<{ delivery: Delivery; retryAfterSeconds: number | null; disabled: boolean }> {
  const { db, clock, config } = ctx
  const now = clock.now()
  const body = JSON.stringify({ type: message.event_type, timestamp: message.created_at, data: message.data })
  const result = await sendWebhook(
    { url: endpoint.url },
    { id: message.id, timestamp: now, body },
    await signingSecrets(endpoint, config, now),
    {
      mode: config.CG_MODE,
      ...(ctx.resolve ? { resolve: ctx.resolve } : {}),
      ...(ctx.fetch ? { fetch: ctx.fetch } : {}),
    },
  )
  const delivery: Delivery = {
    id: newId('whd'),
    org_id: endpoint.org_id,
    webhook_id: endpoint.id,
    message_id: message.id,
    event_type: message.event_type,
    attempt,
    status_code: result.status_code,
    duration_ms: Math.round(result.duration_ms),
    response_body: result.response_body,
    error: result.error,
    created_at: now.toISOString(),
  }
  const change = health(endpoint, result.ok, result.gone, now)
  if (change) {
    await db.batch([
      db.insert(webhookDeliveries).values(delivery),
      db.update(webhookConfigurations).set(change).where(eq(webhookConfigurations.id, endpoint.id)),
    ])
  } else {
    await statementsFor(db).log.run(delivery) // the usual case, a success after a success: one statement
  }
  return {
    delivery,
    retryAfterSeconds: result.retry_after_seconds,
    disabled: change !== null && 'enabled' in change,
  }
}

/** Attempts so far of `message` to `endpoint`, plus one. */
export async function nextAttempt(db: Db, endpointId: string, messageId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.webhook_id, endpointId), eq(webhookDeliveries.message_id, messageId)))
  return (row?.n ?? 0) + 1
}

/** The wait before retry `attempt` + 1, jittered by up to 10%; null once the schedule is spent. */
export function retryDelay(config: Config, attempt: number, random = Math.random): number | null {
  const delay = (config.WEBHOOK_RETRY_SCHEDULE ?? RETRY_DELAYS_SECONDS)[attempt - 1]
  if (delay === undefined) return null
  return Math.round(delay * (1 + (random() * 2 - 1) * 0.1))
}

/**
 * What every delivery runs: the job's two reads and the log insert, built once per database (drizzle's `prepare`:
 * building a query costs more than running it).
 */
const buildStatements = (db: Db) => ({
  endpoint: db
    .select()
    .from(webhookConfigurations)
    .where(eq(webhookConfigurations.id, sql.placeholder('id')))
    .prepare(),
  message: db
    .select()
    .from(webhookMessages)
    .where(eq(webhookMessages.id, sql.placeholder('id')))
    .prepare(),
  log: db
    .insert(webhookDeliveries)
    .values(
      Object.fromEntries(
        Object.keys(getTableColumns(webhookDeliveries)).map((column) => [column, sql.placeholder(column)]),
      ) as unknown as Delivery,
    )
    .prepare(),
})
const prepared = new WeakMap<Db, ReturnType<typeof buildStatements>>()
function statementsFor(db: Db): ReturnType<typeof buildStatements> {
  let statements = prepared.get(db)
  if (!statements) {
    statements = buildStatements(db)
    prepared.set(db, statements)
  }
  return statements
}

/** The `webhook.deliver` job: one attempt, then done, retried later, or dead once the schedule is spent. */
export const deliverJob: JobHandler = async (payload, ctx, { attempt }): Promise<JobOutcome> => {
  const { message_id, webhook_id } = payload as DeliverPayload
  const reads = statementsFor(ctx.db)
  const [endpoint] = await reads.endpoint.all({ id: webhook_id })
  const [message] = await reads.message.all({ id: message_id })
  // Deleted or disabled since the job was queued: nothing left to deliver.
  if (!endpoint || !message || !endpoint.enabled) return { ok: true }
  const { delivery, retryAfterSeconds, disabled } = await attemptDelivery(ctx, endpoint, message, attempt)
  if (delivery.error === null || disabled) return { ok: true }
  const reason = `webhook ${webhook_id} attempt ${attempt}: ${delivery.error}`
  const delay = retryDelay(ctx.config, attempt)
  if (delay === null) return { ok: false, reason, retryable: false }
  return { ok: false, reason, retryable: true, delaySeconds: retryAfterSeconds ?? delay }
}
