/**
 * @module OrderController: an ordered list's moves (Move up, Move down, drag) for a `list` of an ordered resource.
 * Each move is one reorder call that names every row; one move runs at a time; each is announced to screen readers,
 * and the focus stays on the button that moved the row.
 */
import { msg, str } from '@lit/localize'
import { html, nothing, type ReactiveElement } from 'lit'
import type { ApiRequestError } from '../api/client.ts'
import type { ListColumn } from './cg-resource-list.ts'
import type { ResourceController } from './resource-controller.ts'

export class OrderController<Row extends { id: string }> {
  /** The last move in words, for the live region. */
  announcement = ''
  /** A move is in flight: the others wait for it (one click, one request). */
  moving = false

  constructor(
    private readonly host: ReactiveElement,
    private readonly resource: ResourceController<Row>,
    private readonly nameOf: (row: Row) => string,
    private readonly onFailure: (error: ApiRequestError) => void,
  ) {}

  /** Moves `row` to index `to` of the list; resolves once the server has the new order (or it went back). */
  async move(row: Row, to: number, focus?: 'up' | 'down'): Promise<void> {
    const rows = this.resource.rows
    const from = rows.findIndex((r) => r.id === row.id)
    if (this.moving || from === -1 || to < 0 || to >= rows.length || to === from) return
    const ids = rows.map((r) => r.id)
    ids.splice(from, 1)
    ids.splice(to, 0, row.id)
    this.moving = true
    this.host.requestUpdate()
    const result = await this.resource.reorder(ids)
    this.moving = false
    const name = this.nameOf(row)
    const position = to + 1
    const count = rows.length
    if (result.ok) {
      this.announcement = msg(str`${name} moved to position ${position} of ${count}.`, {
        id: 'kit.order.moved',
      })
    } else {
      this.onFailure(result.error)
    }
    this.host.requestUpdate()
    await this.host.updateComplete
    if (focus) this.focus(row, focus)
  }

  /** The moved row's button again; the other one when the row reached an end and this one went. */
  private focus(row: Row, direction: 'up' | 'down'): void {
    const root = this.host.renderRoot
    const list = root.querySelector('cg-resource-list')
    const scope = list?.shadowRoot ?? root
    const button =
      scope.querySelector<HTMLButtonElement>(
        `[data-move="${direction}"][data-row="${CSS.escape(row.id)}"]:not([disabled])`,
      ) ??
      scope.querySelector<HTMLButtonElement>(`[data-move][data-row="${CSS.escape(row.id)}"]:not([disabled])`)
    button?.focus()
  }

  /** The first column: Move up and Move down on each row, disabled at the ends. */
  column(): ListColumn<Row> {
    return {
      key: 'order',
      label: msg('Order', { id: 'kit.order' }),
      class: 'nowrap',
      render: (row) => {
        const rows = this.resource.rows
        const index = rows.findIndex((r) => r.id === row.id)
        const name = this.nameOf(row)
        return html`<span class="handle" aria-hidden="true" title=${msg('Drag to reorder', { id: 'kit.order.drag' })}
            >⠿</span
          ><button
            type="button"
            class="icon"
            data-move="up"
            data-row=${row.id}
            aria-label=${msg(str`Move ${name} up`, { id: 'kit.order.up' })}
            aria-disabled=${this.moving ? 'true' : nothing}
            ?disabled=${index <= 0}
            @click=${() => this.move(row, index - 1, 'up')}
          >
            ↑</button
          ><button
            type="button"
            class="icon"
            data-move="down"
            data-row=${row.id}
            aria-label=${msg(str`Move ${name} down`, { id: 'kit.order.down' })}
            aria-disabled=${this.moving ? 'true' : nothing}
            ?disabled=${index === -1 || index >= rows.length - 1}
            @click=${() => this.move(row, index + 1, 'down')}
          >
            ↓
          </button>`
      },
    }
  }

  /** The live region the moves are announced in (put it once in the host's template). */
  region() {
    return html`<p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>`
  }
}
