/**
 * @module A write's one batch: the request's own statements, what its request hooks add (the kit's for ordered and
 * one-default resources first, then the resource's own), and every row hook's statements for every row written,
 * the rows the hooks changed included. All commit together or none does.
 */
import { fromConstraint } from '../middleware/errors.ts'
import { keepOneDefault } from './one-default.ts'
import { assignPositions } from './ordered.ts'
import type {
  HookResult,
  Registry,
  RequestHook,
  Resource,
  Statement,
  WriteContext,
  WriteEvent,
} from './registry.ts'

/** The request hooks a resource's writes run, in order. */
export function requestHooks(resource: Resource): RequestHook[] {
  return [
    ...(resource.ordered ? [assignPositions] : []),
    ...(resource.oneDefault ? [keepOneDefault(resource.oneDefault)] : []),
    ...resource.hooks,
  ]
}

export type Added = Required<HookResult>

/** Runs `resource`'s request hooks over one request's rows; a hook that refuses throws before anything is written. */
export async function runRequestHooks(
  resource: Resource,
  events: readonly WriteEvent[],
  ctx: WriteContext,
): Promise<Added> {
  const added: Added = { before: [], after: [], changes: [] }
  for (const hook of requestHooks(resource)) {
    const result = await hook(events, ctx)
    added.before.push(...(result?.before ?? []))
    added.after.push(...(result?.after ?? []))
    added.changes.push(...(result?.changes ?? []))
  }
  return added
}

export interface Batch {
  /** The request's own writes; their results come back, in order. */
  writes: Statement[]
  /** The rows they write. */
  events: readonly WriteEvent[]
  /** What the request hooks added. */
  added: Added
}

export interface CommitOptions {
  registry: Registry
  /** Called after the commit when a row hook fed an outbox (the host kicks its dispatcher in the background). */
  onOutbox?: () => void
}

/**
 * Commits `batch` with every row hook's statements; answers the writes' results. A constraint the batch breaks
 * is answered as the resource's error (23505 naming the column, …), and nothing is written.
 */
export async function commitBatch(
  resource: Resource,
  ctx: WriteContext,
  { writes, events, added }: Batch,
  { registry, onOutbox }: CommitOptions,
): Promise<unknown[]> {
  if (writes.length === 0 && added.before.length === 0 && added.after.length === 0) return []
  let fedOutbox = false
  const rowStatements = [...events, ...added.changes].flatMap((event) =>
    [...event.resource.onWrite, ...registry.hooks].flatMap((hook) => {
      const statements = hook(event, ctx)
      if (hook.feedsOutbox && statements.length > 0) fedOutbox = true
      return statements
    }),
  )
  const all = [...added.before, ...writes, ...added.after, ...rowStatements] as [Statement, ...Statement[]]
  try {
    const results = await ctx.db.batch(all)
    if (fedOutbox) onOutbox?.()
    return results.slice(added.before.length, added.before.length + writes.length)
  } catch (err) {
    throw fromConstraint(err, resource) ?? err
  }
}
