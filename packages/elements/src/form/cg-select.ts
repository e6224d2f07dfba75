/** @module `<cg-select>`: a searchable single-select combobox (WAI-ARIA 1.2 combobox with a listbox popup). */
import { localized, msg } from '@lit/localize'
import { css, html, nothing, type PropertyValues } from 'lit'
import { property, query, state } from 'lit/decorators.js'
import { live } from 'lit/directives/live.js'
import { defineElement } from '../define.ts'
import { defaultText } from './default-text.ts'
import { FieldElement } from './field-element.ts'
import { fieldStyles } from './field-styles.ts'

export interface SelectOption {
  value: string
  label: string
  /** Options with the same group are listed together under this heading. */
  group?: string
  /** Secondary text, shown muted on the right (e.g. a UTC offset); also searched. */
  description?: string
}

/** Lower case, without accents, `_` as a space and `−` as `-`: what type-ahead compares. */
export function normalizeSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('_', ' ')
    .replaceAll('\u2212', '-')
}

/** One option as listed: its index in `options` (for a stable id) and its place in the visible list. */
interface Row {
  option: SelectOption
  index: number
}

interface Section {
  group: string
  rows: Row[]
}

/**
 * Type to filter (case- and accent-insensitive, by label, value or description); ↓/↑ move through the
 * options (opening the list), Home/End jump, Enter picks, Escape closes and restores.
 *
 * Typed text never leaves the field holding another value than it shows: Enter (with no option highlighted),
 * Tab and blur commit the option the text names (one whose value or label it equals, else the only match);
 * text that names none stays, with an error, and the change event says the field holds no value (`invalid`).
 *
 * @tag cg-select
 * @fires cg-field-change - The user picked an option (`detail.value`), or left text that names none (`detail.invalid`).
 * @csspart input - The combobox text input.
 * @csspart listbox - The popup list of options.
 * @csspart option - Each option.
 * @csspart group-label - The heading of an option group.
 * @csspart empty - The "No matches" message.
 */
@localized()
export class CgSelect extends FieldElement<string> {
  static override styles = [
    ...fieldStyles,
    css`
      .combo {
        position: relative;
      }
      .combo input {
        padding-right: calc(var(--_space) * 4);
        text-overflow: ellipsis;
      }
      .chevron {
        position: absolute;
        top: 50%;
        right: calc(var(--_space) * 1.5);
        width: 0.45em;
        height: 0.45em;
        border-right: 2px solid var(--_muted);
        border-bottom: 2px solid var(--_muted);
        transform: translateY(-75%) rotate(45deg);
        pointer-events: none;
      }
      .popup {
        position: absolute;
        top: calc(100% + 2px);
        left: 0;
        right: 0;
        z-index: 10;
        box-sizing: border-box;
        margin: 0;
        padding: calc(var(--_space) / 2) 0;
        list-style: none;
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        box-shadow: 0 4px 16px color-mix(in srgb, var(--_text) 18%, transparent);
      }
      .popup[hidden] {
        display: none;
      }
      ul.popup {
        max-height: min(288px, 50vh);
        overflow-y: auto;
        overscroll-behavior: contain;
      }
      ul.popup ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .group-label {
        padding: calc(var(--_space) / 2) var(--_space);
        color: var(--_muted);
        font-size: 0.85em;
        font-weight: 600;
      }
      [role='option'] {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: var(--_space);
        padding: calc(var(--_space) * 0.75) var(--_space);
        cursor: pointer;
      }
      [role='option'][aria-selected='true'] {
        font-weight: 600;
      }
      [role='option'].active {
        background: var(--_surface);
        outline: 2px solid var(--_focus);
        outline-offset: -2px;
      }
      .option-label {
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .option-description {
        flex: none;
        color: var(--_muted);
        font-size: 0.9em;
        font-weight: normal;
      }
      .empty {
        padding: var(--_space);
        color: var(--_muted);
      }
      .empty:empty {
        padding: 0;
        border: 0;
        box-shadow: none;
      }
    `,
  ]

  /** The selected option's value; `''` when nothing is selected. */
  @property() value = ''
  @property({ attribute: false }) options: SelectOption[] = []
  @property() placeholder = ''
  /** Shown in the popup when the typed text matches no option; "No matches" in the UI's language by default. */
  @property({ attribute: 'no-matches-label' })
  @defaultText(() => msg('No matches', { id: 'form.no-matches' }))
  noMatchesLabel!: string
  /** The error while the text typed names no option; "Choose one of the options" in the UI's language by default. */
  @property({ attribute: 'invalid-label' })
  @defaultText(() => msg('Choose one of the options', { id: 'form.choose-option' }))
  invalidLabel!: string

  @state() private open = false
  /** The text the user typed; shown while the list is open, or while it names no option (`stray`). */
  @state() private text = ''
  /** The input holds text that names no option: it stays shown, with `invalidLabel`, until the member settles it. */
  @state() private stray = false
  /** The member typed since the list opened. */
  private typed = false
  @state() private filter = ''
  /** Index of the active (visually focused) option in `visible`; -1 for none. */
  @state() private active = -1

