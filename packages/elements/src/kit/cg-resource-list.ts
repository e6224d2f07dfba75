/** @module `<cg-resource-list>`: a table of rows with loading, empty and error states, a search box and Range paging. */
import { localized, msg, str } from '@lit/localize'
import { html, LitElement, nothing } from 'lit'
import { property } from 'lit/decorators.js'
import { live } from 'lit/directives/live.js'
import { repeat } from 'lit/directives/repeat.js'
import { defineElement } from '../define.ts'
import { styles } from './cg-resource-list.styles.ts'
import { placeholderStyles, skeleton } from './placeholders.ts'
import type { LoadStatus } from './resource-controller.ts'

/** One column: its header and how a row's cell renders (the row's `key` value by default). */
export interface ListColumn<Row = Record<string, unknown>> {
  key: string
  label: string
  render?: (row: Row) => unknown
  /**
   * A class on the column's cells: `mono` (code), `muted`, `nowrap`, `actions`. Every cell is one line, a long
   * value cut with an ellipsis (`clamp` says so, and does no more).
   * Inside a cell: `<span class="badge" data-tone="success|warning|danger|muted">` (a status in words) and
   * `<span class="sub">` (a muted second line).
   */
  class?: string
}

export interface PageDetail {
  /** The first row of the page asked for. */
  offset: number
}

export interface SearchDetail {
  query: string
}

export interface ReorderDetail {
  /** The row dragged. */
  id: string
  /** Its new index among the rows shown. */
  to: number
}

declare global {
  interface HTMLElementEventMap {
    /** `<cg-resource-list>`: the member asked for another page. */
    'cg-page': CustomEvent<PageDetail>
    /** `<cg-resource-list>`: the member pressed Try again after a failed load. */
    'cg-retry': CustomEvent<void>
    /** `<cg-resource-list>`: the search text changed (debounced). */
    'cg-search': CustomEvent<SearchDetail>
    /** `<cg-resource-list reorderable>`: a row was dragged to another place (keyboard moves are the tab's buttons). */
    'cg-reorder': CustomEvent<ReorderDetail>
  }
}

/**
 * Shows what a `ResourceController` loaded: a skeleton of rows, the rows in a table, an empty state, or an error
 * with Try again; a pager ("1–25 of 57", Previous, Next) when there is more than one page; and, with
 * `search-label`, a search box that fires `cg-search` once the typing pauses (Enter: at once).
 * Events bubble inside the shadow root the list is in.
 *
 * The list never widens the page: a value too long for its cell is cut to one line with an ellipsis (shown whole
 * on hover, and on focus, which such a cell takes), the row buttons stay in view at the end of the row, and the
 * table scrolls inside its own box when its columns still do not fit; below 600 px of the list's own width each
 * row is a card of label and value pairs.
 *
 * @tag cg-resource-list
 * @fires cg-page - Previous or Next; `detail.offset` is the page's first row.
 * @fires cg-retry - Try again after a failed load.
 * @fires cg-search - The search text; `detail.query`.
 * @fires cg-reorder - With `reorderable`, a row dropped elsewhere; `detail: { id, to }`.
 * @slot empty - Shown under the empty message (e.g. a button that creates the first row), not under "Nothing matches".
 * @csspart table - The table.
 * @csspart pager - The range text and the page buttons.
 * @csspart search - The search input.
 * @cssprop [--cg-list-row-height=44px] - Minimum height of a row.
 */
@localized()
export class CgResourceList extends LitElement {
  static override styles = [styles, placeholderStyles]

