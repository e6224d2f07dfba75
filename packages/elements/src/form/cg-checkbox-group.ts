/** @module `<cg-checkbox-group>`: a labelled set of native checkboxes whose value is the checked options' values. */
import { css, html, nothing } from 'lit'
import { property } from 'lit/decorators.js'
import { live } from 'lit/directives/live.js'
import { defineElement } from '../define.ts'
import { FieldElement } from './field-element.ts'
import { choiceGroupStyles, fieldStyles } from './field-styles.ts'

export interface CheckboxOption {
  value: string
  label: string
  /** Secondary text under the option's label. */
  description?: string
  /** More to read, folded under the option in a `<details>` (e.g. an example payload, shown preformatted). */
  details?: { summary: string; body: string }
  /** Checked, it stands for all the others ("All events"): checking it clears them, checking another clears it. */
  exclusive?: boolean
}

/**
 * A `<fieldset>` whose `<legend>` is the label. `value` lists the checked values in option order
 * (values that are not among the options are kept, after them).
 *
 * @tag cg-checkbox-group
 * @fires cg-field-change - The user checked or unchecked an option; `detail.value` is the new `string[]`.
 * @csspart group - The `<fieldset>`.
 * @csspart legend - The `<legend>` (the label).
 * @csspart option - Each option's row.
 * @csspart checkbox - Each native checkbox.
 */
export class CgCheckboxGroup extends FieldElement<string[]> {
  static override styles = [
    ...fieldStyles,
    choiceGroupStyles,
    css`
      .option details {
        grid-column: 2;
      }
      .option details pre {
        margin: calc(var(--_space) / 2) 0 0;
        padding: var(--_space);
        overflow: auto;
        max-height: 16em;
        background: var(--_surface);
        border-radius: var(--_radius);
        font-size: 0.85em;
      }
      .option summary {
        cursor: pointer;
        color: var(--_muted);
        font-size: 0.9em;
      }
      .option summary:focus-visible {
        outline: 2px solid var(--_focus);
        outline-offset: 2px;
      }
    `,
  ]

  /** The checked options' values, in option order. */
  @property({ type: Array }) value: string[] = []
  @property({ attribute: false }) options: CheckboxOption[] = []

  private optionId(index: number, suffix = '') {
    return `${this.uid}-option-${index}${suffix}`
  }

  private onChange(event: Event, option: CheckboxOption): void {
    const checkbox = event.target as HTMLInputElement
    if (this.readonly || this.disabled) {
      checkbox.checked = this.value.includes(option.value)
      return
    }
    let checked = new Set(this.value)
    if (checkbox.checked && option.exclusive) checked = new Set()
    if (checkbox.checked && !option.exclusive)
      for (const o of this.options) if (o.exclusive) checked.delete(o.value)
    if (checkbox.checked) checked.add(option.value)
    else checked.delete(option.value)
    const known = new Set(this.options.map((o) => o.value))
    this.changed([
      ...this.options.filter((o) => checked.has(o.value)).map((o) => o.value),
      ...this.value.filter((v) => !known.has(v) && checked.has(v)),
    ])
  }

  override render() {
    const selected = new Set(this.value)
    return html`<fieldset
      part="group"
      ?disabled=${this.disabled}
      aria-describedby=${this.describedBy || nothing}
    >
      <legend part="legend">${this.label}</legend>
      <div class="options">
        ${this.options.map((option, i) => {
          const descriptionId = option.description ? this.optionId(i, '-description') : ''
          return html`<div class="option" part="option">
            <input
              id=${this.optionId(i)}
              type="checkbox"
              part="checkbox"
              name=${this.name}
              .value=${option.value}
              .checked=${live(selected.has(option.value))}
              aria-readonly=${this.readonly ? 'true' : nothing}
              aria-invalid=${this.error ? 'true' : 'false'}
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
            ${
              option.details
                ? html`<details part="details">
                    <summary>${option.details.summary}</summary>
                    <pre tabindex="0">${option.details.body}</pre>
                  </details>`
                : nothing
            }
          </div>`
        })}
      </div>
      ${this.renderMessages()}
    </fieldset>`
  }
}

defineElement('cg-checkbox-group', CgCheckboxGroup)

declare global {
  interface HTMLElementTagNameMap {
    'cg-checkbox-group': CgCheckboxGroup
  }
}
