/**
 * @module RelatedRows: rows of another resource that belong to the rows a list shows (each API key's daily
 * usage, each webhook's deliveries), loaded in one request for the page whenever the page changes.
 */
import type { ResourceName } from '@connectgain/contracts/permissions'
import { ContextConsumer } from '@lit/context'
import type { ReactiveController, ReactiveElement } from 'lit'
import { ApiRequestError } from '../api/client.ts'
import { apiContext } from '../context.ts'
import { restPath } from './resource.ts'

/** What rows to load for a page of a list. */
export interface RelatedSpec<Related> {
  name: ResourceName
  /** The columns to read; include `key`. */
  columns: readonly (keyof Related & string)[]
  /** The column that names the list row a related row belongs to, e.g. `key_id`. */
  key: keyof Related & string
  /** More filters, computed at each load: `{ day: 'gte.2025-01-01' }`. */
  filters?: () => Record<string, string>
}

/** An id as a quoted item of an `in.(…)` list, so no id can break the list's syntax. */
const item = (id: string) => `"${id.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`

/**
 * Give it the list's rows (`() => resource.rows`): each time that array changes it loads the related rows of
 * those ids (`key=in.(…)`) and re-renders its host. `of(id)` is a row's related rows, once `has(id)`; `status`
 * is `failed` when the last load failed (a chart then shows nothing rather than zeros).
 */
export class RelatedRows<Related extends Record<string, unknown>> implements ReactiveController {
  status: 'loading' | 'ready' | 'failed' = 'loading'
  /** Settles when the latest load has (for tests, and anything that must wait for the counts). */
  loaded: Promise<void> = Promise.resolve()
  private byKey = new Map<string, Related[]>()
  /** The list rows the last answer was for. */
  private covered = new Set<string>()
  private loadedFor: readonly { id: string }[] | null = null
  private readonly api: ContextConsumer<typeof apiContext, ReactiveElement>
  /** Counts loads, so an answer to an older one is dropped. */
  private loads = 0

  constructor(
    private readonly host: ReactiveElement,
    readonly spec: RelatedSpec<Related>,
    private readonly rows: () => readonly { id: string }[],
  ) {
    host.addController(this)
    this.api = new ContextConsumer(host, { context: apiContext, subscribe: true })
  }

  hostUpdate(): void {
    const rows = this.rows()
    if (rows !== this.loadedFor && this.api.value) {
      this.loadedFor = rows
      this.loaded = this.load()
    }
  }

  hostDisconnected(): void {
    this.loadedFor = null
    this.loads++
  }

  /** The related rows of the list row `id` (none until loaded). */
  of(id: string): Related[] {
    return this.byKey.get(id) ?? []
  }

  /** Whether the last answer was for the list row `id`: a reload keeps showing what it had meanwhile. */
  has(id: string): boolean {
    return this.covered.has(id)
  }

  /** Loads the related rows of the current list rows. */
  async load(): Promise<void> {
    const api = this.api.value
    const ids = this.rows().map((row) => row.id)
    if (!api) return
    const ticket = ++this.loads
    if (!ids.length) {
      this.byKey = new Map()
      this.covered = new Set()
      this.status = 'ready'
      return
    }
    this.status = 'loading'
    try {
      const filters = { ...this.spec.filters?.(), [this.spec.key]: `in.(${ids.map(item).join(',')})` }
      const related = await api.request<Related[]>(restPath(this.spec, { filters }))
      if (ticket !== this.loads) return
      const byKey = new Map<string, Related[]>()
      for (const row of related) {
        const key = String(row[this.spec.key])
        byKey.set(key, [...(byKey.get(key) ?? []), row])
      }
      this.byKey = byKey
      this.covered = new Set(ids)
      this.status = 'ready'
    } catch (err) {
      if (!(err instanceof ApiRequestError)) throw err
      if (ticket !== this.loads) return
      this.status = 'failed'
    }
    this.host.requestUpdate()
  }
}
