/** @module The row a function acts on: one of the caller's org, by id; another org's row is as absent as a missing one. */
import type { Db } from '@connectgain/db'
import { and, eq } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { ApiError } from '../errors.ts'

interface OrgTable extends SQLiteTable {
  id: SQLiteColumn
  org_id: SQLiteColumn
}

/**
 * The caller's org's row `id` of `table`, or 404 CG404 naming `what.field` (`id` unless said otherwise: the body's
 * field that held the id), with where to list them. Another org's row is as absent as a missing one.
 */
export async function orgRow<T extends OrgTable>(
  db: Db,
  table: T,
  orgId: string,
  id: string,
  what: { noun: string; list: string; field?: string },
): Promise<T['$inferSelect']> {
  const [row] = await db
    .select()
    .from(table as SQLiteTable)
    .where(and(eq(table.id, id), eq(table.org_id, orgId)))
  if (!row) {
    // Worded as the REST writes word a reference to another org's row (`contact_id: no contact '…' in …`).
    const message = what.field
      ? `${what.field}: no ${what.noun} '${id}' in this organization`
      : `No ${what.noun} with id '${id}' in this organization`
    throw new ApiError('CG404', message, {
      details: [{ field: what.field ?? 'id', message: `Not a ${what.noun} of this organization` }],
      hint: `List them with ${what.list}`,
    })
  }
  return row as T['$inferSelect']
}
