/** @module `<cg-datetime>`: a date and time, stored as an ISO 8601 UTC string, edited in the user's local time. */
import { html, nothing } from 'lit'
import { property } from 'lit/decorators.js'
import { ifDefined } from 'lit/directives/if-defined.js'
import { live } from 'lit/directives/live.js'
import { defineElement } from '../define.ts'
import { FieldElement } from './field-element.ts'

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** An ISO 8601 instant → the `datetime-local` value for it in local time ('' when empty or invalid). */
export function isoToLocalInput(iso: string): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const day = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`
  const seconds = date.getSeconds() ? `:${pad(date.getSeconds())}` : ''
  return `${day}T${time}${seconds}`
}

/** A `datetime-local` value (local time, no offset) → an ISO 8601 UTC string ('' when empty or invalid). */
export function localInputToIso(local: string): string {
  const match = /^(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(local)
  if (!match) return ''
  const [, y, mo, d, h, mi, s, ms] = match.map(Number) as number[]
  const date = new Date(y ?? 0, (mo ?? 1) - 1, d, h, mi, s || 0, ms || 0)
  date.setFullYear(y ?? 0) // years 0–99 are not mapped to 1900–1999
  return Number.isNaN(date.getTime()) ? '' : date.toISOString()
}

/**
 * `value`, `min` and `max` are ISO 8601 instants (e.g. `2025-03-01T14:30:00.000Z`); the input shows them
 * in the browser's time zone and each edit is converted back to UTC.
 *
 * @tag cg-datetime
 * @fires cg-field-change - The user changed the date or time; `detail.value` is an ISO UTC string or `''`.
 * @csspart input - The `datetime-local` input.
 */
export class CgDatetime extends FieldElement<string> {
  /** An ISO 8601 UTC instant; `''` when empty. */
  @property() value = ''
  /** The earliest allowed instant (ISO 8601). */
  @property() min = ''
  /** The latest allowed instant (ISO 8601). */
  @property() max = ''
  /** The input's step in seconds (the browser's default is 60). */
  @property({ type: Number }) step?: number

  override render() {
    return html`<div class="field">
      <label for=${this.inputId}>${this.label}</label>
      <input
        id=${this.inputId}
        class="control"
        part="input"
        type="datetime-local"
        name=${this.name}
        .value=${live(isoToLocalInput(this.value))}
        min=${isoToLocalInput(this.min) || nothing}
        max=${isoToLocalInput(this.max) || nothing}
        step=${ifDefined(this.step)}
        ?disabled=${this.disabled}
        ?readonly=${this.readonly}
        ?required=${this.required}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${this.describedBy || nothing}
        @input=${this.onInput}
      />
      ${this.renderMessages()}
    </div>`
  }

  private onInput(event: Event): void {
    const iso = localInputToIso((event.target as HTMLInputElement).value)
    const same = iso === this.value || (iso !== '' && Date.parse(iso) === Date.parse(this.value))
    if (!same) this.changed(iso)
  }
}

defineElement('cg-datetime', CgDatetime)

declare global {
  interface HTMLElementTagNameMap {
    'cg-datetime': CgDatetime
  }
}
