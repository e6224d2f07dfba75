/** @module ResourceController: a tab's rows and form: load, page, search, create, save, remove, per-field errors. */
import type { FieldIssue } from '@connectgain/contracts/errors'
import { toFieldIssues } from '@connectgain/contracts/issues'
import { can } from '@connectgain/contracts/permissions'
import { ContextConsumer } from '@lit/context'
import type { ReactiveController, ReactiveElement } from 'lit'
import * as z from 'zod/mini'
import { type ApiClient, ApiRequestError } from '../api/client.ts'
import { canRetry, failureText } from '../api/failure-text.ts'
import { apiContext, sessionContext } from '../context.ts'
import type { Session } from '../session.ts'
import { ActionKey } from './action-key.ts'
import { busyError, byField, FormModel, type Values } from './form-model.ts'
import { PAGE_SIZE, type ResourceSpec, restPath, type Schema } from './resource.ts'

/** How the last load went: a list with no rows is `empty`. */
export type LoadStatus = 'loading' | 'ready' | 'empty' | 'failed'

/** A save that did not happen is a value: the form was `invalid` (nothing sent), or the server said no. */
export type SaveResult<Row> =
  | { ok: true; row: Row }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'failed'; error: ApiRequestError }

export type RemoveResult = { ok: true } | { ok: false; error: ApiRequestError }

/** The values an insert schema fills in when a field is left out (`_default(…)`). */
function defaultsOf(schema: Schema): Values {
  const shape = schema._zod.def.type === 'object' ? (schema as z.core.$ZodObject)._zod.def.shape : {}
  return Object.fromEntries(
    Object.entries(shape).flatMap(([key, field]) => {
      const parsed = z.safeParse(field, undefined)
      return parsed.success && parsed.data !== undefined ? [[key, parsed.data]] : []
    }),
  )
}

const notSignedIn = () => new ApiRequestError(401, 'PGRST301', 'Not signed in')

const asApiError = (err: unknown): ApiRequestError => {
  if (err instanceof ApiRequestError) return err
  throw err // not an HTTP failure: a bug, not a value
}

/**
 * Everything a tab does with its REST resource. It takes the API client and session from the shell's
 * context, loads when both are there (and again when they change), and re-renders its host on every change.
 *
 * The form half holds the values being edited, the values last loaded or saved (so `dirty` and `changes`),
 * and per-field issues from the client-side parse of the contract schema and from the server's `details`.
 */
export class ResourceController<Row extends { id: string }> extends FormModel implements ReactiveController {
  status: LoadStatus = 'loading'
  /** Why the last load failed, in words for the member. */
  loadError = ''
  /** Whether Try again can help after the last failed load (not after a refusal or an expired session). */
  canRetry = false
  /** A save or another write is in flight: a second one is refused until it settles (one click, one request). */
  saving = false
  /** `list`: the page of rows shown, the total the server counted, the first row's offset, the search. */
  rows: Row[] = []
  total = 0
  offset = 0
  query = ''
  /** `org`/`own`: the row as last loaded or saved; `own` is null until the member first saves. */
  row: Row | null = null
  /** `list`: the row being edited, `'new'` while creating one, null while the list shows. */
  editing: Row | 'new' | null = null
  private readonly api: ContextConsumer<typeof apiContext, ReactiveElement>
  /** A create sent again with the same body after a failure (a timeout that did go through) is the same action. */
  private readonly action = new ActionKey()
  private readonly sessionContext: ContextConsumer<typeof sessionContext, ReactiveElement>
  private loadedFor: unknown[] = []
  /** Counts loads, so an answer to an older one is dropped. */
  private loads = 0

  constructor(
    host: ReactiveElement,
    readonly spec: ResourceSpec<Row>,
  ) {
    super(host)
    host.addController(this)
    this.api = new ContextConsumer(host, { context: apiContext, subscribe: true })
    this.sessionContext = new ContextConsumer(host, { context: sessionContext, subscribe: true })
  }

  /** The signed-in member, from the shell. */
  get session(): Session | null {
    return this.sessionContext.value ?? null
  }

  /** Whether the member's role may write this resource (the server checks again). */
  get canWrite(): boolean {
    return this.session ? can(this.session.role, 'write', this.spec.name) : false
  }

