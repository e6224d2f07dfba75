/** @module `<cg-secret-once>`: a secret shown this once (a new API key): Copy, "I have stored it", then Done. */
import { localized, msg } from '@lit/localize'
import { css, html, LitElement, nothing, type PropertyValues } from 'lit'
import { property, state } from 'lit/decorators.js'
import { defineElement } from '../define.ts'
import '../form/cg-secret-field.ts'
import { defaultText } from '../form/default-text.ts'
import { buttonStyles, tokens } from '../styles/theme.ts'

declare global {
  interface HTMLElementEventMap {
    /** A `<cg-secret-once>`'s Done: the member stored the secret. Bubbles inside its shadow root (not composed). */
    'cg-done': CustomEvent<void>
  }
}

/**
 * The secret in a read-only monospace field with Copy (the clipboard, or the text selected when the clipboard is
 * refused; "Copied" is announced), a warning that it will not be shown again, and Done, which is enabled once
 * "I have stored it" is ticked. Until then Escape does not dismiss a dialog around it either: it moves the focus
 * to the checkbox. Remove the element after `cg-done` so the secret leaves the page.
 *
 * @tag cg-secret-once
 * @fires cg-done - Done was pressed (after "I have stored it" was ticked).
 * @csspart warning - The "will not be shown again" warning.
 * @csspart field - The `<cg-secret-field>`.
 * @csspart stored - The "I have stored it" checkbox's row.
 * @csspart done - The Done button.
 */
@localized()
export class CgSecretOnce extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true }
  static override styles = [
    tokens,
    buttonStyles,
    css`
      :host {
        display: grid;
        gap: calc(var(--_space) * 1.5);
        font-family: var(--_font);
        font-size: var(--_font-size);
        color: var(--_text);
      }
      .warning {
        display: flex;
        gap: var(--_space);
        margin: 0;
        padding: var(--_space) calc(var(--_space) * 1.5);
        border: 1px solid var(--_danger);
        border-inline-start-width: 4px;
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      .warning strong {
        color: var(--_danger);
      }
      .stored {
        display: flex;
        align-items: center;
        gap: var(--_space);
      }
      .stored input {
        width: 1.1em;
        height: 1.1em;
        margin: 0;
        accent-color: var(--_primary);
      }
      .stored input:focus-visible {
        outline: 2px solid var(--_focus);
        outline-offset: 2px;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
      }
    `,
  ]

  /** The secret. */
  @property() value = ''
  /** The field's label. */
  @property() label = ''
  // Each text below is built in, in English and Spanish; set one to override it.
  /** The warning above the field. */
  @property()
  @defaultText(() =>
    msg('Copy it now and keep it somewhere safe, such as a secrets manager. It will not be shown again.', {
      id: 'kit.secret.warning',
    }),
  )
  warning!: string
  /** The checkbox that enables Done. */
  @property({ attribute: 'stored-label' })
  @defaultText(() => msg('I have stored it somewhere safe', { id: 'kit.secret.stored' }))
  storedLabel!: string
  @property({ attribute: 'done-label' })
  @defaultText(() => msg('Done', { id: 'kit.secret.done' }))
  doneLabel!: string

  /**
   * The secret can be shown again later (a webhook's signing secret, revealed on request): no warning, no
   * "I have stored it", and Done (and Escape) close at once.
   */
  @property({ type: Boolean, reflect: true }) again = false

  /** "I have stored it" is ticked. */
  @state() stored = false

  constructor() {
    super()
    this.addEventListener('keydown', this.onKeydown)
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && changed.get('value') !== undefined) this.stored = false // a new secret
  }

  /** Escape would close the dialog around us and lose the secret: not before the member says it is stored. */
  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || this.stored || this.again) return
    event.preventDefault() // the dialog's close request never starts
    this.renderRoot.querySelector<HTMLInputElement>('#stored')?.focus()
  }

  private done(): void {
    if (this.stored || this.again) this.dispatchEvent(new CustomEvent('cg-done', { bubbles: true }))
  }

  override render() {
    const { again } = this
    return html`${
      again
        ? nothing
        : html`<p class="warning" part="warning">
            <strong aria-hidden="true">!</strong><span>${this.warning}</span>
          </p>`
    }
      <cg-secret-field
        part="field"
        name="secret"
        label=${this.label}
        .value=${this.value}
        readonly
        revealed
      ></cg-secret-field>
      ${again ? nothing : this.renderStored()}
      <div class="actions">
        <button type="button" class="primary" part="done" ?disabled=${!this.stored && !again} @click=${this.done}>
          ${this.doneLabel}
        </button>
      </div>`
  }

  private renderStored() {
    return html`<div class="stored" part="stored">
        <input
          id="stored"
          type="checkbox"
          .checked=${this.stored}
          @change=${(e: Event) => {
            this.stored = (e.target as HTMLInputElement).checked
          }}
        />
        <label for="stored">${this.storedLabel}</label>
      </div>`
  }
}

defineElement('cg-secret-once', CgSecretOnce)

declare global {
  interface HTMLElementTagNameMap {
    'cg-secret-once': CgSecretOnce
  }
}
