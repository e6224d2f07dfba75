/** @module The resource registry: each REST resource declared once, with its table, contracts and scope. */
import type { ResourceName } from '@connectgain/contracts'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { z } from 'zod'

export type Operation = 'select' | 'insert' | 'update' | 'delete'

export interface Resource {
  /** The path segment: `/rest/v1/{name}`. */
  name: string
  /** The permission-matrix entry that decides who may read and write it (usually its own name). */
  policy: ResourceName
  /** Sentence for the OpenAPI reference. */
  description: string
  table: SQLiteTable
  /** The column that holds the owning org's id: rows whose value differs from the caller's org do not exist for it. */
  orgColumn: SQLiteColumn
  /** The readable shape. Its keys are the readable columns; secret columns are simply not in it. */
  row: z.ZodObject
  /** Body of POST (one object, or an array of them); absent when the resource cannot be created over REST. */
  insert?: z.ZodType<Record<string, unknown>>
  /** Body of PATCH; absent when rows cannot be updated over REST. */
  update?: z.ZodType<Record<string, unknown>>
  /** Whether DELETE is allowed. */
  deletable: boolean
  /** Id prefix for new rows (`org`, `key`, …). */
  idPrefix: string
  /** Set `updated_at` on every update. */
  touchesUpdatedAt: boolean
}

export function defineResource(resource: Resource): Resource {
  return resource
}

export type Registry = ReadonlyMap<string, Resource>

export function createRegistry(resources: readonly Resource[]): Registry {
  return new Map(resources.map((r) => [r.name, r]))
}

export function readableColumns(resource: Resource): string[] {
  return Object.keys(resource.row.shape)
}

export function operations(resource: Resource): Operation[] {
  const ops: Operation[] = ['select']
  if (resource.insert) ops.push('insert')
  if (resource.update) ops.push('update')
  if (resource.deletable) ops.push('delete')
  return ops
}
