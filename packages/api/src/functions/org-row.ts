/** @module The row a function acts on: one of the caller's org, by id; another org's row is as absent as a missing one. */
import type { Db } from '@connectgain/db'
import { and, eq } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { ApiError } from '../errors.ts'

interface OrgTable extends SQLiteTable {
  id: SQLiteColumn
  org_id: SQLiteColumn
}

/** The caller's org's row `id` of `table`, or 404 CG404 naming `id` (with where to list them). */
export async function orgRow<T extends OrgTable>(
  db: Db,
  table: T,
  orgId: string,
  id: string,
  what: { noun: string; list: string },
): Promise<T['$inferSelect']> {
  const [row] = await db
    .select()
    .from(table as SQLiteTable)
    .where(and(eq(table.id, id), eq(table.org_id, orgId)))
  if (!row) {
    throw new ApiError('CG404', `No ${what.noun} with id '${id}' in this organization`, {
      details: [{ field: 'id', message: `Not a ${what.noun} of this organization` }],
      hint: `List them with ${what.list}`,
    })
  }
  return row as T['$inferSelect']
}
