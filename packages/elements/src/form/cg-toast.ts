/** @module `<cg-toast-region>`: transient messages (saved, failed, …), one of each kind, in the bottom-right corner. */
import { localized, msg } from '@lit/localize'
import { css, html, LitElement, type TemplateResult } from 'lit'
import { property, state } from 'lit/decorators.js'
import { repeat } from 'lit/directives/repeat.js'
import { defineElement } from '../define.ts'
import { tokens } from '../styles/theme.ts'
import { defaultText } from './default-text.ts'

export type ToastKind = 'success' | 'error' | 'info'

/** A toast's text, or a template of text and buttons (the fields a failed save points to). */
export type ToastMessage = string | TemplateResult

interface Toast {
  id: number
  message: ToastMessage
  kind: ToastKind
  /** Milliseconds left before it dismisses itself; Infinity when it stays. */
  remaining: number
  startedAt: number
  timer?: ReturnType<typeof setTimeout>
}

let nextToast = 0

/**
 * Place one in a tab's shadow root and call `show()`. Success and info toasts are announced politely
 * (`role="status"`), errors assertively (`role="alert"`). A toast replaces the one of its kind before it, and a
 * success clears the errors, which it answers. Timers pause while the pointer or focus is on a toast.
 *
 * @tag cg-toast-region
 * @csspart region - The fixed container that stacks the toasts.
 * @csspart toast - Each toast (also `toast-success`, `toast-error` or `toast-info` by kind).
 * @csspart message - A toast's text.
 * @csspart dismiss - A toast's close button.
 */
@localized()
export class CgToastRegion extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        font-family: var(--_font);
        font-size: var(--_font-size);
        color: var(--_text);
      }
      .region {
        position: fixed;
        right: calc(var(--_space) * 2);
        bottom: calc(var(--_space) * 2);
        z-index: 1000;
        width: min(384px, calc(100vw - var(--_space) * 4));
        pointer-events: none;
      }
      .toast {
        pointer-events: auto;
        margin-top: var(--_space);
        display: flex;
        align-items: flex-start;
        gap: var(--_space);
        padding: var(--_space) var(--_space) var(--_space) calc(var(--_space) * 1.5);
        background: var(--_bg);
        color: var(--_text);
        border: 1px solid var(--_border);
        border-left: 4px solid var(--_primary);
        border-radius: var(--_radius);
        box-shadow: 0 4px 16px color-mix(in srgb, var(--_text) 18%, transparent);
      }
      .toast.success {
        border-left-color: var(--_success);
      }
      .toast.error {
        border-left-color: var(--_danger);
      }
      .message {
        flex: 1;
        min-width: 0;
        padding: calc(var(--_space) / 2) 0;
        overflow-wrap: anywhere;
      }
      [part='dismiss'] {
        flex: none;
        display: grid;
        place-items: center;
        width: 32px;
        height: 32px;
        padding: 0;
        border: 0;
        border-radius: var(--_radius);
        background: none;
        color: var(--_muted);
        font: inherit;
        font-size: 1.25em;
        line-height: 1;
        cursor: pointer;
      }
      [part='dismiss']:hover {
        background: var(--_surface);
        color: var(--_text);
      }
      .message button {
        all: unset;
        color: var(--_primary);
        text-decoration: underline;
        cursor: pointer;
      }
      button:focus-visible {
        outline: 2px solid var(--_focus);
        outline-offset: 1px;
      }
    `,
  ]

  /** The close button's accessible name; "Dismiss" in the UI's language by default. */
  @property({ attribute: 'dismiss-label' })
  @defaultText(() => msg('Dismiss', { id: 'form.dismiss' }))
  dismissLabel!: string

  @state() private toasts: Toast[] = []
  private paused = false
  private hovered = false
  private focused = false

  /**
   * Shows a message in place of the last one of its kind (a success also clears the errors); it dismisses itself
   * after `timeoutMs` (0 or less: it stays until closed). An empty message shows nothing.
   */
  show(message: ToastMessage, kind: ToastKind = 'info', timeoutMs = 5000): void {
    if (!message) return
    for (const old of this.toasts)
      if (old.kind === kind || (kind === 'success' && old.kind === 'error')) this.dismiss(old.id)
    const toast: Toast = {
      id: ++nextToast,
      message,
      kind,
      remaining: timeoutMs > 0 ? timeoutMs : Number.POSITIVE_INFINITY,
      startedAt: Date.now(),
    }
    this.toasts = [...this.toasts, toast]
    if (!this.paused) this.startTimer(toast)
  }

  /** Removes a toast now. */
  dismiss(id: number): void {
    const toast = this.toasts.find((t) => t.id === id)
    if (!toast) return
    clearTimeout(toast.timer)
    this.toasts = this.toasts.filter((t) => t !== toast)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    for (const toast of this.toasts) clearTimeout(toast.timer)
    this.toasts = []
  }

  private startTimer(toast: Toast): void {
    if (!Number.isFinite(toast.remaining)) return
    toast.startedAt = Date.now()
    toast.timer = setTimeout(() => this.dismiss(toast.id), toast.remaining)
  }

  /** Timers stop while the pointer is over a toast or focus is in one, and start again after. */
  private syncPause(): void {
    const paused = this.hovered || this.focused
    if (paused === this.paused) return
    this.paused = paused
    for (const toast of this.toasts) {
      if (paused) {
        clearTimeout(toast.timer)
        if (Number.isFinite(toast.remaining)) toast.remaining -= Date.now() - toast.startedAt
      } else {
        this.startTimer(toast)
      }
    }
  }

  protected override updated(): void {
    // A dismissed toast can take the focus with it (no focusout fires then).
    if (this.focused && !this.shadowRoot?.activeElement) {
      this.focused = false
      this.syncPause()
    }
  }

  private onFocusOut(event: FocusEvent): void {
    this.focused = (event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null)
    this.syncPause()
  }

  private renderToasts(kinds: ToastKind[]) {
    return repeat(
      this.toasts.filter((t) => kinds.includes(t.kind)),
      (t) => t.id,
      (t) =>
        html`<div class="toast ${t.kind}" part="toast toast-${t.kind}">
          <div class="message" part="message">${t.message}</div>
          <button type="button" part="dismiss" aria-label=${this.dismissLabel} @click=${() => this.dismiss(t.id)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>`,
    )
  }

  override render() {
    return html`<div
      class="region"
      part="region"
      @mouseenter=${() => {
        this.hovered = true
        this.syncPause()
      }}
      @mouseleave=${() => {
        this.hovered = false
        this.syncPause()
      }}
      @focusin=${() => {
        this.focused = true
        this.syncPause()
      }}
      @focusout=${this.onFocusOut}
    >
      <div role="status" aria-live="polite">${this.renderToasts(['success', 'info'])}</div>
      <div role="alert">${this.renderToasts(['error'])}</div>
    </div>`
  }
}

defineElement('cg-toast-region', CgToastRegion)

declare global {
  interface HTMLElementTagNameMap {
    'cg-toast-region': CgToastRegion
  }
}
