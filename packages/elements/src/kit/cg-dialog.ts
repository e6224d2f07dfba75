/** @module `<cg-dialog>`: a modal dialog on the native `<dialog>`; the `confirm` variant asks before an action. */
import { localized, msg } from '@lit/localize'
import { css, html, LitElement, nothing } from 'lit'
import { property, query, state } from 'lit/decorators.js'
import { defineElement } from '../define.ts'
import { buttonStyles, tokens } from '../styles/theme.ts'

export interface DialogCloseDetail {
  /** True when the member chose the confirm button. */
  confirmed: boolean
}

declare global {
  interface HTMLElementEventMap {
    /** A `<cg-dialog>` closed. Bubbles inside the shadow root it is in (not composed). */
    'cg-close': CustomEvent<DialogCloseDetail>
  }
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]'

/** The element that has focus, looking inside shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
  return active as HTMLElement | null
}

/** Focusable elements in `root` and its light-DOM descendants, in document order. */
function focusables(root: Element): HTMLElement[] {
  const all = [root, ...root.querySelectorAll('*')] as HTMLElement[]
  return all.filter(
    (el) => (el.matches(FOCUSABLE) && el.tabIndex >= 0) || el.shadowRoot?.delegatesFocus === true,
  )
}

/**
 * Opens modal (`show()`), so the rest of the page is inert and Tab stays inside; Escape cancels, except that in a
 * `dirty` dialog (a form with edits) it first asks "Discard this draft?" (Keep editing, Discard); on close
 * the focus goes back to where it was. The `confirm` variant has Cancel and a confirm button, focuses
 * Cancel when `danger` (the safe choice), and `show()` resolves to whether the member confirmed.
 *
 * @tag cg-dialog
 * @slot - The dialog's body.
 * @slot footer - Buttons of a dialog that is not a `confirm` (call `close()` from them).
 * @fires cg-close - The dialog closed; `detail.confirmed` says how.
 * @csspart dialog - The native `<dialog>`.
 * @csspart heading - The heading.
 * @csspart actions - The row of buttons.
 * @csspart cancel - The Cancel button (`confirm` variant).
 * @csspart confirm - The confirm button (`confirm` variant).
 * @csspart keep - Keep editing, when Escape asks before discarding a draft.
 * @csspart discard - Discard, beside it.
 * @cssprop [--cg-dialog-width=448px] - The dialog's width (at most 90% of the viewport).
 */
@localized()
export class CgDialog extends LitElement {
  static override styles = [
    tokens,
    buttonStyles,
    css`
      dialog {
        box-sizing: border-box;
        width: min(var(--cg-dialog-width, 448px), 90vw);
        padding: calc(var(--_space) * 2.5);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_text);
        font-family: var(--_font);
        font-size: var(--_font-size);
        line-height: 1.5;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 40%);
      }
      h2 {
        margin: 0 0 var(--_space);
        font-size: 1.15em;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        gap: var(--_space);
        margin-top: calc(var(--_space) * 2);
      }
    `,
  ]

  /** The dialog's title (its accessible name). */
  @property() heading = ''
  /** `confirm`: built-in Cancel and confirm buttons; `default`: your own, in the `footer` slot. */
  @property({ reflect: true }) variant: 'default' | 'confirm' = 'default'
  /** The confirm button is styled as destructive, and Cancel has the focus when the dialog opens. */
  @property({ type: Boolean, reflect: true }) danger = false
  /** Whether the dialog is open (read it; open with `show()`). */
  @property({ type: Boolean, reflect: true }) open = false
  /** The confirm button's text; "OK" (in the UI's language) when empty. */
  @property({ attribute: 'confirm-label' }) confirmLabel = ''
  /** The Cancel button's text; "Cancel" (in the UI's language) when empty. */
  @property({ attribute: 'cancel-label' }) cancelLabel = ''
  /** The dialog holds edits that are not saved: Escape asks before it discards them. */
  @property({ type: Boolean }) dirty = false

  /** Escape was pressed on a draft: the dialog asks whether to discard it. */
  @state() private asking = false

  @query('dialog') private dialog!: HTMLDialogElement
  private returnTo: HTMLElement | null = null
  private settle?: (confirmed: boolean) => void

