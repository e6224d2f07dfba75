/** @module What a tab declares about its REST resource, and the PostgREST URLs built from it (tabs write none by hand). */
import type { ResourceName } from '@connectgain/contracts/permissions'
import type * as z from 'zod/mini'

/** A contract schema (zod/mini, about 6 KB gzip shared by every tab): the kit parses with it and reads an object's fields. */
export type Schema = z.core.$ZodType<Record<string, unknown>>

/** The contract schemas of a resource: `insert` validates a new row, `update` the changes to one. */
export interface Schemas {
  insert?: Schema
  update: Schema
}

/**
 * What rows a tab edits:
 * - `list`: the organization's rows, paged (tags, quick replies);
 * - `org`: the caller's organization row itself, by the session's org id (organizations);
 * - `own`: the caller's own row, created on first save by an upsert on `user_id` (chat preferences).
 */
export type ResourceShape = 'list' | 'org' | 'own'

/** A tab's resource: the table behind `/rest/v1/<name>`, the columns it shows, its contract. */
export interface ResourceSpec<Row> {
  name: ResourceName
  shape: ResourceShape
  /** The columns to read (`select=`); include `id`. */
  columns: readonly (keyof Row & string)[]
  /**
   * The contract schemas: the same the server validates with. Absent for rows the tab never writes over REST
   * (a read-only list, keys made by a function): such a controller loads, pages and deletes, and never saves.
   */
  schemas?: Schemas
  /** `order=` for lists, e.g. `name.asc`. */
  order?: string
  /** Rows per page of a list. */
  pageSize?: number
  /** Columns a list's search matches (case-insensitive, anywhere in the text). */
  search?: readonly (keyof Row & string)[]
  /** The values of an `own` row that does not exist yet (the contract's defaults). */
  defaults?: Partial<Row>
  /** `list`: more filters, computed at each load, as PostgREST writes them: `{ webhook_id: 'eq.whk_…' }`. */
  filters?: () => Record<string, string>
  /**
   * When the form's fields are not the row's columns (a JSON column's keys as `settings.<key>` fields): the form's
   * values for a row being edited, and the body for the form's values (`changes`: what the member changed, on an
   * edit; null for a new row). By default a row's columns are the fields, and the body is what changed.
   */
  form?: {
    values: (row: Row) => Record<string, unknown>
    body: (
      values: Record<string, unknown>,
      changes: Record<string, unknown> | null,
    ) => Record<string, unknown>
  }
}

/** Rows per page of a list whose spec sets none. */
export const PAGE_SIZE = 25

/** A value inside a PostgREST logical group: quoted, so commas, dots and parentheses are just text. */
const quoted = (value: string) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`

/** `*` and `%` match any run in an `ilike` pattern, `_` one character, so the user's text escapes them. */
const literal = (text: string) => text.replace(/[\\*%_]/g, (c) => `\\${c}`)

/** Options of one request URL; values are plain text (the builder encodes them). */
export interface PathOptions {
  /** A row's id (`id=eq.<id>`). */
  id?: string
  /** Search text matched against the spec's `search` columns. */
  query?: string
  /** `on_conflict=` for an upsert. */
  onConflict?: string
  /** More filters, by column, as PostgREST writes them: `{ day: 'gte.2025-01-01' }`. */
  filters?: Record<string, string>
}

/** What a URL is built from: a resource's name and columns, and a list's order and search columns. */
export type PathSpec<Row> = Pick<ResourceSpec<Row>, 'name' | 'columns' | 'order' | 'search'>

/** `/rest/v1/<name>?select=…&…` for a spec: the only place tabs' URLs are made. */
export function restPath<Row>(spec: PathSpec<Row>, options: PathOptions = {}): string {
  const params = new URLSearchParams({ select: spec.columns.join(',') })
  if (options.id !== undefined) params.set('id', `eq.${options.id}`)
  for (const [column, filter] of Object.entries(options.filters ?? {})) params.set(column, filter)
  const query = options.query?.trim()
  if (query && spec.search?.length) {
    const pattern = quoted(`*${literal(query)}*`)
    params.set('or', `(${spec.search.map((column) => `${column}.ilike.${pattern}`).join(',')})`)
  }
  if (spec.order && options.id === undefined) params.set('order', spec.order)
  if (options.onConflict) params.set('on_conflict', options.onConflict)
  return `/rest/v1/${spec.name}?${params}`
}
