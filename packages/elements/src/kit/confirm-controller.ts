/** @module ConfirmController: asks a `Confirmation` in the kit's confirm dialog (`#cg-confirm`) before an action. */
import { html, nothing, type ReactiveElement } from 'lit'
import type { FieldChangeDetail } from '../form/field-element.ts'
import type { CgDialog } from './cg-dialog.ts'
import { dialogReady } from './dialog-loader.ts'
import { controlsReady, renderField } from './fields.ts'
import type { Confirmation } from './row-actions.ts'

/**
 * Put `render()` once in the host's template; `ask(question)` shows that question and resolves to whether the
 * member confirmed (the focus goes back to where it was, as `cg-dialog` does), `choose(question)` to the option
 * chosen of the question's `choice`, or null. `ListTab` asks with one.
 */
export class ConfirmController {
  /** The question asked last. */
  question: Confirmation | null = null
  /** The option chosen of the question's `choice`. */
  private chosen = ''

  constructor(private readonly host: ReactiveElement) {}

  async ask(question: Confirmation): Promise<boolean> {
    this.question = question
    this.chosen = question.choice?.options[0]?.value ?? ''
    await Promise.all([dialogReady(), question.choice && controlsReady([this.choiceField(question.choice)])])
    this.host.requestUpdate()
    await this.host.updateComplete
    return (this.host.renderRoot.querySelector('#cg-confirm') as CgDialog).show()
  }

  async choose(question: Confirmation & Required<Pick<Confirmation, 'choice'>>): Promise<string | null> {
    return (await this.ask(question)) ? this.chosen : null
  }

  private choiceField(choice: NonNullable<Confirmation['choice']>) {
    return { kind: 'radio', name: 'choice', label: choice.label, options: choice.options } as const
  }

  render() {
    const q = this.question
    const choice = q?.choice
    return html`<cg-dialog
      id="cg-confirm"
      variant="confirm"
      ?danger=${q?.danger ?? false}
      heading=${q?.heading ?? ''}
      confirm-label=${q?.confirmLabel ?? ''}
      >${q?.body ?? ''}${
        choice
          ? html`<div
              class="choice"
              @cg-field-change=${(e: CustomEvent<FieldChangeDetail>) => {
                this.chosen = String(e.detail.value)
                this.host.requestUpdate()
              }}
            >
              ${renderField(this.choiceField(choice), { values: { choice: this.chosen }, errors: {} }, false)}
            </div>`
          : nothing
      }</cg-dialog
    >`
  }
}
