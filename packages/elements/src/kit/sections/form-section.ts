/** @module FormSection: one row's form (the organization, the member's own preferences, a list's row being edited). */
import { policies, type ResourceName, resourcePolicies } from '@connectgain/contracts/permissions'
import type { TabId } from '@connectgain/contracts/tabs'
import { msg } from '@lit/localize'
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit'
import type { ApiRequestError } from '../../api/client.ts'
import { failureText } from '../../api/failure-text.ts'
import { emit } from '../../events.ts'
import { type FieldSpec, renderField } from '../fields.ts'
import { skeleton } from '../placeholders.ts'
import type { ResourceController } from '../resource-controller.ts'
import { checkFields, controlsLoaded, offlineText, submitOnEnter, toast } from './section-host.ts'

/** Why a member cannot change `resource`, from the policy that guards it, as the note above a form or a list. */
export function readOnlyNote(resource: ResourceName) {
  const writers: readonly string[] = policies[resourcePolicies[resource]].write
  const why =
    writers.length === 2 && writers.includes('owner') && writers.includes('admin')
      ? msg('Only owners and admins can change these settings.', { id: 'kit.readonly-admins' })
      : msg('Your role cannot change these settings.', { id: 'kit.readonly' })
  return html`<p class="note">${why}</p>`
}

/**
 * A failed request as a toast: field issues are shown under the fields, so the toast names those fields (buttons
 * that focus them, when `fields` are given).
 */
export function saveFailureText(
  error: ApiRequestError,
  host?: ReactiveElement,
  fields: readonly FieldSpec[] = [],
) {
  const issues = error.fieldIssues
  return host && Object.keys(issues).length ? checkFields(host, issues, fields) : failureText(error)
}

export interface FormOptions<Row extends { id: string }> {
  /** The tab's id, reported in `cg-saved`. */
  tab: TabId
  resource: ResourceController<Row>
  /** The form's fields, in order (called on each render, so labels follow the locale). */
  fields: () => FieldSpec[]
  /** Every field the form can draw, whose controls are defined before it shows (`fields` by default). */
  allFields?: () => FieldSpec[] | Promise<FieldSpec[]>
  /** The toast after a save, e.g. "Organization settings saved." */
  saved: () => string
}

/**
 * The fields of a resource's row (read-only when the member's role cannot write it), the Save row, and saving
 * with a toast and `cg-saved`; Enter in a field saves too, and a second Save while one is under way does nothing.
 * On a failure the toast names the fields at fault and the first gets the focus. Put `render()` in the tab's
 * template: the row's form, a skeleton of its fields while it loads, or its failed state. A row's form (`org`, `own`) defines its controls as
 * the tab connects, beside the row's first load; a list's (the editor `ListSection` shows) when the list asks.
 */
export class FormSection<Row extends { id: string }> implements ReactiveController {
  /** Whether the form's controls are defined: the form shows once they and the row are both in. */
  controls: 'loading' | 'ready' | 'failed' = 'loading'
  readonly resource: ResourceController<Row>

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: FormOptions<Row>,
  ) {
    this.resource = options.resource
    host.addController(this)
  }

  get readonly(): boolean {
    return !this.resource.canWrite
  }

  hostConnected(): void {
    if (this.resource.spec.shape !== 'list' && this.controls !== 'ready') void this.defineControls()
  }

  /** Defines the controls of every field the form can draw; resolves to whether they are. */
  loadControls(): Promise<boolean> {
    return controlsLoaded(this.options.allFields ?? this.options.fields)
  }

  private async defineControls(): Promise<void> {
    this.controls = 'loading'
    this.host.requestUpdate()
    this.controls = (await this.loadControls()) ? 'ready' : 'failed'
    this.host.requestUpdate()
  }

  renderFields() {
    return this.options.fields().map((field) => renderField(field, this.resource, this.readonly))
  }

  /** Save (with `extra` buttons after it) and "Unsaved changes". */
  renderActions(disabled: boolean, extra: TemplateResult | typeof nothing = nothing) {
    const { saving, dirty } = this.resource
    return html`<div class="actions">
      <button type="submit" class="primary" ?disabled=${disabled} aria-busy=${saving ? 'true' : 'false'}>
        ${saving ? msg('Saving…', { id: 'kit.saving' }) : msg('Save changes', { id: 'kit.save' })}
      </button>
      ${extra}
      <span class="muted" role="status">${dirty ? msg('Unsaved changes', { id: 'kit.dirty' }) : nothing}</span>
    </div>`
  }

  /**
   * Saves the form: a toast says so and `cg-saved` tells the host; on failure a toast names the fields at fault
   * and the first gets focus.
   */
  async save(): Promise<boolean> {
    const { host, resource } = this
    const result = await resource.save()
    if (result.ok) {
      toast(host, this.options.saved(), 'success')
      emit(host, 'cg-saved', { tab: this.options.tab, resource: resource.spec.name, value: result.row })
      return true
    }
    const fields = this.options.fields()
    toast(
      host,
      result.reason === 'failed'
        ? saveFailureText(result.error, host, fields)
        : checkFields(host, resource.errors, fields),
      'error',
    )
    await host.updateComplete
    const field = Object.keys(resource.errors)[0]
    if (field) host.renderRoot.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`)?.focus()
    return false
  }

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault()
    if (this.resource.dirty && !this.resource.saving) void this.save()
  }

  /** Try again: whatever failed, the row or the controls. */
  private readonly retry = (): void => {
    if (this.resource.status === 'failed') void this.resource.load()
    if (this.controls === 'failed') void this.defineControls()
  }

  /** The row's form, or its loading or failed state. */
  render() {
    const { status, loadError, canRetry, saving, dirty, onFieldChange } = this.resource
    const { controls, readonly } = this
    if (status === 'failed' || controls === 'failed') {
      // The row's failure says more (and whether trying again can help); controls that did not come are the network.
      const why = status === 'failed' ? loadError : offlineText()
      const retry = status === 'failed' ? canRetry : true
      return html`<div role="alert" class="failed">
        <p>${msg('Could not load these settings.', { id: 'kit.load-failed' })} ${why}</p>
        ${retry ? html`<button type="button" @click=${this.retry}>${msg('Try again', { id: 'kit.retry' })}</button>` : nothing}
      </div>`
    }
    if (status === 'loading' || controls === 'loading') return skeleton(this.options.fields().length)
    return html`<form
      novalidate
      @submit=${this.onSubmit}
      @keydown=${submitOnEnter}
      @cg-field-change=${onFieldChange}
    >
      ${readonly ? readOnlyNote(this.resource.spec.name) : nothing} ${this.renderFields()}
      ${readonly ? nothing : this.renderActions(!dirty || saving)}
    </form>`
  }
}