  get pageSize(): number {
    return this.spec.pageSize ?? PAGE_SIZE
  }

  hostUpdate(): void {
    const api = this.api.value
    const session = this.session
    if (!api || !session) return
    const key = [api, session.orgId, session.userId]
    if (key.some((part, i) => part !== this.loadedFor[i])) {
      this.loadedFor = key
      void this.load()
    }
  }

  hostDisconnected(): void {
    this.loadedFor = []
    this.loads++
  }

  /** Loads the page (`list`) or the row (`org`, `own`); `status` says how it went. */
  async load(): Promise<void> {
    const api = this.api.value
    const session = this.session
    if (!api || !session) return
    const ticket = ++this.loads
    this.status = 'loading'
    try {
      const loaded = await this.fetch(api, session)
      if (ticket !== this.loads) return
      this.status = loaded
    } catch (err) {
      if (ticket !== this.loads) return
      const error = asApiError(err)
      this.loadError = failureText(error)
      this.canRetry = canRetry(error)
      this.status = 'failed'
    }
    this.host.requestUpdate()
  }

  private async fetch(api: ApiClient, session: Session): Promise<LoadStatus> {
    const { spec } = this
    if (spec.shape === 'list') {
      const path = restPath(spec, { query: this.query, filters: spec.filters?.() ?? {} })
      const page = await api.page<Row>(path, this.offset, this.pageSize)
      this.rows = page.rows
      this.total = page.total ?? page.rows.length
      return page.rows.length ? 'ready' : 'empty'
    }
    const row =
      spec.shape === 'org'
        ? await api.request<Row>(restPath(spec, { id: session.orgId }), { single: true })
        : ((await api.request<Row[]>(restPath(spec)))[0] ?? null)
    this.row = row
    this.reset(row ?? spec.defaults ?? {})
    return 'ready'
  }

  /** Shows the list from row `offset`. */
  page(offset: number): Promise<void> {
    this.offset = Math.max(0, offset)
    return this.load()
  }

  /** Filters the list by `query` on the spec's `search` columns (on the server), from the first page. */
  search(query: string): Promise<void> {
    this.query = query
    this.offset = 0
    return this.load()
  }

  // ---- the form ----

  override set(name: string, value: unknown): void {
    this.values = { ...this.values, [name]: value }
    // A field that shows an issue is checked again as the member fixes it.
    if (this.errors[name]) {
      const { [name]: _fixed, ...others } = this.errors
      const issue = this.check()[name]
      this.errors = issue ? { ...others, [name]: issue } : others
    }
    this.host.requestUpdate()
  }

  /** `list`: edits `row`. */
  edit(row: Row): void {
    this.editing = row
    this.reset(this.spec.form?.values(row) ?? row)
  }

  /** `list`: starts a new row, filled with the contract's defaults. */
  create(): void {
    this.editing = 'new'
    const insert = this.spec.schemas?.insert
    this.reset(insert ? defaultsOf(insert) : {})
  }

  /** `list`: back to the list; edits are dropped. */
  cancel(): void {
    this.editing = null
    this.reset({})
  }

  /** Issues of the form by the contract: a new row whole by `insert`, an edit's changes by `update`. */
  private check(): Record<string, FieldIssue> {
    const parsed = this.parse()
    return parsed.success ? {} : byField(toFieldIssues(parsed.error))
  }

  private parse() {
    if (!this.spec.schemas)
      throw new Error(`${this.spec.name}: the tab declared no schemas, so it cannot write rows`)
    const { insert, update } = this.spec.schemas
    const creating = this.editing === 'new'
    const { form } = this.spec
    const body = form
      ? form.body(this.values, creating ? null : this.changes)
      : creating
        ? this.values
        : this.changes
    return z.safeParse((creating && insert) || update, body)
  }

