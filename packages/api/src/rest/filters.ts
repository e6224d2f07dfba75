/** @module Turns parsed PostgREST filters into Drizzle SQL, coercing each value to its column's type. */
import {
  and,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  not,
  or,
  type SQL,
  sql,
} from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { ApiError } from '../errors.ts'
import type { Condition, Filter } from './query.ts'

export type Columns = Record<string, SQLiteColumn>

/** 42703 naming the column, with the columns that do exist. */
export function unknownColumn(resource: string, column: string, known: readonly string[]): ApiError {
  return new ApiError('42703', `column ${resource}.${column} does not exist`, {
    hint: `Readable columns: ${known.join(', ')}`,
  })
}

function coerce(column: SQLiteColumn, raw: string): string | number | boolean {
  const fail = (type: string) =>
    new ApiError('22P02', `invalid input syntax for type ${type}: "${raw}"`, {
      details: `in the filter on column '${column.name}'`,
    })
  switch (column.dataType) {
    case 'number': {
      if (!/^-?\d+(\.\d+)?$/.test(raw)) throw fail('number')
      return Number(raw)
    }
    case 'boolean': {
      if (raw === 'true' || raw === 'false') return raw === 'true'
      throw fail('boolean')
    }
    default:
      return raw
  }
}

/** PostgREST `like` pattern (`*` or `%` any run, `_` one char, `\` escapes) → SQLite GLOB (case-sensitive). */
export function likeToGlob(pattern: string): string {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string
    if (ch === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i] as string
      out += '*?['.includes(next) ? `[${next}]` : next
    } else if (ch === '*' || ch === '%') out += '*'
    else if (ch === '_') out += '?'
    else if (ch === '?' || ch === '[') out += `[${ch}]`
    else out += ch
  }
  return out
}

/**
 * How a value gets into the SQL: inline (drizzle binds it as a parameter of this one query), or as a
 * placeholder of a prepared query that is run again with other values. Either way it is never SQL text.
 */
export type Bind = (value: unknown, column?: SQLiteColumn) => unknown
const inline: Bind = (value) => value

function condition(c: Condition, column: SQLiteColumn, bind: Bind): SQL {
  const value = (raw: string) => bind(coerce(column, raw), column)
  switch (c.op) {
    case 'eq':
      return eq(column, value(c.value))
    case 'neq':
      return ne(column, value(c.value))
    case 'gt':
      return gt(column, value(c.value))
    case 'gte':
      return gte(column, value(c.value))
    case 'lt':
      return lt(column, value(c.value))
    case 'lte':
      return lte(column, value(c.value))
    case 'like':
      return sql`${column} GLOB ${bind(likeToGlob(c.value))}`
    case 'ilike':
      return sql`lower(${column}) GLOB lower(${bind(likeToGlob(c.value))})`
    case 'in':
      return c.value.length === 0 ? sql`0` : inArray(column, c.value.map(value))
    case 'is':
      switch (c.value) {
        case 'null':
        case 'unknown':
          return isNull(column)
        case 'not_null':
          return isNotNull(column)
        default:
          return sql`${column} IS ${c.value === 'true' ? sql`1` : sql`0`}`
      }
  }
}

/** One filter (a condition or an and/or group) as SQL; unknown columns answer 42703. */
export function filterToSql(filter: Filter, columns: Columns, resource: string, bind: Bind = inline): SQL {
  let clause: SQL | undefined
  if (filter.kind === 'cond') {
    const column = columns[filter.column]
    if (!column) throw unknownColumn(resource, filter.column, Object.keys(columns))
    clause = condition(filter, column, bind)
  } else {
    const parts = filter.filters.map((f) => filterToSql(f, columns, resource, bind))
    clause = (filter.kind === 'and' ? and(...parts) : or(...parts)) ?? sql`1`
  }
  return filter.negate ? not(clause) : clause
}

/**
 * What of `filter` shapes the SQL text `filterToSql` writes, with every bound value left out: two filters
 * with the same shape give the same SQL and differ only in the values bound. Everything `condition` puts
 * into the text must be here (the operator, negation, an `is` value, the length of an `in` list).
 */
export function filterShape(filter: Filter): string {
  const not = filter.negate ? '!' : ''
  if (filter.kind !== 'cond') return `${not}${filter.kind}(${filter.filters.map(filterShape).join(',')})`
  const detail = filter.op === 'in' ? String(filter.value.length) : filter.op === 'is' ? filter.value : ''
  return `${not}${filter.column}.${filter.op}.${detail}`
}
