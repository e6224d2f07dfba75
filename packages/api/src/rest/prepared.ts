/**
 * @module Prepared queries of the REST engine, kept by query shape: a request builds its SQL once per shape
 * (drizzle's query building cost more than running the query), then binds only its values.
 */
import type { Db } from '@connectgain/db'
import { sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Bind } from './filters.ts'
import type { Resource } from './registry.ts'

/** Shapes kept per resource; past it the oldest is dropped (a client sending ever new shapes gains nothing). */
const MAX_SHAPES = 200

/** What drizzle's `.prepare()` gives: run again with the values for its placeholders. */
export interface Runnable<T> {
  all(values: Record<string, unknown>): Promise<T>
}

const byDb = new WeakMap<Db, WeakMap<Resource, Map<string, Runnable<unknown>>>>()

/** The prepared query of `shape` for `resource` on `db`, built by `build` the first time. */
export function preparedQuery<T>(
  db: Db,
  resource: Resource,
  shape: string,
  build: () => Runnable<T>,
): Runnable<T> {
  let resources = byDb.get(db)
  if (!resources) {
    resources = new WeakMap()
    byDb.set(db, resources)
  }
  let shapes = resources.get(resource)
  if (!shapes) {
    shapes = new Map()
    resources.set(resource, shapes)
  }
  let query = shapes.get(shape)
  if (!query) {
    query = build()
    if (shapes.size >= MAX_SHAPES) shapes.delete(shapes.keys().next().value as string)
    shapes.set(shape, query)
  }
  return query as Runnable<T>
}

/**
 * A `Bind` that turns each value into a numbered placeholder and collects the values in `values`, encoded
 * the way drizzle encodes a parameter for its column (a boolean column's 1/0, a JSON column's text).
 */
export function placeholders(values: Record<string, unknown>): Bind {
  let n = 0
  return (value, column?: SQLiteColumn) => {
    const name = `p${n++}`
    values[name] = column ? column.mapToDriverValue(value) : value
    return sql.placeholder(name)
  }
}
