/** @module The base of every form-kit control: label, help, error, disabled/readonly, and one change event. */
import { html, LitElement, nothing } from 'lit'
import { property } from 'lit/decorators.js'
import { fieldStyles } from './field-styles.ts'

export interface FieldChangeDetail<T = unknown> {
  name: string
  value: T
  /**
   * Set while the control shows what is no value (text typed in a combobox that names no option), with its message:
   * the form must not be sent until a later change comes without it.
   */
  invalid?: string
}

declare global {
  interface HTMLElementEventMap {
    /** A control's value changed by the user. Bubbles inside the tab's shadow root only (not composed). */
    'cg-field-change': CustomEvent<FieldChangeDetail>
  }
}

let nextId = 0

/**
 * Subclasses render their own `<label>` beside their input (labels cannot reach across shadow roots),
 * wire `aria-describedby` to `helpId`/`errorId`, and call `changed(value)` on user input.
 */
export abstract class FieldElement<T> extends LitElement {
  static override styles = fieldStyles
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true }

  /** The field's name: the key in the form's values and in the server's error details. */
  @property({ reflect: true }) name = ''
  @property() label = ''
  /** Help text under the control. */
  @property() help = ''
  /** An error message; shown under the control and marks it aria-invalid. */
  @property() error = ''
  @property({ type: Boolean, reflect: true }) disabled = false
  @property({ type: Boolean, reflect: true }) readonly = false
  @property({ type: Boolean, reflect: true }) required = false

  abstract value: T

  /** A unique prefix for ids inside this control's shadow root. */
  protected readonly uid = `cg-f${++nextId}`
  protected get inputId() {
    return `${this.uid}-input`
  }
  protected get helpId() {
    return `${this.uid}-help`
  }
  protected get errorId() {
    return `${this.uid}-error`
  }

  /** The error shown: the form's `error`, else the control's own (a combobox holding text that names no option). */
  protected get shownError(): string {
    return this.error
  }

  /** `aria-describedby` for the input: the help text and the error, when shown. */
  protected get describedBy(): string {
    return [this.help && this.helpId, this.shownError && this.errorId].filter(Boolean).join(' ')
  }

  /** The help text, referenced by `aria-describedby`. */
  protected renderHelp() {
    return this.help ? html`<div class="help" id=${this.helpId}>${this.help}</div>` : nothing
  }

  /** The error, announced when it appears and referenced by `aria-describedby`. */
  protected renderError() {
    const error = this.shownError
    return error ? html`<div class="error" id=${this.errorId} role="alert">${error}</div>` : nothing
  }

  /** Help then error, under the control. */
  protected renderMessages() {
    return html`${this.renderHelp()}${this.renderError()}`
  }

  /** Sets the value from user input and tells the form (that the input holds no value, with `invalid`). */
  protected changed(value: T, invalid?: string): void {
    this.value = value
    const detail: FieldChangeDetail<T> = { name: this.name, value }
    if (invalid) detail.invalid = invalid
    this.dispatchEvent(new CustomEvent('cg-field-change', { detail, bubbles: true }))
  }
}
