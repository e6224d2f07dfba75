/** @module FormTab: the preset of a tab that is one form over one row (the organization, a member's preferences). */
import { html } from 'lit'
import { ResourceTab } from './resource-tab.ts'
import { FormSection } from './sections/form-section.ts'

/**
 * A `FormSection` and the toasts: loads the row, shows its fields (read-only when the role cannot write), saves
 * the changes. A tab declares `tab`, `resource` (shape `org` or `own`), `fields()` and `savedText()`.
 */
export abstract class FormTab<Row extends { id: string }> extends ResourceTab<Row> {
  /** The toast after a save, e.g. "Organization settings saved." */
  protected abstract savedText(): string

  private section?: FormSection<Row>
  /** The form, made on first use: it reads the tab's `resource`, set after this class's fields. */
  protected get form(): FormSection<Row> {
    this.section ??= new FormSection(this, {
      tab: this.tab,
      resource: this.resource,
      fields: () => this.fields(),
      allFields: () => this.allFields(),
      saved: () => this.savedText(),
    })
    return this.section
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.form // its controls load beside the row's first load, so the form rarely waits for them
  }

  get hasUnsavedChanges(): boolean {
    return this.resource.dirty
  }

  override render() {
    return html`${this.form.render()}${this.renderToasts()}`
  }
}
