/** @module ListTab: the preset of a tab that is one list: a ListSection, with a create dialog and secrets as needed. */
import { html, nothing } from 'lit'
import type { ApiRequestError } from '../api/client.ts'
import type { ListColumn } from './cg-resource-list.ts'
import { ConfirmController } from './confirm-controller.ts'
import type { FunctionController } from './function-controller.ts'
import type { Icon } from './icons.ts'
import { ResourceTab } from './resource-tab.ts'
import type { ActionOutcome, Confirmation, RowAction, SecretToShow } from './row-actions.ts'
import type { CreatorSection } from './sections/creator-section.ts'
import { ListSection, type ListTexts } from './sections/list-section.ts'
import { SecretSection, secretStyles } from './sections/secret-section.ts'
import { offlineText } from './sections/section-host.ts'
import { tabStyles } from './tab-styles.ts'

export type { ListTexts }

/**
 * A `ListSection` of the tab's `resource` (shape `list`) with Edit, Delete, and New opening the editor of
 * `fields()`; its confirm dialog, secret dialog and toasts. A tab declares `tab`, `resource`, `fields()`,
 * `columns()`, `texts()` and `rowName()`. Rows a function makes (API keys) turn off `editable` and `deletable` and
 * declare a `creator`: New opens a `CreatorSection` of `fields()`, and `created()` says what followed.
 */
export abstract class ListTab<Row extends { id: string }, Created = unknown> extends ResourceTab<Row> {
  static override styles = [...tabStyles, secretStyles]

  protected abstract columns(): ListColumn<Row>[]
  protected abstract texts(): ListTexts<Row>
  /** The row as buttons name it ("Edit VIP"). */
  protected abstract rowName(row: Row): string

  /** Rows have Edit (the form in place of the list, saved over REST). */
  protected readonly editable: boolean = true
  /** Rows have Delete (after asking), those `canDelete()` accepts. */
  protected readonly deletable: boolean = true
  /** An ordered list: Move up, Move down and drag (`ListOptions.ordered`). */
  protected readonly ordered: boolean = false
  /** Creates rows by calling a function instead of a REST POST: New opens a dialog of `fields()` bound to it. */
  protected readonly creator?: FunctionController<Created>
  /** The empty state's icon, above `texts().empty` and New (an icon of kit/icons.ts; an empty tray by default). */
  protected readonly emptyIcon?: Icon

  /** What a create by `creator` did, from the function's answer: a toast, the `cg-saved` value, a secret. */
  protected created(_value: Created): ActionOutcome {
    return { ok: true }
  }
  protected canDelete(_row: Row): boolean {
    return true
  }
  /** Which loaded rows the list shows (a filter over a list loaded whole); every row by default. */
  protected shows(_row: Row): boolean {
    return true
  }
  /** The server refused to delete `row`: true once the tab resolved it its own way, else it is a toast. */
  protected async deleteRefused(_row: Row, _error: ApiRequestError): Promise<boolean> {
    return false
  }
  /** The tab's own buttons in the toolbar, after New (Reset to defaults). */
  protected toolbar(): unknown {
    return nothing
  }
  /** What the tab shows under the list (a live preview of it). */
  protected belowList(): unknown {
    return nothing
  }
  /** The tab's own buttons on each row, between Edit and Delete (more than two fold into More). */
  protected rowActions(): RowAction<Row>[] {
    return []
  }

  /** The confirm dialog: a delete's question, a row action's, or a tab's own (`choose` a stage). */
  protected readonly confirmation = new ConfirmController(this)
  private readonly secret = new SecretSection(this)
  private section?: ListSection<Row>
  /** The create dialog, a chunk of its own (only `creator` tabs need it): fetched once the list has shown. */
  private creating?: CreatorSection<Created>
  private creatingLoad?: Promise<CreatorSection<Created> | undefined>

  /** The list, made on first use: it reads what the tab's own fields set (`resource`, `creator`, `ordered`). */
  private get list(): ListSection<Row> {
    const { creator } = this
    this.section ??= new ListSection<Row>(this, {
      tab: this.tab,
      resource: this.resource,
      columns: () => this.columns(),
      texts: () => this.texts(),
      rowName: (row) => this.rowName(row),
      ask: (question) => this.ask(question),
      fields: () => this.fields(),
      allFields: () => this.allFields(),
      editable: this.editable,
      deletable: this.deletable,
      ordered: this.ordered,
      canDelete: (row) => this.canDelete(row),
      shows: (row) => this.shows(row),
      deleteRefused: (row, error) => this.deleteRefused(row, error),
      rowActions: () => this.rowActions(),
      toolbar: () => this.toolbar(),
      belowList: () => this.belowList(),
      secret: this.secret,
      emptyIcon: this.emptyIcon,
      readonly: creator && (() => !creator.canCall),
      create:
        creator &&
        (async (opener) => {
          const creating = await this.loadCreator(creator)
          if (creating) await creating.open(opener)
          else this.toasts?.show(offlineText(), 'error')
        }),
      warm: creator && (() => this.loadCreator(creator)),
    })
    return this.section
  }

  private loadCreator(creator: FunctionController<Created>) {
    this.creatingLoad ??= import('./sections/creator-section.ts').then(
      ({ CreatorSection }) =>
        (this.creating = new CreatorSection(this, {
          creator,
          fields: () => this.fields(),
          allFields: () => this.allFields(),
          texts: () => this.texts(),
          secret: this.secret,
          created: (value) => this.list.finish(this.created(value)),
        })),
      () => (this.creatingLoad = undefined), // offline: New says so, and asks again next time
    )
    return this.creatingLoad
  }

  get hasUnsavedChanges(): boolean {
    return this.list.dirty || !!this.creating?.dirty || this.secret.dirty
  }

  /** Asks `question` in the kit's confirm dialog; resolves to whether the member confirmed. */
  protected ask(question: Confirmation): Promise<boolean> {
    return this.confirmation.ask(question)
  }

  /** Shows `secret` once (Copy, "I have stored it" unless `again`, Done); resolves when it is gone. */
  protected revealOnce(secret: SecretToShow): Promise<void> {
    return this.secret.show(secret)
  }

  override render() {
    return html`${this.list.render()} ${this.confirmation.render()} ${this.creating?.render() ?? nothing}
    ${this.secret.render()} ${this.renderToasts()}`
  }
}
