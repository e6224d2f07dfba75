/** @module `<cg-textarea>`: a labelled multi-line input. */
import { css, html, nothing } from 'lit'
import { property } from 'lit/decorators.js'
import { ifDefined } from 'lit/directives/if-defined.js'
import { live } from 'lit/directives/live.js'
import { defineElement } from '../define.ts'
import { TextControl } from './text-control.ts'

/**
 * With `maxlength`, a count "n / max" shows near the cap, and a paste cut to fit says so.
 *
 * @tag cg-textarea
 * @fires cg-field-change - The user changed the value.
 * @csspart input - The textarea.
 * @csspart counter - The "n / max" character count, near `maxlength`.
 * @csspart notice - The message that a paste was cut to fit `maxlength`.
 */
export class CgTextarea extends TextControl {
  static override styles = [
    ...TextControl.styles,
    css`
      textarea.control {
        display: block;
        resize: vertical;
        line-height: 1.4;
      }
    `,
  ]

  @property({ type: Number }) rows = 4

  override render() {
    return html`<div class="field">
      <label for=${this.inputId}>${this.label}</label>
      <textarea
        id=${this.inputId}
        class="control"
        part="input"
        name=${this.name}
        rows=${this.rows}
        .value=${live(this.value)}
        placeholder=${this.placeholder || nothing}
        maxlength=${ifDefined(this.maxlength)}
        ?disabled=${this.disabled}
        ?readonly=${this.readonly}
        ?required=${this.required}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${this.describedBy || nothing}
        @input=${this.onInput}
        @paste=${this.onPaste}
      ></textarea>
      ${this.renderMessages()}
    </div>`
  }
}

defineElement('cg-textarea', CgTextarea)

declare global {
  interface HTMLElementTagNameMap {
    'cg-textarea': CgTextarea
  }
}
