/** @module `<cg-radio-group>`: a labelled set of native radio buttons, each with an optional line of explanation. */
import { css, html, nothing } from 'lit'
import { property } from 'lit/decorators.js'
import { live } from 'lit/directives/live.js'
import { defineElement } from '../define.ts'
import { FieldElement } from './field-element.ts'
import { choiceGroupStyles, fieldStyles } from './field-styles.ts'

export interface RadioOption {
  value: string
  label: string
  /** Secondary text under the option's label (e.g. what a scope allows). */
  description?: string
}

/**
 * A `<fieldset>` whose `<legend>` is the label. The radios share one name, so Tab enters the group at the
 * checked option and the arrow keys move the choice, as the platform does.
 *
 * @tag cg-radio-group
 * @fires cg-field-change - The user chose an option; `detail.value` is its value.
 * @csspart group - The `<fieldset>`.
 * @csspart legend - The `<legend>` (the label).
 * @csspart option - Each option's row.
 * @csspart radio - Each native radio button.
 */
export class CgRadioGroup extends FieldElement<string> {
  static override styles = [
    ...fieldStyles,
    choiceGroupStyles,
    css`
      :host([inline]) .options {
        display: flex;
        flex-wrap: wrap;
        column-gap: calc(var(--_space) * 2);
      }
    `,
  ]

  /** The chosen option's value; `''` when none is chosen. */
  @property() value = ''
  @property({ attribute: false }) options: RadioOption[] = []
  /** Lays the options out in a row (short labels without descriptions). */
  @property({ type: Boolean, reflect: true }) inline = false

  private optionId(index: number, suffix = '') {
    return `${this.uid}-option-${index}${suffix}`
  }

  private onChange(event: Event, option: RadioOption): void {
    const radio = event.target as HTMLInputElement
    if (this.readonly || this.disabled) {
      radio.checked = option.value === this.value
      this.requestUpdate()
      return
    }
    if (radio.checked && option.value !== this.value) this.changed(option.value)
  }

  override render() {
    return html`<fieldset
      part="group"
      role="radiogroup"
      ?disabled=${this.disabled}
      aria-required=${this.required ? 'true' : nothing}
      aria-readonly=${this.readonly ? 'true' : nothing}
      aria-invalid=${this.error ? 'true' : nothing}
      aria-describedby=${this.describedBy || nothing}
    >
      <legend part="legend">${this.label}</legend>
      <div class="options">
        ${this.options.map((option, i) => {
          const descriptionId = option.description ? this.optionId(i, '-description') : ''
          return html`<div class="option" part="option">
            <input
              id=${this.optionId(i)}
              type="radio"
              part="radio"
              name=${this.uid}
              data-value=${option.value}
              .value=${option.value}
              .checked=${live(option.value === this.value)}
              aria-describedby=${descriptionId || nothing}
              @click=${(e: Event) => this.readonly && e.preventDefault()}
              @change=${(e: Event) => this.onChange(e, option)}
            />
            <label for=${this.optionId(i)}>${option.label}</label>
            ${
              option.description
                ? html`<div class="description" id=${descriptionId}>${option.description}</div>`
                : nothing
            }
          </div>`
        })}
      </div>
      ${this.renderMessages()}
    </fieldset>`
  }
}

defineElement('cg-radio-group', CgRadioGroup)

declare global {
  interface HTMLElementTagNameMap {
    'cg-radio-group': CgRadioGroup
  }
}
