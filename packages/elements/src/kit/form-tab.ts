/** @module FormTab: a tab that is one form over one row (the organization, the member's own preferences). */
import { msg } from '@lit/localize'
import { html, nothing } from 'lit'
import { state } from 'lit/decorators.js'
import { ResourceTab } from './resource-tab.ts'

/**
 * Loads the row, shows its fields (read-only when the role cannot write), saves the changes. A tab
 * declares `tab`, `resource` (shape `org` or `own`), `fields()` and `savedText()`.
 */
export abstract class FormTab<Row extends { id: string }> extends ResourceTab<Row> {
  /** The toast after a save, e.g. "Organization settings saved." */
  protected abstract savedText(): string

  /** Whether the form's controls are defined: the form shows once they and the row are both in. */
  @state() private controls: 'loading' | 'ready' | 'failed' = 'loading'

  override connectedCallback(): void {
    super.connectedCallback()
    if (this.controls !== 'ready') void this.defineControls()
  }

  /** Loads the controls beside the row's first load, so the form rarely waits for them. */
  private async defineControls(): Promise<void> {
    this.controls = 'loading'
    this.controls = (await this.loadControls()) ? 'ready' : 'failed'
  }

  /** Try again: whatever failed, the row or the controls. */
  private retry(): void {
    if (this.resource.status === 'failed') void this.resource.load()
    if (this.controls === 'failed') void this.defineControls()
  }

  get hasUnsavedChanges(): boolean {
    return this.resource.dirty
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault()
    if (this.resource.dirty && !this.resource.saving) void this.saveForm(this.savedText())
  }

  /**
   * The form, or its loading or failed state: `render()` is this and the toasts. A tab with more sections than
   * the form renders them around it (see the Notifications tab).
   */
  protected renderForm() {
    const { status, loadError, canRetry, saving, dirty, onFieldChange } = this.resource
    const { controls } = this
    if (status === 'failed' || controls === 'failed') {
      // The row's failure says more (and whether trying again can help); controls that did not come are the network.
      const why = status === 'failed' ? loadError : this.offlineText
      const retry = status === 'failed' ? canRetry : true
      return html`<div role="alert" class="failed">
        <p>${msg('Could not load these settings.', { id: 'kit.load-failed' })} ${why}</p>
        ${retry ? html`<button type="button" @click=${this.retry}>${msg('Try again', { id: 'kit.retry' })}</button>` : nothing}
      </div>`
    }
    if (status === 'loading' || controls === 'loading') {
      return html`<p role="status" class="muted">${msg('Loading…', { id: 'shell.loading' })}</p>`
    }
    return html`<form novalidate @submit=${this.onSubmit} @cg-field-change=${onFieldChange}>
      ${this.renderNote()} ${this.renderFields()}
      ${this.readonly ? nothing : this.renderActions(!dirty || saving)}
    </form>`
  }

  override render() {
    return html`${this.renderForm()}${this.renderToasts()}`
  }
}
