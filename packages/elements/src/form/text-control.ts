/** @module TextControl: what cg-text-field and cg-textarea share: the text typed, and a length cap that shows and speaks. */
import { localized, msg, str } from '@lit/localize'
import { css, html, nothing, type PropertyValues } from 'lit'
import { property, state } from 'lit/decorators.js'
import { getLocale } from '../i18n/localization.ts'
import { FieldElement } from './field-element.ts'
import { fieldStyles } from './field-styles.ts'

/** How near `max` the count shows: the last tenth, and never fewer than the last 20 characters. */
const near = (max: number) => Math.max(20, Math.ceil(max / 10))

const count = (n: number) => new Intl.NumberFormat(getLocale()).format(n)

/** Where the length stands: 0 far from the cap, 1 near it, 2 at it. */
type Band = 0 | 1 | 2

/**
 * With `maxlength`, a count "n / max" shows under the input once the text nears the cap (it describes the input);
 * a polite live region says once when the text comes near and when it reaches the cap, never on every key. A paste
 * past the cap keeps what fits and says it was cut, in a message under the input, until the member edits on:
 * cutting like the browser does keeps the paste's start where the member meant it, and the message makes it no
 * longer silent.
 */
@localized()
export class TextControl extends FieldElement<string> {
  static override styles = [
    ...fieldStyles,
    css`
      .footer {
        display: flex;
        gap: var(--_space);
        align-items: baseline;
      }
      .footer .help {
        flex: 1;
        min-width: 0;
      }
      .counter {
        margin-left: auto;
        color: var(--_muted);
        font-size: 0.9em;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .full {
        color: var(--_danger);
      }
      .sr {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
    `,
  ]

  @property() value = ''
  @property() placeholder = ''
  /** The most characters the field takes. */
  @property({ type: Number }) maxlength?: number

  /** The last paste was cut to fit `maxlength`. */
  @state() private cut = false
  /** What the live region last said of the length (only when its band changed). */
  @state() private announcement = ''
  private band: Band = 0

  private get max(): number | undefined {
    return this.maxlength !== undefined && this.maxlength >= 0 ? this.maxlength : undefined
  }

  private get counting(): boolean {
    const { max } = this
    return max !== undefined && this.value.length >= max - near(max)
  }

  private get counterId() {
    return `${this.uid}-counter`
  }

  protected override get describedBy(): string {
    return [super.describedBy, this.counting && this.counterId].filter(Boolean).join(' ')
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has('value') && !changed.has('maxlength')) return
    const { max } = this
    const length = this.value.length
    const band: Band = max === undefined ? 0 : length >= max ? 2 : this.counting ? 1 : 0
    // The first render only takes note: a field that loads near its cap says nothing.
    if (band !== this.band && this.hasUpdated && max !== undefined) {
      this.announcement =
        band === 2
          ? msg(str`Limit of ${count(max)} characters reached`, { id: 'form.limit-reached' })
          : band === 1 && this.band === 0
            ? msg(str`Characters left: ${count(max - length)}`, { id: 'form.chars-left' })
            : ''
    }
    this.band = band
  }

  protected onInput(event: Event): void {
    this.cut = false
    this.changed((event.target as HTMLInputElement | HTMLTextAreaElement).value)
  }

  /**
   * Puts `text` where the caret was (over the selection), as typing would: undoable, within `maxlength`, and told
   * as a `cg-field-change`; the focus goes back to the input. A tab's "insert a variable" button calls it.
   */
  insert(text: string): void {
    const field = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>('.control')
    if (!field || this.readonly || this.disabled) return
    field.focus()
    if (!document.execCommand('insertText', false, text)) {
      field.setRangeText(text, field.selectionStart ?? 0, field.selectionEnd ?? 0, 'end')
      this.changed(field.value)
    }
  }

  /** A paste longer than the room left: what fits goes in (undoable, as typing), and the message says it was cut. */
  protected onPaste(event: ClipboardEvent): void {
    const field = event.target as HTMLInputElement | HTMLTextAreaElement
    const { max } = this
    const start = field.selectionStart
    const end = field.selectionEnd
    if (max === undefined || start === null || end === null) return // no cap, or no selection API (type=email)
    // A line break goes in as one character: a textarea's "\n", an input's space.
    const text = (event.clipboardData?.getData('text/plain') ?? '').replace(/\r\n?/g, '\n')
    const room = max - field.value.length + end - start
    if (text.length <= room) return
    event.preventDefault()
    const fit = text.slice(0, Math.max(0, room)).replace(/[\uD800-\uDBFF]$/, '') // never half a surrogate pair
    if (fit && !document.execCommand('insertText', false, fit)) {
      field.setRangeText(fit, start, end, 'end')
      this.changed(field.value)
    }
    this.cut = true
  }

  /** Help and the count, the live region (shown while it says a paste was cut), then the error. */
  protected override renderMessages() {
    const { max, counting, cut } = this
    const length = this.value.length
    const counter =
      counting && max !== undefined
        ? html`<span class="counter ${length >= max ? 'full' : ''}" part="counter" id=${this.counterId}>${count(length)} / ${count(max)}</span>`
        : nothing
    return html`${this.help || counting ? html`<div class="footer">${this.renderHelp()}${counter}</div>` : nothing}
      <div class=${cut ? 'error' : 'sr'} part="notice" role="status">${
        cut && max !== undefined
          ? msg(str`Pasted text was cut to fit the limit of ${count(max)} characters.`, {
              id: 'form.paste-cut',
            })
          : this.announcement
      }</div>
      ${this.renderError()}`
  }
}
