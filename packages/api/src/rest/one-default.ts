/**
 * @module "Exactly one default per org" (`oneDefault: 'is_default'`): a partial unique index holds it in the
 * database, and this request hook keeps every write inside it. Setting the default on a row clears it on the one
 * that had it (in the same batch, before the write, as a change the audit log records); of several new rows that
 * set it, the last keeps it; a new org's first row becomes the default; and the default cannot be unset or deleted
 * without naming another.
 */
import { and, eq, ne } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { ApiError } from '../errors.ts'
import type { RequestHook, Row, WriteEvent } from './registry.ts'

export function keepOneDefault(column: string): RequestHook {
  return async (events, { db, caller, now }) => {
    const resource = events[0]?.resource
    if (!resource) return
    const table = resource.table
    const col = resource.stored[column] as SQLiteColumn
    const id = resource.stored.id as SQLiteColumn
    const org = resource.stored[resource.orgColumn] as SQLiteColumn
    const current = (await db
      .select()
      .from(table)
      .where(and(eq(org, caller.orgId), eq(col, true)))) as Row[]
    const sets = (e: WriteEvent) => e.after?.[column] === true && e.before?.[column] !== true
    const setting = events.filter(sets)
    const winner = setting.at(-1)
    for (const event of setting) {
      if (event === winner) continue
      if (event.op !== 'insert' || !event.after) {
        throw new ApiError('21000', `Only one ${resource.singular} can be the default`, {
          details: [{ field: column, message: 'Only one row can be the default', issue: 'custom' }],
          hint: `Set ${column} on one ${resource.singular} at a time`,
        })
      }
      event.after[column] = false
    }
    if (!winner) {
      const unsets = events.find(
        (e) => e.before?.[column] === true && (e.op === 'delete' || e.after?.[column] === false),
      )
      if (unsets) {
        const verb = unsets.op === 'delete' ? 'deleted' : 'unset'
        throw new ApiError('CG409', `The default ${resource.singular} cannot be ${verb}`, {
          details: [{ field: column, message: 'Exactly one row is the default', issue: 'custom' }],
          hint: `Make another ${resource.singular} the default first`,
        })
      }
      const first = events.find((e) => e.op === 'insert' && e.after)
      if (current.length === 0 && first?.after) first.after[column] = true
      return
    }
    const winnerId = winner.after?.id
    const cleared = current.filter((row) => row.id !== winnerId)
    if (cleared.length === 0) return
    const set: Row = { [column]: false }
    if (resource.serverColumns.has('updated_at')) set.updated_at = now
    return {
      before: [
        db
          .update(table)
          .set(set)
          .where(and(eq(org, caller.orgId), eq(col, true), ne(id, String(winnerId)))),
      ],
      changes: cleared.map((row) => ({
        op: 'update',
        resource,
        before: row,
        after: { ...row, ...set },
        caller,
      })),
    }
  }
}
