/** @module The conflict target of an upsert: `on_conflict` plus the scope columns, matched to a unique key of the table. */
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import { ApiError } from '../errors.ts'
import { unknownColumn } from './filters.ts'
import { type Resource, readableColumns } from './registry.ts'

/** Every set of columns the table holds unique: its primary key, unique columns, constraints and indexes. */
export function uniqueKeys(table: SQLiteTable): string[][] {
  const config = getTableConfig(table)
  const names = (columns: readonly unknown[]) =>
    columns.map((c) => (c as SQLiteColumn).name).filter((n): n is string => typeof n === 'string')
  return [
    ...config.columns.filter((c) => c.primary || c.isUnique).map((c) => [c.name]),
    ...config.primaryKeys.map((pk) => names(pk.columns)),
    ...config.uniqueConstraints.map((u) => names(u.columns)),
    ...config.indexes.filter((i) => i.config.unique).map((i) => names(i.config.columns)),
  ]
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((c) => b.includes(c))

/**
 * The columns an upsert matches rows on. The scope columns are always part of it, so an upsert can
 * only ever meet the caller's own rows; what remains must be a unique key, or the request is refused.
 */
export function conflictTarget(resource: Resource, onConflict: readonly string[]): string[] {
  const scope = [resource.orgColumn, ...(resource.scope === 'user' ? ['user_id'] : [])]
  const nameable = [...readableColumns(resource), ...scope]
  for (const column of onConflict) {
    if (!nameable.includes(column) || !resource.stored[column])
      throw unknownColumn(resource.name, column, nameable)
  }
  const target = [...new Set([...scope, ...onConflict])]
  const keys = uniqueKeys(resource.table)
  if (keys.some((key) => sameSet(key, target))) return target
  const usable = keys
    .filter((key) => scope.every((c) => key.includes(c)))
    .map((key) => key.filter((c) => !scope.includes(c)).join(',') || scope.at(-1))
  throw new ApiError(
    '42P10',
    'there is no unique or exclusion constraint matching the ON CONFLICT specification',
    {
      details: `on_conflict=${onConflict.join(',')} on ${resource.name}`,
      hint: usable.length
        ? `Use on_conflict=${usable.join(' or on_conflict=')}`
        : `${resource.name} cannot be upserted`,
    },
  )
}
