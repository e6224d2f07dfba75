/**
 * @module The resource registry: each REST resource declared once (table, contracts, scope, policy, secret
 * columns, hooks); the REST engine, OpenAPI, the error mapper and the contract tests read only this.
 */
import { type ResourceName, type Role, resourcePolicies } from '@connectgain/contracts'
import { type Db, SERVER_SET } from '@connectgain/db'
import { getTableColumns } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { z } from 'zod'
import type { Caller } from '../caller.ts'
import type { Config } from '../config.ts'

export type Operation = 'select' | 'insert' | 'update' | 'delete'
export type Row = Record<string, unknown>

/** `org`: rows belong to the caller's org. `user`: to the calling member inside their org; others' rows do not exist. */
export type Scope = 'org' | 'user'

/** What `afterRead` may use: the configuration (ENCRYPTION_KEY to unmask a secret), the request's time. */
export interface ReadContext {
  config: Config
  /** Who reads: a row may show less to one caller than to another (a member's own audit entries). */
  caller: Caller
  /** The host clock's time for this read (a status derived against the time, e.g. an expiry). */
  now: Date
  /** The request's URL, for absolute links in a row (a channel's inbound URL); absent outside a request. */
  url?: string
  /** The row was just written by this request, which answers it: `insert` for the POST that created it. */
  written?: WriteEvent['op']
}

/** What a hook may use: the database (to build statements), the caller, the time of the write, config. */
export interface WriteContext {
  db: Db
  caller: Caller
  /** ISO time of this write: the same in the row and in whatever the hooks add. */
  now: string
  config: Config
}

/** One row's change, as the write hooks see it. Rows hold stored columns, secrets included. */
export interface WriteEvent {
  op: 'insert' | 'update' | 'delete'
  resource: Resource
  /** The row before the write; null for an insert. */
  before: Row | null
  /** The row after the write; null for a delete. */
  after: Row | null
  caller: Caller
}

export type Statement = BatchItem<'sqlite'>

/**
 * Statements for the same `db.batch` as one written row, so that both commit or neither does (an audit row, an
 * outbox row). Runs for every row a request writes, the rows its request hooks change included.
 */
export interface RowHook {
  (event: WriteEvent, ctx: WriteContext): Statement[]
  /** Its statements feed an outbox: the outbox dispatcher is kicked after the batch commits. */
  readonly feedsOutbox?: boolean
}

/** A row hook whose statements feed an outbox (webhook events, pushes). */
export const outboxHook = (hook: (event: WriteEvent, ctx: WriteContext) => Statement[]): RowHook =>
  Object.assign(hook, { feedsOutbox: true as const })

/** What a request hook adds to the request's batch. */
export interface HookResult {
  /** Statements that run before the request's own writes (clearing the old default before a new one is set). */
  before?: Statement[]
  /** Statements that run after them. */
  after?: Statement[]
  /** The rows those statements change, as write events: the audit log records them and their row hooks run. */
  changes?: WriteEvent[]
}

/**
 * Sees every row of one request before anything is written: it refuses the request by throwing an `ApiError`
 * (nothing is written), or adds statements to its batch. An insert's `after` rows may be edited in place: the
 * rows are written as the hooks leave them.
 */
export type RequestHook = (
  events: readonly WriteEvent[],
  ctx: WriteContext,
) => HookResult | undefined | Promise<HookResult | undefined>

