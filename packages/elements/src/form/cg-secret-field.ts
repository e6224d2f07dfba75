/** @module `<cg-secret-field>`: a secret (e.g. an API key shown once), masked, with Reveal and Copy buttons. */
import { localized, msg } from '@lit/localize'
import { css, html, nothing, type PropertyValues } from 'lit'
import { property, query, state } from 'lit/decorators.js'
import { live } from 'lit/directives/live.js'
import { defineElement } from '../define.ts'
import { defaultText } from './default-text.ts'
import { FieldElement } from './field-element.ts'
import { fieldStyles } from './field-styles.ts'

export interface CopyDetail {
  /** The field's name. The secret itself is not in the event. */
  name: string
}

declare global {
  interface HTMLElementEventMap {
    /** A `<cg-secret-field>` copied its value to the clipboard. Bubbles, not composed. */
    'cg-copy': CustomEvent<CopyDetail>
  }
}

/** How long "Copied" stays in the live region. */
const STATUS_MS = 3000

/**
 * Masked by default. Set `readonly` to display a secret; without it the field is editable and typing
 * fires `cg-field-change`. Copy uses the Clipboard API and announces `copiedLabel` politely; where the
 * clipboard is unavailable it reveals and selects the text for the user to copy, announcing `selectedLabel`.
 *
 * @tag cg-secret-field
 * @fires cg-field-change - The user edited the value (only when not `readonly`).
 * @fires cg-copy - The value was written to the clipboard. `detail: { name }`.
 * @csspart input - The (masked) input.
 * @csspart reveal-button - The Reveal/Hide toggle button.
 * @csspart copy-button - The Copy button.
 * @csspart status - The polite live region that says "Copied".
 */
@localized()
export class CgSecretField extends FieldElement<string> {
  static override styles = [
    ...fieldStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: calc(var(--_space) / 2);
      }
      .row input {
        flex: 1 1 12em;
        min-width: 0;
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      }
      .buttons {
        display: flex;
        flex: none;
        gap: calc(var(--_space) / 2);
      }
      .row button {
        min-height: 36px;
        padding: 0 var(--_space);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        cursor: pointer;
        white-space: nowrap;
      }
      .row button[aria-pressed='true'] {
        border-color: var(--_primary);
      }
      .row button:disabled {
        color: var(--_muted);
        cursor: default;
      }
      .status {
        align-self: center;
        color: var(--_success);
        font-size: 0.9em;
      }
    `,
  ]

  @property() value = ''
  @property() placeholder = ''
  // Each text below is built in, in English and Spanish; set one to override it.
  /** The Reveal button's text while the secret is masked. */
  @property({ attribute: 'reveal-label' })
  @defaultText(() => msg('Reveal', { id: 'form.reveal' }))
  revealLabel!: string
  /** The same button's text while the secret is shown. */
  @property({ attribute: 'hide-label' })
  @defaultText(() => msg('Hide', { id: 'form.hide' }))
  hideLabel!: string
  @property({ attribute: 'copy-label' })
  @defaultText(() => msg('Copy', { id: 'form.copy' }))
  copyLabel!: string
  /** Announced (and shown) after a successful copy. */
  @property({ attribute: 'copied-label' })
  @defaultText(() => msg('Copied', { id: 'form.copied' }))
  copiedLabel!: string
  /** Announced when the clipboard is unavailable and the text was selected instead. */
  @property({ attribute: 'selected-label' })
  @defaultText(() => msg('Selected: press Ctrl+C (⌘C) to copy', { id: 'form.selected' }))
  selectedLabel!: string
  /** Whether the secret is shown in clear text. */
  @property({ type: Boolean, reflect: true }) revealed = false

  @state() private status = ''
  @query('input') private input!: HTMLInputElement
  private statusTimer?: ReturnType<typeof setTimeout>

  private get statusId() {
    return `${this.uid}-status`
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearTimeout(this.statusTimer)
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('value') && changed.get('value') !== undefined) this.status = ''
  }

  /** Copies the value to the clipboard; resolves to whether it was copied. */
  async copy(): Promise<boolean> {
    let copied = false
    try {
      if (!navigator.clipboard?.writeText) throw new Error('No clipboard')
      await navigator.clipboard.writeText(this.value)
      copied = true
    } catch {
      this.revealed = true
      await this.updateComplete
      this.input.focus()
      this.input.select()
    }
    await this.announce(copied ? this.copiedLabel : this.selectedLabel)
    if (copied) {
      this.dispatchEvent(
        new CustomEvent<CopyDetail>('cg-copy', { detail: { name: this.name }, bubbles: true }),
      )
    }
    return copied
  }

  /** Sets the live region's text, clearing it first so the same message is announced again. */
  private async announce(message: string): Promise<void> {
    clearTimeout(this.statusTimer)
    if (this.status) {
      this.status = ''
      await this.updateComplete
    }
    this.status = message
    await this.updateComplete
    this.statusTimer = setTimeout(() => {
      this.status = ''
    }, STATUS_MS)
  }

  override render() {
    return html`<div class="field">
      <label for=${this.inputId}>${this.label}</label>
      <div class="row">
        <input
          id=${this.inputId}
          class="control"
          part="input"
          type=${this.revealed ? 'text' : 'password'}
          name=${this.name}
          .value=${live(this.value)}
          placeholder=${this.placeholder || nothing}
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          ?disabled=${this.disabled}
          ?readonly=${this.readonly}
          ?required=${this.required}
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-describedby=${this.describedBy || nothing}
          @input=${(e: Event) => this.changed((e.target as HTMLInputElement).value)}
        />
        <div class="buttons">
          <button
            type="button"
            part="reveal-button"
            aria-pressed=${this.revealed ? 'true' : 'false'}
            aria-controls=${this.inputId}
            ?disabled=${this.disabled}
            @click=${() => {
              this.revealed = !this.revealed
            }}
          >
            ${this.revealed ? this.hideLabel : this.revealLabel}
          </button>
          <button
            type="button"
            part="copy-button"
            ?disabled=${this.disabled || !this.value}
            @click=${() => this.copy()}
          >
            ${this.copyLabel}
          </button>
        </div>
        <span class="status" part="status" id=${this.statusId} aria-live="polite">${this.status}</span>
      </div>
      ${this.renderMessages()}
    </div>`
  }
}

defineElement('cg-secret-field', CgSecretField)

declare global {
  interface HTMLElementTagNameMap {
    'cg-secret-field': CgSecretField
  }
}
