/** @module ConfirmController: asks a `Confirmation` in the kit's confirm dialog (`#cg-confirm`) before an action. */
import { html, type ReactiveElement } from 'lit'
import './cg-dialog.ts'
import type { CgDialog } from './cg-dialog.ts'
import type { Confirmation } from './row-actions.ts'

/**
 * Put `render()` once in the host's template; `ask(question)` shows that question and resolves to whether the
 * member confirmed (the focus goes back to where it was, as `cg-dialog` does). `ListTab` asks with one.
 */
export class ConfirmController {
  /** The question asked last. */
  question: Confirmation | null = null

  constructor(private readonly host: ReactiveElement) {}

  async ask(question: Confirmation): Promise<boolean> {
    this.question = question
    this.host.requestUpdate()
    await this.host.updateComplete
    return (this.host.renderRoot.querySelector('#cg-confirm') as CgDialog).show()
  }

  render() {
    const q = this.question
    return html`<cg-dialog
      id="cg-confirm"
      variant="confirm"
      ?danger=${q?.danger ?? false}
      heading=${q?.heading ?? ''}
      confirm-label=${q?.confirmLabel ?? ''}
      >${q?.body ?? ''}</cg-dialog
    >`
  }
}