/** What a resource file declares; `defineResource` fills in the rest. */
export interface ResourceDeclaration {
  /** The path segment `/rest/v1/{name}`, and (unless `policy` says otherwise) its row of the permission matrix. */
  name: string
  /** The matrix row that decides access, when it is not `name` (test resources borrow one). */
  policy?: ResourceName
  /** Sentence for the OpenAPI reference. */
  description: string
  /** One row in words ("organization", "quick reply"), for messages; the name less its final "s" by default. */
  singular?: string
  table: SQLiteTable
  /** Whose rows these are: `org` (the default) or `user`. */
  scope?: Scope
  /** The column holding the owning org's id (default `org_id`; `id` for the organizations table itself). */
  orgColumn?: string
  /** The readable shape. Keys not in the table are derived, filled in by `afterRead`. */
  row: z.core.$ZodObject
  /** Body of POST (one object, or an array); absent when rows cannot be created over REST. */
  insert?: z.core.$ZodType<Row>
  /** Body of PATCH; absent when rows cannot be updated over REST. */
  update?: z.core.$ZodType<Row>
  /** Whether DELETE is allowed. */
  deletable?: boolean
  /**
   * The org's business data (contacts, deals, …), not its settings: counted by `data-summary` and deleted by
   * `delete-all-data`. Settings, members, keys, webhooks, the audit log and personal rows never are.
   */
  domainData?: boolean
  /** Id prefix for new rows (`org`, `tag`, …). */
  idPrefix: string
  /** Stored columns that are never readable, selectable, filterable or orderable, whatever is asked. */
  secret?: readonly string[]
  /**
   * The readable columns a role is limited to, for a role that may read the rows but not all of each (agents read a
   * channel's name and type, not how it is connected). The select list, `select=`, filters and ordering all keep to
   * them, as they do to the readable columns; roles not named read every readable column.
   */
  columnsFor?: Readonly<Partial<Record<Role, readonly string[]>>>
  /**
   * Columns holding the id of another resource's row (`{ contact_id: 'contacts' }`): a write must name a row of
   * the caller's own org, else 409 23503 naming the column (another org's row is as absent as a missing one).
   */
  references?: Readonly<Record<string, string>>
  /** Turns a parsed body into stored columns (hash or encrypt a secret); `op` says whether it is a new row. */
  beforeWrite?: (values: Row, ctx: WriteContext & { op: 'insert' | 'update' }) => Row | Promise<Row>
  /**
   * On PATCH (and a merging upsert), for each row the write touches, after `beforeWrite`: the stored columns that row
   * gets, from the request's and the row as it is (a JSON column merged into what it holds, checked against the row's
   * own type). Its rows are then written one statement each.
   */
  mergeUpdate?: (set: Row, before: Row, ctx: WriteContext) => Row | Promise<Row>
  /** Shapes a stored row (secrets included) for output: derive a column, mask a secret. */
  afterRead?: (row: Row, ctx: ReadContext) => Row | Promise<Row>
  /** Hooks over the whole request, in order, before its batch is built (see `RequestHook`). */
  hooks?: readonly RequestHook[]
  /** Statements for the same batch as each written row: a feature's events or pushes (see `RowHook`). */
  onWrite?: readonly RowHook[]
  /**
   * An ordered list: the table's `position` column is set on insert (after the org's last row) and rewritten, all
   * rows at once, by `POST /functions/v1/reorder`.
   */
  ordered?: boolean
  /**
   * A boolean column of which exactly one row per org is true (a partial unique index backs it): setting it on one
   * row clears it on the others, and of two rows that set it in one request the last one keeps it.
   */
  oneDefault?: string
  /** The rows every new org starts with (their server-set columns are filled in), in order. */
  orgDefaults?: readonly Row[]
  /** A valid POST body, unique per `n`: the generated contract tests and the docs use it. */
  sample?: (n: string) => Row
}

export interface Resource extends ResourceDeclaration {
  policy: ResourceName
  hooks: readonly RequestHook[]
  onWrite: readonly RowHook[]
  singular: string
  scope: Scope
  orgColumn: string
  deletable: boolean
  domainData: boolean
  secret: readonly string[]
  /** Every stored column of the table, by name. */
  stored: Readonly<Record<string, SQLiteColumn>>
  /** The server-set columns this table has. */
  serverColumns: ReadonlySet<string>
  /** Readable columns that exist in the table: selectable, filterable, orderable. */
  columns: Readonly<Record<string, SQLiteColumn>>
  /** Readable columns `afterRead` derives: selectable only. */
  derived: readonly string[]
}