  /**
   * Validates and sends the form: a new row is POSTed, an edit PATCHed by id, an `own` row upserted on
   * `user_id`. Field issues (the client's or the server's) land in `errors`; a list reloads its page after.
   */
  async save(): Promise<SaveResult<Row>> {
    if (this.saving) return { ok: false, reason: 'failed', error: busyError() }
    const api = this.api.value
    const session = this.session
    if (!api || !session) return { ok: false, reason: 'failed', error: notSignedIn() }
    this.saving = true
    this.host.requestUpdate()
    try {
      const parsed = this.parse()
      const refused = this.refusals(parsed.success ? {} : byField(toFieldIssues(parsed.error)))
      if (refused || !parsed.success) {
        this.errors = refused ?? {}
        return { ok: false, reason: 'invalid' }
      }
      const row = await this.send(api, session, parsed.data)
      this.action.done()
      if (this.spec.shape === 'list') {
        this.cancel()
        await this.load()
      } else {
        this.row = row
        this.reset(row)
      }
      return { ok: true, row }
    } catch (err) {
      const error = asApiError(err)
      this.errors = error.fieldIssues
      return { ok: false, reason: 'failed', error }
    } finally {
      this.saving = false
      this.host.requestUpdate()
    }
  }

  private async send(api: ApiClient, session: Session, body: Values): Promise<Row> {
    const { spec, editing } = this
    const write = { body, returnRepresentation: true } as const
    if (spec.shape === 'own') {
      const path = restPath(spec, { onConflict: 'user_id' })
      const post = { ...write, method: 'POST', upsert: true, idempotencyKey: this.action.for(body) } as const
      return (await api.request<Row[]>(path, post))[0] as Row
    }
    if (spec.shape === 'list' && editing === 'new') {
      const post = { ...write, method: 'POST', idempotencyKey: this.action.for(body) } as const
      return (await api.request<Row[]>(restPath(spec), post))[0] as Row
    }
    const id = spec.shape === 'org' ? session.orgId : (editing as Row).id
    return api.request<Row>(restPath(spec, { id }), { ...write, method: 'PATCH', single: true })
  }

  /**
   * `list` of an ordered resource: the rows in the order `ids` gives, at once, then one reorder call naming every
   * row; if it fails, they go back to where they were.
   */
  async reorder(ids: readonly string[]): Promise<RemoveResult> {
    const api = this.api.value
    if (!api) return { ok: false, error: notSignedIn() }
    const before = this.rows
    const byId = new Map(before.map((row) => [row.id, row]))
    this.rows = ids.flatMap((id) => byId.get(id) ?? [])
    this.host.requestUpdate()
    try {
      const body = { resource: this.spec.name, ids }
      await api.request('/functions/v1/reorder', { method: 'POST', body })
      this.rows = this.rows.map((row, position) => ({ ...row, position }))
      return { ok: true }
    } catch (err) {
      this.rows = before
      return { ok: false, error: asApiError(err) }
    } finally {
      this.host.requestUpdate()
    }
  }

  /** `list`: changes `row` by `changes` (a row action: Make default, Hide), checked by the contract. A row action's
   * list reloads after it (ListTab does), so this does not. */
  async update(row: Row, changes: Values): Promise<RemoveResult> {
    const update = this.spec.schemas?.update
    if (!update) throw new Error(`${this.spec.name}: the tab declared no update schema`) // a tab's own bug
    const parsed = z.safeParse(update, changes)
    if (!parsed.success) throw new Error(`${this.spec.name}: ${parsed.error.message}`) // a tab's own bug
    return this.writing((api) =>
      api.request(restPath(this.spec, { id: row.id }), { method: 'PATCH', body: parsed.data }),
    )
  }

  /** Runs one write with `saving` on, as a value: ok, or the error (never a throw); none while another runs. */
  private async writing(write: (api: ApiClient) => Promise<unknown>): Promise<RemoveResult> {
    if (this.saving) return { ok: false, error: busyError() }
    const api = this.api.value
    if (!api) return { ok: false, error: notSignedIn() }
    this.saving = true
    this.host.requestUpdate()
    try {
      await write(api)
      return { ok: true }
    } catch (err) {
      return { ok: false, error: asApiError(err) }
    } finally {
      this.saving = false
      this.host.requestUpdate()
    }
  }

  /** `list`: deletes `row`, then reloads (a page left empty goes back one). */
  async remove(row: Row): Promise<RemoveResult> {
    return this.writing(async (api) => {
      await api.request(restPath(this.spec, { id: row.id }), { method: 'DELETE' })
      if (this.rows.length === 1 && this.offset > 0) this.offset -= this.pageSize
      await this.load()
    })
  }
}
