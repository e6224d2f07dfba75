/** @module `<cg-textarea>`: a labelled multi-line input with an optional live character count. */
import { css, html, nothing } from 'lit'
import { property } from 'lit/decorators.js'
import { ifDefined } from 'lit/directives/if-defined.js'
import { live } from 'lit/directives/live.js'
import { defineElement } from '../define.ts'
import { FieldElement } from './field-element.ts'
import { fieldStyles } from './field-styles.ts'

/**
 * With `maxlength` set, a count "n / max" under the textarea follows the typing.
 *
 * @tag cg-textarea
 * @fires cg-field-change - The user changed the value.
 * @csspart input - The textarea.
 * @csspart counter - The "n / max" character count.
 */
export class CgTextarea extends FieldElement<string> {
  static override styles = [
    ...fieldStyles,
    css`
      textarea.control {
        display: block;
        resize: vertical;
        line-height: 1.4;
      }
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
      .counter.full {
        color: var(--_danger);
      }
    `,
  ]

  @property() value = ''
  @property({ type: Number }) rows = 4
  @property({ type: Number }) maxlength?: number
  @property() placeholder = ''

  private get counterId() {
    return `${this.uid}-counter`
  }

  private get hasCounter(): boolean {
    return this.maxlength !== undefined && this.maxlength >= 0
  }

  override render() {
    const describedBy = [this.describedBy, this.hasCounter ? this.counterId : ''].filter(Boolean).join(' ')
    const length = this.value.length
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
        maxlength=${ifDefined(this.hasCounter ? this.maxlength : undefined)}
        ?disabled=${this.disabled}
        ?readonly=${this.readonly}
        ?required=${this.required}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @input=${(e: Event) => this.changed((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${
        this.help || this.hasCounter
          ? html`<div class="footer">
            ${this.renderHelp()}
            ${
              this.hasCounter
                ? html`<div
                  class="counter ${length >= (this.maxlength ?? 0) ? 'full' : ''}"
                  part="counter"
                  id=${this.counterId}
                >${length} / ${this.maxlength}</div>`
                : nothing
            }
          </div>`
          : nothing
      }
      ${this.renderError()}
    </div>`
  }
}

defineElement('cg-textarea', CgTextarea)

declare global {
  interface HTMLElementTagNameMap {
    'cg-textarea': CgTextarea
  }
}
