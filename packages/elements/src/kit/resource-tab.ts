/** @module The base of every kit tab: its id, its resource and fields, the locale it follows, its toasts. */
import type { TabId } from '@connectgain/contracts/tabs'
import { updateWhenLocaleChanges } from '@lit/localize'
import { html, LitElement } from 'lit'
import { query } from 'lit/decorators.js'
import '../form/cg-toast.ts'
import type { CgToastRegion } from '../form/cg-toast.ts'
import type { FieldSpec } from './fields.ts'
import type { ResourceController } from './resource-controller.ts'
import { tabStyles } from './tab-styles.ts'

/**
 * A tab declares its `tab` id, its `resource` (a `ResourceController`) and its `fields()`, and composes the
 * sections of src/kit/sections/ in its template (`ListTab` and `FormTab` are presets of one section each);
 * it renders its toasts once (`renderToasts()`), where the sections say how things went.
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
   * Every field the tab's forms can draw, whose controls are defined before a form shows: `fields()` by default.
   * A tab whose fields change with the values lists them all (API Keys: the date that "Custom date" shows); one
   * whose fields come with a chunk of their own waits for it (Webhooks).
   */
  protected allFields(): FieldSpec[] | Promise<FieldSpec[]> {
    return this.fields()
  }

  @query('cg-toast-region') protected toasts?: CgToastRegion

  /** True while the form has changes that are not saved (the shell asks before leaving). */
  abstract get hasUnsavedChanges(): boolean

  protected renderToasts() {
    return html`<cg-toast-region></cg-toast-region>`
  }
}