  /** Opens the dialog modal; resolves when it closes, to true if the member confirmed. */
  async show(): Promise<boolean> {
    if (this.open) this.close(false)
    this.returnTo = deepActiveElement()
    this.open = true
    const closed = new Promise<boolean>((resolve) => {
      this.settle = resolve
    })
    await this.updateComplete
    this.dialog.showModal()
    this.initialFocus()?.focus()
    return closed
  }

  /** Closes the dialog, returns the focus, fires `cg-close`. */
  close(confirmed = false): void {
    if (!this.open) return
    this.open = false
    this.asking = false
    this.dialog?.close()
    this.returnTo?.focus()
    this.returnTo = null
    this.dispatchEvent(new CustomEvent('cg-close', { detail: { confirmed }, bubbles: true }))
    this.settle?.(confirmed)
    this.settle = undefined
  }

  private initialFocus(): HTMLElement | undefined {
    const part = this.variant === 'confirm' ? (this.danger ? 'cancel' : 'confirm') : ''
    return (part && this.renderRoot.querySelector<HTMLElement>(`[part="${part}"]`)) || this.tabOrder()[0]
  }

  /** What Tab walks through: the slotted content, then the buttons. */
  private tabOrder(): HTMLElement[] {
    const slotted = [...this.renderRoot.querySelectorAll('slot')].flatMap((slot) =>
      slot.assignedElements({ flatten: true }).flatMap(focusables),
    )
    return [...slotted, ...this.renderRoot.querySelectorAll<HTMLElement>('.actions > button')]
  }

  /** Back to the draft, at its first field. */
  private async keepEditing(): Promise<void> {
    this.asking = false
    await this.updateComplete
    this.initialFocus()?.focus()
  }

  /**
   * Escape on a draft asks first (Escape on the question keeps the draft): stopped here, at the key, since the
   * browser lets a page stop a dialog's own cancel only once. Tab stays inside the dialog: the page behind is
   * inert, but the browser's own UI is not.
   */
  private async onKeydown(event: KeyboardEvent): Promise<void> {
    if (event.key === 'Escape' && this.dirty && !event.defaultPrevented) {
      event.preventDefault()
      if (this.asking) return this.keepEditing()
      this.asking = true
      await this.updateComplete
      return this.renderRoot.querySelector<HTMLElement>('[part="keep"]')?.focus()
    }
    if (event.key !== 'Tab') return
    const order = this.tabOrder()
    const first = order[0]
    const last = order.at(-1)
    const active = deepActiveElement()
    const inside = (el: HTMLElement | undefined) => !!el && (el === active || el.contains(active))
    if (event.shiftKey && inside(first)) {
      event.preventDefault()
      last?.focus()
    } else if (!event.shiftKey && inside(last)) {
      event.preventDefault()
      first?.focus()
    }
  }

  override render() {
    const confirm = this.variant === 'confirm'
    return html`<dialog
      part="dialog"
      role=${confirm ? 'alertdialog' : nothing}
      aria-labelledby="heading"
      aria-describedby="body"
      @cancel=${(e: Event) => {
        e.preventDefault() // Escape: close our way, so `open` and the focus follow
        this.close(false)
      }}
      @keydown=${this.onKeydown}
    >
      <h2 id="heading" part="heading">${this.heading}</h2>
      <div id="body"><slot></slot></div>
      <div class="actions" part="actions">
        ${
          this.asking
            ? html`<strong role="alert">${msg('Discard this draft?', { id: 'kit.discard-draft' })}</strong>
                <button type="button" part="keep" @click=${this.keepEditing}>
                  ${msg('Keep editing', { id: 'kit.keep-editing' })}
                </button>
                <button type="button" part="discard" class="danger" @click=${() => this.close(false)}>
                  ${msg('Discard', { id: 'kit.discard' })}
                </button>`
            : confirm
              ? html`<button type="button" part="cancel" @click=${() => this.close(false)}>
                ${this.cancelLabel || msg('Cancel', { id: 'kit.cancel' })}
              </button>
              <button
                type="button"
                part="confirm"
                class=${this.danger ? 'danger' : 'primary'}
                @click=${() => this.close(true)}
              >
                ${this.confirmLabel || msg('OK', { id: 'kit.ok' })}
              </button>`
              : html`<slot name="footer"></slot>`
        }
      </div>
    </dialog>`
  }
}

defineElement('cg-dialog', CgDialog)

declare global {
  interface HTMLElementTagNameMap {
    'cg-dialog': CgDialog
  }
}
