/** @module `<cg-text-field>`: a labelled single-line input. */
import { html, nothing } from 'lit'
import { property } from 'lit/decorators.js'
import { ifDefined } from 'lit/directives/if-defined.js'
import { live } from 'lit/directives/live.js'
import { defineElement } from '../define.ts'
import { TextControl } from './text-control.ts'

/**
 * With `maxlength`, a count "n / max" shows near the cap, and a paste cut to fit says so.
 *
 * @tag cg-text-field
 * @fires cg-field-change - The user changed the value.
 * @csspart input - The input.
 * @csspart counter - The "n / max" character count, near `maxlength`.
 * @csspart notice - The message that a paste was cut to fit `maxlength`.
 */
export class CgTextField extends TextControl {
  @property() type: 'text' | 'email' | 'url' | 'search' | 'tel' = 'text'
  @property() autocomplete = ''

  override render() {
    return html`<div class="field">
      <label for=${this.inputId}>${this.label}</label>
      <input
        id=${this.inputId}
        class="control"
        part="input"
        type=${this.type}
        name=${this.name}
        .value=${live(this.value)}
        placeholder=${this.placeholder || nothing}
        autocomplete=${this.autocomplete || nothing}
        maxlength=${ifDefined(this.maxlength)}
        ?disabled=${this.disabled}
        ?readonly=${this.readonly}
        ?required=${this.required}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${this.describedBy || nothing}
        @input=${this.onInput}
        @paste=${this.onPaste}
      />
      ${this.renderMessages()}
    </div>`
  }
}

defineElement('cg-text-field', CgTextField)

declare global {
  interface HTMLElementTagNameMap {
    'cg-text-field': CgTextField
  }
}