  @property({ attribute: false }) rows: readonly Record<string, unknown>[] = []
  @property({ attribute: false }) columns: readonly ListColumn<never>[] = []
  @property() status: LoadStatus = 'loading'
  /** The load error's message, shown after "Could not load the list." */
  @property() error = ''
  /** Offer Try again after a failed load (not when asking again cannot help). */
  @property({ type: Boolean }) retry = false
  @property({ type: Number }) offset = 0
  @property({ type: Number }) limit = 25
  @property({ type: Number }) total = 0
  /** The table's accessible name, e.g. "Tags". */
  @property() label = ''
  /** Shown when there are no rows at all. */
  @property({ attribute: 'empty-text' }) emptyText = ''
  /** Drawn above `empty-text`: an `icon()` of kit/icons.ts. */
  @property({ attribute: false }) emptyIcon: unknown = nothing
  /** The search box's label; no search box when empty. */
  @property({ attribute: 'search-label' }) searchLabel = ''
  /** The current search text. */
  @property() query = ''
  /** Rows can be dragged to another place (`cg-reorder`); the tab offers Move up and Move down for the keyboard. */
  @property({ type: Boolean }) reorderable = false
  /** Milliseconds of quiet typing before `cg-search`. */
  @property({ type: Number, attribute: 'search-delay' }) searchDelay = 300

  private searchTimer?: ReturnType<typeof setTimeout>
  /** The id of the row being dragged. */
  private dragged: string | null = null
  /** The list's width when its cells were last measured: a change of width (not of height) measures them again. */
  private width?: number
  private readonly resized = new ResizeObserver(([entry]) => {
    if (entry?.contentRect.width === this.width) return
    this.width = entry?.contentRect.width
    this.markCut()
  })

  override connectedCallback(): void {
    super.connectedCallback()
    this.resized.observe(this)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearTimeout(this.searchTimer)
    this.resized.disconnect()
  }

  protected override updated(): void {
    this.markCut()
  }

  /**
   * A cell whose value is cut short (one line, an ellipsis) shows it whole on hover (its title) and on focus (it
   * takes the focus, and wraps while it has it); the others are left alone, and a focused one as it is.
   */
  private markCut(): void {
    const cells = [...this.renderRoot.querySelectorAll<HTMLElement>('td:not(.actions)')]
    const cut = cells.map((td) =>
      td.matches(':focus')
        ? null
        : [td, ...td.children].some((el) => el.scrollWidth > el.clientWidth) &&
          // biome-ignore lint/performance/useDomNodeTextContent: as shown, a line a block (a name, its description)
          td.innerText,
    )
    cells.forEach((td, i) => {
      const text = cut[i]
      if (text === null) return
      td.title = text || ''
      if (text) td.tabIndex = 0
      else td.removeAttribute('tabindex')
    })
  }

