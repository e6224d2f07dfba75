/** @module FormTab: a tab that is one form over one row (the organization, the member's own preferences). */
import { msg } from '@lit/localize'
import { html, nothing } from 'lit'
import { ResourceTab } from './resource-tab.ts'

/**
 * Loads the row, shows its fields (read-only when the role cannot write), saves the changes. A tab
 * declares `tab`, `resource` (shape `org` or `own`), `fields()` and `savedText()`.
 */
export abstract class FormTab<Row extends { id: string }> extends ResourceTab<Row> {
  /** The toast after a save, e.g. "Organization settings saved." */
  protected abstract savedText(): string

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
    if (status === 'loading') {
      return html`<p role="status" class="muted">${msg('Loading…', { id: 'shell.loading' })}</p>`
    }
    if (status === 'failed') {
      return html`<div role="alert" class="failed">
        <p>${msg('Could not load these settings.', { id: 'kit.load-failed' })} ${loadError}</p>
        ${canRetry ? html`<button type="button" @click=${() => this.resource.load()}>${msg('Try again', { id: 'kit.retry' })}</button>` : nothing}
      </div>`
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