export function defineResource(declaration: ResourceDeclaration): Resource {
  const stored = getTableColumns(declaration.table) as Record<string, SQLiteColumn>
  const secret = declaration.secret ?? []
  const readable = Object.keys(declaration.row._zod.def.shape).filter((c) => !secret.includes(c))
  const orgColumn = declaration.orgColumn ?? 'org_id'
  for (const column of [orgColumn, ...secret, ...(declaration.scope === 'user' ? ['user_id'] : [])]) {
    if (!stored[column]) throw new Error(`${declaration.name}: the table has no column '${column}'`)
  }
  if (declaration.ordered && !stored.position)
    throw new Error(`${declaration.name}: an ordered table needs 'position'`)
  if (declaration.oneDefault && !stored[declaration.oneDefault])
    throw new Error(`${declaration.name}: the table has no column '${declaration.oneDefault}'`)
  const policy = declaration.policy ?? declaration.name
  if (declaration.domainData && (declaration.scope ?? 'org') !== 'org')
    throw new Error(`${declaration.name}: domain data belongs to the org, not to one member`)
  if (!isKnownResource(policy))
    throw new Error(`${declaration.name}: add it to resourcePolicies in contracts`)
  for (const [role, columns] of Object.entries(declaration.columnsFor ?? {})) {
    const unknown = columns.find((c) => !readable.includes(c))
    if (unknown !== undefined)
      throw new Error(`${declaration.name}: columnsFor.${role} names '${unknown}', which is not readable`)
  }
  return {
    ...declaration,
    policy,
    hooks: declaration.hooks ?? [],
    onWrite: declaration.onWrite ?? [],
    singular: declaration.singular ?? declaration.name.replace(/s$/, '').replaceAll('_', ' '),
    scope: declaration.scope ?? 'org',
    orgColumn,
    deletable: declaration.deletable ?? false,
    domainData: declaration.domainData ?? false,
    secret,
    stored,
    // user_id names the caller only in a user-scoped resource; elsewhere it is an ordinary column.
    serverColumns: new Set(
      SERVER_SET.filter((c) => stored[c] && (c !== 'user_id' || declaration.scope === 'user')),
    ),
    columns: Object.fromEntries(readable.flatMap((c) => (stored[c] ? [[c, stored[c]]] : []))),
    derived: readable.filter((c) => !stored[c]),
  }
}

export interface Registry extends ReadonlyMap<string, Resource> {
  /** Row hooks every resource's writes run (the audit log), after the resource's own. */
  readonly hooks: readonly RowHook[]
}

export function createRegistry(resources: readonly Resource[], hooks: readonly RowHook[] = []): Registry {
  return Object.assign(new Map(resources.map((r) => [r.name as string, r])), { hooks })
}

/** The resources that declare `domainData`, in registration order. */
export function domainResources(registry: ReadonlyMap<string, Resource>): Resource[] {
  return [...registry.values()].filter((r) => r.domainData)
}

/** Every registered resource's policy is a row of the permission matrix. */
export const isKnownResource = (name: string): name is ResourceName => name in resourcePolicies

export function readableColumns(resource: Resource): string[] {
  return [...Object.keys(resource.columns), ...resource.derived]
}

/** The readable columns `role` reads: all of them unless the resource's `columnsFor` limits the role. */
export function readableFor(resource: Resource, role: Role): string[] {
  const limited = resource.columnsFor?.[role]
  const all = readableColumns(resource)
  return limited ? all.filter((c) => limited.includes(c)) : all
}

/** The stored readable columns `role` may filter and order by (see `readableFor`). */
export function filterableFor(resource: Resource, role: Role): Readonly<Record<string, SQLiteColumn>> {
  const limited = resource.columnsFor?.[role]
  if (!limited) return resource.columns
  return Object.fromEntries(Object.entries(resource.columns).filter(([c]) => limited.includes(c)))
}

export function operations(resource: Resource): Operation[] {
  const ops: Operation[] = ['select']
  if (resource.insert) ops.push('insert')
  if (resource.update) ops.push('update')
  if (resource.deletable) ops.push('delete')
  return ops
}
