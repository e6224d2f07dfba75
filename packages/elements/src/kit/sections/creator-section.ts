/** @module CreatorSection: a dialog of fields that creates a row by calling a function (Generate an API key). */
import { msg } from '@lit/localize'
import { html, nothing, type ReactiveElement } from 'lit'
import { failureText } from '../../api/failure-text.ts'
import type { CgDialog } from '../cg-dialog.ts'
import { dialogReady } from '../dialog-loader.ts'
import { type FieldSpec, renderField } from '../fields.ts'
import type { FunctionController } from '../function-controller.ts'
import { localizeIssue } from '../issues.ts'
import type { SecretSection } from './secret-section.ts'
import { controlsLoaded, offlineText, submitOnEnter, toast } from './section-host.ts'

export interface CreatorOptions<Created> {
  /** The function that creates the rows; the dialog's form is its form. */
  creator: FunctionController<Created>
  /** The dialog's fields (called on each render: they may follow the values). */
  fields: () => FieldSpec[]
  /** Every field the dialog can draw (`fields` by default), defined before it opens. */
  allFields?: () => FieldSpec[] | Promise<FieldSpec[]>
  /** The dialog's heading (`create`) and submit button (`submitCreate`, the heading by default). */
  texts: () => { create?: string; submitCreate?: string }
  /** Where the answer's secret will show: its panel is loaded before the call, so no secret is made unseen. */
  secret?: SecretSection
  /** What follows a create, from the function's answer (`ListSection.finish` of what it did). */
  created: (value: Created) => Promise<void>
}

/**
 * Put `render()` once in the tab's template; `open(opener)` shows the dialog. Its form, and what was typed, goes
 * when it closes (Escape asks first once something was typed), and the focus returns to `opener`; Enter in a field
 * submits, once: a second submit while the first is under way does nothing. Issues the function's contract finds
 * go under the fields, and a failure no field explains is said inside the dialog, which stays open.
 */
export class CreatorSection<Created> {
  /** The dialog is open. */
  private creating = false
  /** Why the last create failed, when no field is to blame. */
  private failure = ''
  /** A submit is under way, from the first click to the answer (the secret panel's chunk, then the call). */
  private submitting = false

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: CreatorOptions<Created>,
  ) {}

  /** What was typed in the open dialog is not sent yet. */
  get dirty(): boolean {
    return this.creating && this.options.creator.dirty
  }

  private dialog(): CgDialog | null {
    return this.host.renderRoot.querySelector<CgDialog>('#cg-create')
  }

  private fail(failure: string): void {
    this.failure = failure
    this.host.requestUpdate()
  }

  /** Opens the dialog (once it and its controls are defined); resolves when it closed. */
  async open(opener: HTMLElement): Promise<void> {
    const { host, options } = this
    const loaded = await Promise.all([
      controlsLoaded(options.allFields ?? options.fields),
      dialogReady().then(
        () => true,
        () => false,
      ),
    ])
    if (!loaded.every(Boolean)) {
      toast(host, offlineText(), 'error')
      return
    }
    if (this.creating) return // a second click while the first opens it
    options.creator.reset()
    this.creating = true
    this.fail('')
    await host.updateComplete
    const created = (await this.dialog()?.show()) ?? false
    this.creating = false
    host.requestUpdate()
    if (!created) opener.focus() // also when it was opened without focusing New (a script's click())
  }

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault()
    if (this.submitting) return // one click, one request: a double click creates one row
    this.submitting = true
    this.fail('')
    try {
      await this.submit()
    } finally {
      this.submitting = false
      this.host.requestUpdate()
    }
  }

  private async submit(): Promise<void> {
    const { creator, secret } = this.options
    if (secret && !(await secret.loaded())) {
      this.fail(offlineText())
      return
    }
    const result = await creator.submit()
    if (result.ok) {
      this.dialog()?.close(true) // gone if the member pressed Escape meanwhile: the secret is shown anyway
      await this.options.created(result.value)
      return
    }
    await this.host.updateComplete
    const shown = this.options.fields().map((field) => field.name)
    const field = Object.keys(creator.errors).find((name) => shown.includes(name))
    const other = Object.values(creator.errors)[0] // an issue on a value the form does not show
    if (field) {
      this.host.renderRoot
        .querySelector<HTMLElement>(`#cg-create-form [name="${CSS.escape(field)}"]`)
        ?.focus()
    } else if (other) {
      this.fail(`${other.field}: ${localizeIssue(other)}`)
    } else if (result.reason === 'failed') {
      this.fail(failureText(result.error))
    }
  }

  /** The dialog while it is open: the fields bound to the function, Cancel and the submit button. */
  render() {
    const { creator, texts } = this.options
    if (!this.creating) return nothing
    const { create = '', submitCreate } = texts()
    const busy = this.submitting ? 'true' : 'false'
    return html`<cg-dialog id="cg-create" heading=${create} ?dirty=${creator.dirty}>
      <form
        id="cg-create-form"
        novalidate
        aria-label=${create}
        aria-busy=${busy}
        @submit=${this.onSubmit}
        @keydown=${submitOnEnter}
        @cg-field-change=${creator.onFieldChange}
      >
        ${this.options.fields().map((field) => renderField(field, creator, false))}
        ${this.failure ? html`<p class="failed" role="alert">${this.failure}</p>` : nothing}
      </form>
      <button slot="footer" type="button" @click=${() => this.dialog()?.close(false)}>
        ${msg('Cancel', { id: 'kit.cancel' })}
      </button>
      <button slot="footer" type="submit" form="cg-create-form" class="primary" aria-busy=${busy} aria-disabled=${busy}>
        ${submitCreate ?? create}
      </button>
    </cg-dialog>`
  }
}