  @query('input') private input!: HTMLInputElement
  @query('ul[role="listbox"]') private listbox!: HTMLUListElement

  /** Search keys by option index: made when first searched, again after `options` changes. */
  private searchKeys: string[] | undefined
  private get keys(): string[] {
    this.searchKeys ??= this.options.map((o) =>
      [o.label, o.value, o.description ?? ''].map(normalizeSearch).join('\u0000'),
    )
    return this.searchKeys
  }
  private byValue = new Map<string, SelectOption>()
  private sections: Section[] = []
  /** The rows in display order: what ↓/↑ walk through. */
  private visible: Row[] = []

  private get listId() {
    return `${this.uid}-listbox`
  }
  private get labelId() {
    return `${this.uid}-label`
  }
  private optionId(row: Row) {
    return `${this.uid}-option-${row.index}`
  }

  private get selectedLabel(): string {
    return this.byValue.get(this.value)?.label ?? this.value
  }

  protected override get shownError(): string {
    return this.error || (this.stray ? this.invalidLabel : '')
  }

  private get interactive(): boolean {
    return !this.disabled && !this.readonly
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('options')) {
      this.searchKeys = undefined // a description may be worked out when read (time zone offsets): not yet
      this.byValue = new Map(this.options.map((o) => [o.value, o]))
    }
    if (changed.has('options') || changed.has('filter')) {
      this.computeVisible()
      if (this.active >= this.visible.length) this.active = -1
    }
    if ((changed.has('disabled') || changed.has('readonly')) && !this.interactive) this.close()
    // The host set a value (the form reloaded): stray text gives way. Settling on stray text never changes it.
    if (changed.has('value') && this.stray) this.stray = false
  }

  /** Filters, ranks (exact, then prefix, then word start, then anywhere) and groups the options. */
  private computeVisible(): void {
    const q = normalizeSearch(this.filter.trim())
    let rows: Row[]
    if (!q) {
      rows = this.options.map((option, index) => ({ option, index }))
    } else {
      const ranked: { row: Row; rank: number }[] = []
      this.keys.forEach((key, index) => {
        const at = key.indexOf(q)
        if (at < 0) return
        const fields = key.split('\u0000')
        const rank = fields.some((f) => f === q)
          ? 0
          : fields.some((f) => f.startsWith(q))
            ? 1
            : /[\s/(-]/.test(key[at - 1] ?? ' ')
              ? 2
              : 3
        ranked.push({ row: { option: this.options[index] as SelectOption, index }, rank })
      })
      rows = ranked.sort((a, b) => a.rank - b.rank).map((r) => r.row)
    }
    const sections = new Map<string, Row[]>()
    for (const row of rows) {
      const group = row.option.group ?? ''
      const list = sections.get(group)
      if (list) list.push(row)
      else sections.set(group, [row])
    }
    this.sections = [...sections].map(([group, rows]) => ({ group, rows }))
    this.visible = this.sections.flatMap((s) => s.rows)
  }

  /** Opens the full list (the input keeps the selected label); `pick` chooses the active option. */
  private openList(pick: (selected: number, length: number) => number): void {
    if (!this.interactive) return
    if (!this.open) {
      this.open = true
      if (!this.stray) this.text = this.selectedLabel
      this.filter = ''
      this.computeVisible()
    }
    const length = this.visible.length
    const active = pick(
      this.visible.findIndex((r) => r.option.value === this.value),
      length,
    )
    this.active = active < length ? active : -1
  }

  private close(): void {
    this.open = false
    this.typed = false
    this.filter = ''
    this.active = -1
  }

  /** Settles the input on `option`, back on the selected one (none), or on stray text (`stray`) the form must not take. */
  private select(option?: SelectOption, stray = false): void {
    const was = this.stray
    this.close()
    this.stray = stray
    const value = option?.value ?? this.value
    if (value !== this.value || was || stray) this.changed(value, stray ? this.invalidLabel : undefined)
  }

  /**
   * The option the typed text names, compared as type-ahead does: the one whose value it equals, else the one whose
   * label it equals (two zones may share a label), else the only match.
   */
  private named(): SelectOption | undefined {
    const q = normalizeSearch(this.text.trim())
    if (!q) return undefined
    const fields = this.keys.map((key) => key.split('\u0000'))
    for (const field of [1, 0]) {
      const exact = this.options.filter((_, i) => fields[i]?.[field] === q)
      if (exact.length === 1) return exact[0]
    }
    this.computeVisible() // the matches of the text as it is now, even before a render caught up with the typing
    return this.visible.length === 1 ? this.visible[0]?.option : undefined
  }

  /** Commits what was typed since the list opened: the option it names, nothing when emptied, else stray text. */
  private commit(): void {
    const option = this.named()
    this.select(option, !option && !!this.text.trim())
  }

  private onBlur(): void {
    if (this.open && this.typed) this.commit()
    else this.close()
  }

  private move(to: number): void {
    if (this.visible.length === 0) return
    this.active = Math.max(0, Math.min(this.visible.length - 1, to))
  }

  private onInput(event: Event): void {
    if (!this.interactive) return
    const text = (event.target as HTMLInputElement).value
    this.open = true
    this.typed = true
    this.text = text
    this.filter = text
    this.active = -1
  }

  private onKeydown(event: KeyboardEvent): void {
    if (!this.interactive || event.isComposing) return
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        if (!this.open) this.openList((selected) => (event.altKey ? -1 : Math.max(selected, 0)))
        else if (!event.altKey) this.move(this.active + 1)
        break
      case 'ArrowUp':
        event.preventDefault()
        if (!this.open) this.openList((selected, length) => (selected >= 0 ? selected : length - 1))
        else this.move(this.active < 0 ? this.visible.length - 1 : this.active - 1)
        break
      case 'Home':
      case 'End':
        if (!this.open || this.visible.length === 0) return
        event.preventDefault()
        this.move(event.key === 'Home' ? 0 : this.visible.length - 1)
        break
      case 'Enter': {
        if (!this.open) return
        event.preventDefault() // never the form's Enter over text not settled
        const option = this.visible[this.active]?.option ?? (this.typed ? this.named() : undefined)
        if (option) this.select(option)
        else if (!this.typed) this.close() // text left as it was; typed text naming several stays open to pick from
        break
      }
      case 'Escape':
        if (!this.open && !this.stray) return
        event.preventDefault()
        event.stopPropagation()
        this.select()
        break
    }
  }

  private onClick(): void {
    if (this.open || !this.interactive) return
    this.openList((selected) => selected)
    this.input.select()
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('active') || changed.has('open')) {
      this.scrollActiveIntoView()
    }
  }

  /** Scrolls only the listbox (never the page) so the active option is visible. */
  private scrollActiveIntoView(): void {
    const row = this.visible[this.active]
    if (!this.open || !row || !this.listbox) return
    const el = this.shadowRoot?.getElementById(this.optionId(row))
    if (!el) return
    const list = this.listbox
    const top = el.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop
    const bottom = top + el.offsetHeight
    if (top < list.scrollTop) list.scrollTop = top
    else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight
  }

  private renderRow(row: Row, position: number) {
    const { option } = row
    return html`<li
      id=${this.optionId(row)}
      role="option"
      part="option"
      class=${position === this.active ? 'active' : ''}
      aria-selected=${option.value === this.value ? 'true' : 'false'}
      @click=${() => this.select(option)}
    >
      <span class="option-label">${option.label}</span>
      ${option.description ? html`<span class="option-description">${option.description}</span>` : nothing}
    </li>`
  }

  private renderList() {
    let position = 0
    return this.sections.map((section, i) => {
      const rows = section.rows.map((row) => this.renderRow(row, position++))
      if (!section.group) return rows
      const id = `${this.uid}-group-${i}`
      return html`<li role="none">
        <ul role="group" aria-labelledby=${id}>
          <li class="group-label" part="group-label" id=${id} role="presentation">${section.group}</li>
          ${rows}
        </ul>
      </li>`
    })
  }

  override render() {
    const empty = this.open && this.visible.length === 0
    const activeRow = this.open ? this.visible[this.active] : undefined
    return html`<div class="field">
      <label for=${this.inputId} id=${this.labelId}>${this.label}</label>
      <div class="combo">
        <input
          id=${this.inputId}
          class="control"
          part="input"
          type="text"
          role="combobox"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${this.open && !empty ? 'true' : 'false'}
          aria-controls=${this.listId}
          aria-activedescendant=${activeRow ? this.optionId(activeRow) : nothing}
          .value=${live(this.open || this.stray ? this.text : this.selectedLabel)}
          placeholder=${this.placeholder || nothing}
          ?disabled=${this.disabled}
          ?readonly=${this.readonly}
          ?required=${this.required}
          aria-invalid=${this.shownError ? 'true' : 'false'}
          aria-describedby=${this.describedBy || nothing}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
          @click=${this.onClick}
          @blur=${this.onBlur}
        />
        ${this.interactive ? html`<span class="chevron" aria-hidden="true"></span>` : nothing}
        <ul
          id=${this.listId}
          class="popup"
          part="listbox"
          role="listbox"
          aria-labelledby=${this.labelId}
          ?hidden=${!this.open || empty}
          @mousedown=${(e: Event) => e.preventDefault()}
        >
          ${this.open ? this.renderList() : nothing}
        </ul>
        <div class="popup empty" part="empty" role="status">${empty ? this.noMatchesLabel : nothing}</div>
      </div>
      ${this.renderMessages()}
    </div>`
  }
}

defineElement('cg-select', CgSelect)

declare global {
  interface HTMLElementTagNameMap {
    'cg-select': CgSelect
  }
}
