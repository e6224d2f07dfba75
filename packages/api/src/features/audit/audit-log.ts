/** @module The audit log: the first write hook. Every change to a setting adds its row to the same batch. */
import { REDACTED } from '@connectgain/contracts'
import { auditLog, newId } from '@connectgain/db'
import type { Caller } from '../../caller.ts'
import type { Row, RowHook, WriteContext } from '../../rest/registry.ts'

/** The actor columns of a caller: the member, or the API key. */
export const actorOf = (caller: Caller) =>
  caller.kind === 'session'
    ? { actor_type: 'user' as const, actor_id: caller.userId }
    : { actor_type: 'api_key' as const, actor_id: caller.keyId }

function redact(row: Row | null, secret: readonly string[]): Row | null {
  if (!row) return null
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, secret.includes(k) && v != null ? REDACTED : v]),
  )
}

export interface AuditChange {
  /** `reveal`: a secret was shown (reveal-webhook-secret); before and after are null. */
  action: 'insert' | 'update' | 'delete' | 'reveal'
  /** The REST resource or function that changed something. */
  resource: string
  rowId: string
  before: Row | null
  after: Row | null
  /** Columns whose values the log must not hold. */
  secret?: readonly string[]
  /** The member whose own row this is (a user-scoped resource): only they read its values. */
  subjectUserId?: string | null
}

/** The audit row for one change, as a statement for the caller's batch (functions use this directly). */
export function auditStatement(ctx: Pick<WriteContext, 'db' | 'caller' | 'now'>, change: AuditChange) {
  const secret = change.secret ?? []
  return ctx.db.insert(auditLog).values({
    id: newId('aud'),
    org_id: ctx.caller.orgId,
    ...actorOf(ctx.caller),
    action: change.action,
    resource: change.resource,
    row_id: change.rowId,
    before: redact(change.before, secret),
    after: redact(change.after, secret),
    subject_user_id: change.subjectUserId ?? null,
    created_at: ctx.now,
  })
}

/** The registry hook: one audit row per written row of every resource. */
export const auditHook: RowHook = (event, ctx) => {
  const row = event.after ?? event.before
  return [
    auditStatement(ctx, {
      action: event.op,
      resource: event.resource.name,
      rowId: String(row?.id ?? ''),
      before: event.before,
      after: event.after,
      secret: event.resource.secret,
      subjectUserId: event.resource.scope === 'user' ? String(row?.user_id ?? '') : null,
    }),
  ]
}