  private fire<K extends 'cg-page' | 'cg-retry' | 'cg-search' | 'cg-reorder'>(
    name: K,
    detail: HTMLElementEventMap[K]['detail'],
  ) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }))
  }

  private search(query: string, delay: number): void {
    clearTimeout(this.searchTimer)
    this.searchTimer = setTimeout(() => {
      if (query === this.query) return
      this.query = query
      this.fire('cg-search', { query })
    }, delay)
  }

  private renderSearch() {
    if (!this.searchLabel) return nothing
    return html`<div class="search">
      <label for="search">${this.searchLabel}</label>
      <input
        id="search"
        part="search"
        type="search"
        autocomplete="off"
        .value=${live(this.query)}
        @input=${(e: Event) => this.search((e.target as HTMLInputElement).value, this.searchDelay)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter') this.search((e.target as HTMLInputElement).value, 0)
        }}
      />
    </div>`
  }

  private renderTable() {
    const columns = this.columns as readonly ListColumn[]
    return html`<div class="scroll">
      <table
        part="table"
        aria-label=${this.label}
        aria-busy=${this.status === 'loading' ? 'true' : 'false'}
        style="--_cols: ${columns.length}"
      >
        <thead>
          <tr>
            ${columns.map((c) => html`<th scope="col" class=${c.class ?? nothing}><span>${c.label}</span></th>`)}
          </tr>
        </thead>
        <tbody>
          ${repeat(
            this.rows,
            (row) => row.id,
            (row, index) =>
              html`<tr
                draggable=${this.reorderable ? 'true' : nothing}
                @dragstart=${this.reorderable ? (e: DragEvent) => this.dragStart(e, String(row.id)) : nothing}
                @dragover=${this.reorderable ? (e: DragEvent) => this.dragOver(e) : nothing}
                @drop=${this.reorderable ? (e: DragEvent) => this.drop(e, index) : nothing}
                @dragend=${this.reorderable ? () => this.dragEnd() : nothing}
              >
                ${columns.map(
                  (c) =>
                    html`<td class=${c.class ?? nothing} data-label=${c.label}>${c.render ? c.render(row) : row[c.key]}</td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`
  }

  private dragStart(event: DragEvent, id: string): void {
    this.dragged = id
    event.dataTransfer?.setData('text/plain', id)
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move'
    ;(event.currentTarget as HTMLElement).dataset.dragging = ''
  }

  private dragOver(event: DragEvent): void {
    if (this.dragged === null) return
    event.preventDefault() // a drop target
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move'
  }

  private drop(event: DragEvent, to: number): void {
    event.preventDefault()
    const id = this.dragged
    this.dragEnd()
    const from = this.rows.findIndex((row) => row.id === id)
    if (id !== null && from !== -1 && from !== to) this.fire('cg-reorder', { id, to })
  }

  private dragEnd(): void {
    this.dragged = null
    for (const row of this.renderRoot.querySelectorAll<HTMLElement>('tr[data-dragging]'))
      delete row.dataset.dragging
  }

  private renderPager() {
    if (this.status !== 'ready' || this.total === 0) return nothing
    const from = this.offset + 1
    const to = Math.min(this.offset + this.rows.length, this.total)
    const total = this.total
    const paged = this.total > this.limit
    return html`<div class="pager" part="pager">
      <span class="range" role="status">${msg(str`${from}–${to} of ${total}`, { id: 'kit.list.range' })}</span>
      ${
        paged
          ? html`<button
              type="button"
              data-page="previous"
              ?disabled=${this.offset === 0}
              @click=${() => this.fire('cg-page', { offset: Math.max(0, this.offset - this.limit) })}
            >
              ${msg('Previous', { id: 'kit.list.previous' })}
            </button>
            <button
              type="button"
              data-page="next"
              ?disabled=${to >= this.total}
              @click=${() => this.fire('cg-page', { offset: this.offset + this.limit })}
            >
              ${msg('Next', { id: 'kit.list.next' })}
            </button>`
          : nothing
      }
    </div>`
  }

  private renderBody() {
    switch (this.status) {
      case 'failed':
        return html`<div class="failed" role="alert">
          <p>${msg('Could not load the list.', { id: 'kit.list.failed' })} ${this.error}</p>
          ${
            this.retry
              ? html`<button type="button" @click=${() => this.fire('cg-retry', undefined)}>
                  ${msg('Try again', { id: 'kit.retry' })}
                </button>`
              : nothing
          }
        </div>`
      case 'empty':
        if (this.query)
          return html`<p class="empty" role="status">
            ${msg(str`Nothing matches “${this.query}”.`, { id: 'kit.list.no-matches' })}
          </p>`
        return html`<div class="empty empty-state">
          ${this.emptyIcon}
          <p role="status">${this.emptyText}</p>
          <slot name="empty"></slot>
        </div>`
      case 'loading':
        if (this.rows.length === 0) return skeleton(3, 'rows')
        return this.renderTable() // the old page stays, marked busy, until the new one is there
      default:
        return this.renderTable()
    }
  }

  override render() {
    return html`${this.renderSearch()}${this.renderBody()}${this.renderPager()}`
  }
}

defineElement('cg-resource-list', CgResourceList)

declare global {
  interface HTMLElementTagNameMap {
    'cg-resource-list': CgResourceList
  }
}
