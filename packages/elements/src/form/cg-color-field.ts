/** @module `<cg-color-field>`: a hex color as text (`#2456d3`) beside a swatch that opens the color picker. */
import { localized, msg, str } from '@lit/localize'
import { css, html, nothing } from 'lit'
import { property } from 'lit/decorators.js'
import { live } from 'lit/directives/live.js'
import { defineElement } from '../define.ts'
import { FieldElement } from './field-element.ts'
import { fieldStyles } from './field-styles.ts'

const HEX = /^#[0-9a-f]{6}$/i

/**
 * Type a hex color, or pick one with the swatch (a native color input). What the member types is kept
 * as typed, valid or not: the form's schema says whether it is a color.
 *
 * @tag cg-color-field
 * @fires cg-field-change - The user typed or picked a color; `detail.value` is the text (`#rrggbb` when picked).
 * @csspart input - The hex text input.
 * @csspart swatch - The color input that shows the color and opens the picker.
 * @cssprop [--cg-swatch-size=36px] - The swatch's width and height.
 */
@localized()
export class CgColorField extends FieldElement<string> {
  static override styles = [
    ...fieldStyles,
    css`
      .row {
        display: flex;
        gap: var(--_space);
        align-items: center;
      }
      .row .control {
        flex: 1;
        min-width: 0;
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      }
      input[type='color'] {
        flex: none;
        box-sizing: border-box;
        width: var(--cg-swatch-size, 36px);
        height: var(--cg-swatch-size, 36px);
        padding: 2px;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        cursor: pointer;
      }
      input[type='color']:disabled {
        cursor: default;
      }
    `,
  ]

  /** The color as text, normally `#rrggbb`. */
  @property() value = ''
  @property() placeholder = '#2456d3'

  override render() {
    const valid = HEX.test(this.value)
    const locked = this.disabled || this.readonly
    return html`<div class="field">
      <label for=${this.inputId}>${this.label}</label>
      <div class="row">
        <input
          id=${this.inputId}
          class="control"
          part="input"
          type="text"
          name=${this.name}
          spellcheck="false"
          autocomplete="off"
          maxlength="7"
          .value=${live(this.value)}
          placeholder=${this.placeholder || nothing}
          ?disabled=${this.disabled}
          ?readonly=${this.readonly}
          ?required=${this.required}
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-describedby=${this.describedBy || nothing}
          @input=${(e: Event) => this.changed((e.target as HTMLInputElement).value)}
        />
        <input
          type="color"
          part="swatch"
          aria-label=${msg(str`Pick a color for ${this.label}`, { id: 'form.pick-color' })}
          .value=${valid ? this.value.toLowerCase() : '#000000'}
          ?disabled=${locked}
          @input=${(e: Event) => this.changed((e.target as HTMLInputElement).value)}
        />
      </div>
      ${this.renderMessages()}
    </div>`
  }
}

defineElement('cg-color-field', CgColorField)

declare global {
  interface HTMLElementTagNameMap {
    'cg-color-field': CgColorField
  }
}
