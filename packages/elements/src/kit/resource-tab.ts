/** @module The base of every kit tab: fields, the read-only note, the Save row, saving with a toast and `cg-saved`. */
import { policies, type ResourceName, resourcePolicies } from '@connectgain/contracts/permissions'
import type { TabId } from '@connectgain/contracts/tabs'
import { msg, updateWhenLocaleChanges } from '@lit/localize'
import { html, LitElement, nothing, type TemplateResult } from 'lit'
import { query } from 'lit/decorators.js'
import type { ApiRequestError } from '../api/client.ts'
import { failureText } from '../api/failure-text.ts'
import { emit } from '../events.ts'
import '../form/cg-toast.ts'
import type { CgToastRegion } from '../form/cg-toast.ts'
import { controlsReady, type FieldSpec, renderField } from './fields.ts'
import type { ResourceController } from './resource-controller.ts'
import { tabStyles } from './tab-styles.ts'

/** Why a member cannot change a resource, from the policy that guards it. */
function readOnlyNote(resource: ResourceName): string {
  const writers: readonly string[] = policies[resourcePolicies[resource]].write
  return writers.length === 2 && writers.includes('owner') && writers.includes('admin')
    ? msg('Only owners and admins can change these settings.', { id: 'kit.readonly-admins' })
    : msg('Your role cannot change these settings.', { id: 'kit.readonly' })
}

/** A failed request as a toast: field issues are shown under the fields, so the toast only points at them. */
export function saveFailureText(error: ApiRequestError): string {
  if (Object.keys(error.fieldIssues).length)
    return msg('Check the fields marked below.', { id: 'kit.check-fields' })
  return failureText(error)
}

/**
 * A tab declares its `tab` id, its `resource` (a `ResourceController`) and its `fields()`; this base renders
 * them read-only when the member's role cannot write, and saves them.
 *
 * @fires cg-saved - The tab saved a row; `detail: { tab, resource, value }`.
 * @cssprop [--cg-form-width=576px] - The widest a tab's form grows.
 */
export abstract class ResourceTab<Row extends { id: string }> extends LitElement {
  static override styles = tabStyles

  constructor() {
    super()
    updateWhenLocaleChanges(this) // @localized(), which an abstract class cannot take
  }

  /** The tab's id, reported in `cg-saved`. */
  protected abstract readonly tab: TabId
  protected abstract readonly resource: ResourceController<Row>
  /** The form's fields, in order (called on each render, so labels follow the locale). */
  protected abstract fields(): FieldSpec[]

  /**
   * Every field the tab's forms can draw, whose controls `loadControls()` defines before a form shows:
   * `fields()` by default. A tab whose fields change with the values lists them all (API Keys: the date that
   * "Custom date" shows); one whose fields come with a chunk of their own waits for it (Webhooks).
   */
  protected allFields(): FieldSpec[] | Promise<FieldSpec[]> {
    return this.fields()
  }

  /**
   * Loads the form controls `allFields()` draw (each kind's module once per page); resolves to whether they
   * are defined. False means a module could not be fetched: the member is told, and may try again.
   */
  protected async loadControls(): Promise<boolean> {
    try {
      await controlsReady(await this.allFields())
      return true
    } catch {
      return false
    }
  }

  /** What a form that could not load its controls says: a chunk that did not come is the network's fault. */
  protected get offlineText(): string {
    return msg('Could not reach the server. Check your connection.', { id: 'kit.offline' })
  }

  @query('cg-toast-region') protected toasts?: CgToastRegion

  /** True while the form has changes that are not saved (the shell asks before leaving). */
  abstract get hasUnsavedChanges(): boolean

  protected get readonly(): boolean {
    return !this.resource.canWrite
  }

  protected renderNote() {
    return this.readonly ? html`<p class="note">${readOnlyNote(this.resource.spec.name)}</p>` : nothing
  }

  protected renderFields() {
    return this.fields().map((field) => renderField(field, this.resource, this.readonly))
  }

  /** Save (with `extra` buttons after it) and "Unsaved changes". */
  protected renderActions(disabled: boolean, extra: TemplateResult | typeof nothing = nothing) {
    const { saving, dirty } = this.resource
    return html`<div class="actions">
      <button type="submit" class="primary" ?disabled=${disabled}>
        ${saving ? msg('Saving…', { id: 'kit.saving' }) : msg('Save Changes', { id: 'kit.save' })}
      </button>
      ${extra}
      <span class="muted" role="status">${dirty ? msg('Unsaved changes', { id: 'kit.dirty' }) : nothing}</span>
    </div>`
  }

  protected renderToasts() {
    return html`<cg-toast-region></cg-toast-region>`
  }

  /** Saves the form: a toast says so and `cg-saved` tells the host; on failure the first field at fault gets focus. */
  protected async saveForm(savedText: string): Promise<boolean> {
    const result = await this.resource.save()
    if (result.ok) {
      this.toasts?.show(savedText, 'success')
      emit(this, 'cg-saved', { tab: this.tab, resource: this.resource.spec.name, value: result.row })
      return true
    }
    if (result.reason === 'failed') this.toasts?.show(saveFailureText(result.error), 'error')
    await this.updateComplete
    const field = Object.keys(this.resource.errors)[0]
    if (field) this.renderRoot.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`)?.focus()
    return false
  }
}
