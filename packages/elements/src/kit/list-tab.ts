/** @module ListTab: a tab that lists an organization's rows, edits one at a time, deletes after asking, and runs row actions. */
import { msg, str } from '@lit/localize'
import { css, html, nothing, type PropertyValues } from 'lit'
import { query, state } from 'lit/decorators.js'
import type { ApiRequestError } from '../api/client.ts'
import { failureText } from '../api/failure-text.ts'
import { emit } from '../events.ts'
import './cg-dialog.ts'
import './cg-resource-list.ts'
import type { CgDialog } from './cg-dialog.ts'
import type { ListColumn, ReorderDetail } from './cg-resource-list.ts'
import { ConfirmController } from './confirm-controller.ts'
import { renderField } from './fields.ts'
import type { FunctionController } from './function-controller.ts'
import { localizeIssue } from './issues.ts'
import { OrderController } from './order-controller.ts'
import type { ResourceController } from './resource-controller.ts'
import { ResourceTab, saveFailureText } from './resource-tab.ts'
import type { ActionOutcome, Confirmation, RowAction, SecretToShow } from './row-actions.ts'
import { tabStyles } from './tab-styles.ts'

/** The words of a list tab; everything else is the kit's. */
export interface ListTexts<Row> {
  /** The table's accessible name, e.g. "Tags". */
  list: string
  /** Shown when there are no rows yet. */
  empty: string
  /** The create button, e.g. "New tag"; also the editor's (or the create dialog's) heading for a new row. */
  create: string
  /** The editor's heading for `row`, e.g. "Edit tag VIP" (tabs whose rows have Edit). */
  edit?: (row: Row) => string
  /** The delete question, e.g. "Delete tag VIP?" (tabs whose rows have Delete). */
  confirmDelete?: (row: Row) => string
  /** Toasts after a save and after a delete (tabs that save and delete over REST). */
  saved?: string
  deleted?: string
  /** The search box's label; no search box without it. */
  search?: string
  /** The create dialog's submit button when a function creates the rows (`creator`), e.g. "Generate". */
  submitCreate?: string
}

/**
 * The `<cg-resource-list>` of a `list` resource, bound both ways: its rows and states, paging, and search when
 * `texts.search` labels a search box. A `ListTab` shows one; any tab with a list among other sections may too.
 */
export function resourceList<Row extends { id: string }>(
  resource: ResourceController<Row>,
  columns: ListColumn<Row>[],
  texts: Pick<ListTexts<Row>, 'list' | 'empty' | 'search'>,
  order?: OrderController<Row>,
) {
  const dropped = (e: CustomEvent<ReorderDetail>) => {
    const row = resource.rows.find((r) => r.id === e.detail.id)
    if (row && order) void order.move(row, e.detail.to)
  }
  return html`<cg-resource-list
    ?reorderable=${!!order}
    @cg-reorder=${dropped}
    .rows=${resource.rows}
    .columns=${columns}
    .status=${resource.status}
    .error=${resource.loadError}
    ?retry=${resource.canRetry}
    .offset=${resource.offset}
    .limit=${resource.pageSize}
    .total=${resource.total}
    .query=${resource.query}
    label=${texts.list}
    empty-text=${texts.empty}
    search-label=${texts.search ?? ''}
    @cg-page=${(e: CustomEvent<{ offset: number }>) => resource.page(e.detail.offset)}
    @cg-retry=${() => resource.load()}
    @cg-search=${(e: CustomEvent<{ query: string }>) => resource.search(e.detail.query)}
  ></cg-resource-list>`
}

/**
 * The list (with paging, and search when the spec has `search` columns), a "New" button, and Edit and
 * Delete on each row; Edit and New show the form in place of the list. Members whose role cannot write
 * get the list and a note saying why, without the buttons. A tab declares `tab`, `resource` (shape
 * `list`), `fields()`, `columns()`, `texts()` and `rowName()`.
 *
 * Rows written by functions rather than REST (API keys) turn off `editable` and `deletable` and declare a
 * `creator`: New then opens a dialog of `fields()` that calls it, and `created()` says what follows (a toast,
 * `cg-saved`, a secret shown once). Any tab may add `rowActions()`: buttons on each row, asked first when
 * they declare a `confirm`, whose outcome the kit reports the same way.
 */
export abstract class ListTab<Row extends { id: string }, Created = unknown> extends ResourceTab<Row> {
  static override styles = [
    ...tabStyles,
    css`
      /* A secret is read whole: an API key is about 40 monospace characters. */
      #cg-secret {
        --cg-dialog-width: 560px;
      }
    `,
  ]

  protected abstract columns(): ListColumn<Row>[]
  protected abstract texts(): ListTexts<Row>
  /** The row as buttons name it ("Edit VIP"). */
  protected abstract rowName(row: Row): string

  /** Rows have Edit (the form in place of the list, saved over REST). */
  protected readonly editable: boolean = true
  /** Rows have Delete (after asking). */
  protected readonly deletable: boolean = true
  /**
   * The rows are an ordered list (the resource is declared `ordered`): Move up and Move down on each row, rows
   * dragged to another place, one reorder call per move. The spec's `order` should be `position.asc` and its
   * `pageSize` hold every row.
   */
  protected readonly ordered: boolean = false
  /** Creates rows by calling a function instead of a REST POST: New opens a dialog of `fields()` bound to it. */
  protected readonly creator?: FunctionController<Created>

  /** What a create by `creator` did, from the function's answer: a toast, the `cg-saved` value, a secret. */
  protected created(_value: Created): ActionOutcome {
    return { ok: true }
  }

  /** Whether `row` offers Delete (every row of a `deletable` list by default). */
  protected canDelete(_row: Row): boolean {
    return true
  }

  /**
   * The server refused to delete `row` (a stage that contacts are in): a tab may resolve it its own way (ask
   * where they go, then call a function) and answer true; otherwise the refusal is a toast.
   */
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

  private orderController?: OrderController<Row>
  /** The ordered list's moves, made the first time an `ordered` tab renders. */
  protected get order(): OrderController<Row> | undefined {
    if (!this.ordered) return undefined
    this.orderController ??= new OrderController(
      this,
      this.resource,
      (row) => this.rowName(row),
      (error) => this.toasts?.show(failureText(error), 'error'),
    )
    return this.orderController
  }

  /** The tab's own buttons on each row, after Edit and Delete. */
  protected rowActions(): RowAction<Row>[] {
    return []
  }

  /** The confirm dialog: a delete's question, a row action's, or a tab's own (`choose` a stage). */
  protected readonly confirmation = new ConfirmController(this)
  /** The create dialog is open. */
  @state() private creating = false
  /** Why the last create failed, when no field is to blame. */
  @state() private createFailure = ''
  /** The secret the secret dialog shows; null once it closed, so the secret leaves the page. */
  @state() private secret: SecretToShow | null = null
  @query('#cg-create') private createDialog?: CgDialog | null
  @query('#cg-secret') private secretDialog!: CgDialog
  /** Where the focus goes back to when the form closes. */
  private opener: HTMLElement | null = null
  /** A row action is running (a second click waits for it). */
  private running = false
  /** The form's controls were asked for ahead of a click. */
  private warmed = false

  get hasUnsavedChanges(): boolean {
    const editing = this.resource.editing !== null && this.resource.dirty
    return editing || (this.creating && !!this.creator?.dirty) || this.secret !== null
  }

  /** Read-only when the role may not write the resource, or, for a function-created list, call its `creator`. */
  protected override get readonly(): boolean {
    return this.creator ? !this.creator.canCall : super.readonly
  }

  private get createButton(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[data-action="create"]')
  }

  /** Asks `question` in the kit's confirm dialog; resolves to whether the member confirmed. */
  protected ask(question: Confirmation): Promise<boolean> {
    return this.confirmation.ask(question)
  }

  /**
   * Loads the secret panel (a chunk of its own: only tabs that show secrets need it) before anything that may
   * answer with a secret runs, so a secret is never created that the page cannot show.
   */
  private async secretPanelLoaded(): Promise<boolean> {
    try {
      await import('./cg-secret-once.ts')
      return true
    } catch {
      return false
    }
  }

  /** Shows `secret` (Copy, "I have stored it" unless `again`, Done); resolves when the dialog closed and the secret is gone. */
  protected async revealOnce(secret: SecretToShow): Promise<void> {
    await this.secretPanelLoaded()
    this.secret = secret
    await this.updateComplete
    await this.secretDialog.show()
    this.secret = null
    await this.updateComplete
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed)
    // Once the list has shown to a member who can open the form, its controls are fetched, so New and Edit find
    // them in hand; the list itself never waits for them.
    if (!this.warmed && !this.readonly && this.resource.status !== 'loading') {
      this.warmed = true
      void this.loadControls()
    }
  }

  /** Whether the form is shown once its controls are defined (on a failure the member is told, and the list stays). */
  private async controlsLoaded(): Promise<boolean> {
    if (await this.loadControls()) return true
    this.toasts?.show(this.offlineText, 'error')
    return false
  }

  private async openEditor(row: Row | 'new', opener: EventTarget | null): Promise<void> {
    if (!(await this.controlsLoaded())) return
    this.opener = opener as HTMLElement | null
    if (row === 'new') void this.resource.create()
    else this.resource.edit(row)
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>('form [name]')?.focus()
  }

  private closeEditor(): void {
    this.resource.cancel()
    void this.updateComplete.then(() => this.opener?.focus())
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    if (this.resource.saving) return
    if (await this.saveForm(this.texts().saved ?? ''))
      void this.updateComplete.then(() => this.opener?.focus())
  }

  private async confirmRemove(row: Row): Promise<void> {
    const question = {
      heading: this.texts().confirmDelete?.(row) ?? '',
      body: msg('This cannot be undone.', { id: 'kit.cannot-undo' }),
      confirmLabel: msg('Delete', { id: 'kit.delete' }),
      danger: true,
    }
    if (!(await this.ask(question))) return
    const result = await this.resource.remove(row)
    if (result.ok) {
      this.toasts?.show(this.texts().deleted ?? '', 'success')
      this.createButton?.focus() // its row is gone
    } else if (!(await this.deleteRefused(row, result.error))) {
      this.toasts?.show(saveFailureText(result.error), 'error')
    }
  }

  private async runAction(action: RowAction<Row>, row: Row, opener: HTMLElement): Promise<void> {
    if (this.running) return
    if (action.confirm && !(await this.ask(action.confirm(row)))) {
      opener.focus()
      return
    }
    this.running = true
    try {
      if (!(await this.secretPanelLoaded())) {
        this.toasts?.show(this.offlineText, 'error')
        return
      }
      await this.finish(await action.run(row), opener)
    } finally {
      this.running = false
    }
  }

  /** After a row action or a create: reload, tell the host, show the secret, say so; or say why not. */
  private async finish(outcome: ActionOutcome, opener: HTMLElement | null): Promise<void> {
    if (!outcome.ok) {
      const text =
        outcome.reason === 'failed'
          ? failureText(outcome.error)
          : msg('That did not work. Reload the page and try again.', { id: 'kit.action-invalid' })
      this.toasts?.show(text, 'error')
      return
    }
    await this.resource.load()
    if (outcome.saved) {
      emit(this, 'cg-saved', { tab: this.tab, resource: this.resource.spec.name, value: outcome.saved })
    }
    await this.updateComplete
    ;(opener?.isConnected ? opener : this.createButton)?.focus() // a revoked row loses its Revoke button
    if (outcome.secret) await this.revealOnce(outcome.secret)
    if (outcome.toast) this.toasts?.show(outcome.toast, 'success')
  }

  /** Opens the create dialog; its form (and what was typed) goes when it closes, and the focus returns to New. */
  private async openCreator(opener: HTMLElement): Promise<void> {
    if (!(await this.controlsLoaded()) || this.creating) return // a second click while the first opens it
    this.creator?.reset()
    this.createFailure = ''
    this.creating = true
    await this.updateComplete
    const created = (await this.createDialog?.show()) ?? false
    this.creating = false
    if (!created) opener.focus() // also when it was opened without focusing New (a script's click())
  }

  private async onCreateSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const { creator } = this
    if (!creator || creator.busy) return
    this.createFailure = ''
    if (!(await this.secretPanelLoaded())) {
      this.createFailure = this.offlineText
      return
    }
    const result = await creator.submit()
    if (result.ok) {
      this.createDialog?.close(true) // gone if the member pressed Escape meanwhile: the secret is shown anyway
      await this.finish(this.created(result.value), this.createButton)
      return
    }
    await this.updateComplete
    const shown = this.fields().map((field) => field.name)
    const field = Object.keys(creator.errors).find((name) => shown.includes(name))
    const other = Object.values(creator.errors)[0] // an issue on a value the form does not show
    if (field) {
      this.renderRoot.querySelector<HTMLElement>(`#cg-create-form [name="${CSS.escape(field)}"]`)?.focus()
    } else if (other) {
      this.createFailure = `${other.field}: ${localizeIssue(other)}`
    } else if (result.reason === 'failed') {
      this.createFailure = failureText(result.error)
    }
  }

  private actionsColumn(actions: RowAction<Row>[]): ListColumn<Row> {
    return {
      key: 'actions',
      label: msg('Actions', { id: 'kit.list.actions' }),
      class: 'actions',
      render: (row) => {
        const name = this.rowName(row)
        return html`${
          this.editable
            ? html`<button
                type="button"
                data-action="edit"
                aria-label=${msg(str`Edit ${name}`, { id: 'kit.edit-row' })}
                @click=${(e: Event) => this.openEditor(row, e.currentTarget)}
              >
                ${msg('Edit', { id: 'kit.edit' })}
              </button>`
            : nothing
        }
        ${
          this.deletable && this.canDelete(row)
            ? html`<button
                type="button"
                data-action="delete"
                aria-label=${msg(str`Delete ${name}`, { id: 'kit.delete-row' })}
                @click=${() => this.confirmRemove(row)}
              >
                ${msg('Delete', { id: 'kit.delete' })}
              </button>`
            : nothing
        }
        ${actions
          .filter((action) => action.when?.(row) ?? true)
          .map(
            (action) =>
              html`<button
                type="button"
                data-action=${action.id}
                aria-label=${action.name(row)}
                @click=${(e: Event) => this.runAction(action, row, e.currentTarget as HTMLElement)}
              >
                ${action.label}
              </button>`,
          )}`
      },
    }
  }

  private renderEditor(texts: ListTexts<Row>, editing: Row | 'new') {
    const { saving, dirty, onFieldChange } = this.resource
    const cancel = html`<button type="button" @click=${this.closeEditor}>${msg('Cancel', { id: 'kit.cancel' })}</button>`
    return html`<form
      novalidate
      aria-labelledby="cg-editor-heading"
      @submit=${this.onSubmit}
      @cg-field-change=${onFieldChange}
    >
      <h3 id="cg-editor-heading">${editing === 'new' ? texts.create : (texts.edit?.(editing) ?? '')}</h3>
      ${this.renderFields()} ${this.renderActions(saving || (editing !== 'new' && !dirty), cancel)}
    </form>`
  }

  /** The create dialog: `fields()` bound to `creator`, Cancel and the submit button. */
  private renderCreator(texts: ListTexts<Row>) {
    const { creator } = this
    if (!creator || !this.creating) return nothing
    return html`<cg-dialog id="cg-create" heading=${texts.create}>
      <form
        id="cg-create-form"
        novalidate
        aria-label=${texts.create}
        aria-busy=${creator.busy ? 'true' : 'false'}
        @submit=${this.onCreateSubmit}
        @cg-field-change=${creator.onFieldChange}
      >
        ${this.fields().map((field) => renderField(field, creator, false))}
        ${this.createFailure ? html`<p class="failed" role="alert">${this.createFailure}</p>` : nothing}
      </form>
      <button slot="footer" type="button" @click=${() => this.createDialog?.close(false)}>
        ${msg('Cancel', { id: 'kit.cancel' })}
      </button>
      <button slot="footer" type="submit" form="cg-create-form" class="primary">
        ${texts.submitCreate ?? texts.create}
      </button>
    </cg-dialog>`
  }

  private renderSecret() {
    const { secret } = this
    if (!secret) return nothing
    return html`<cg-dialog id="cg-secret" heading=${secret.heading}>
      <cg-secret-once
        label=${secret.label}
        .value=${secret.value}
        ?again=${secret.again ?? false}
        @cg-done=${() => this.secretDialog.close(true)}
      ></cg-secret-once>
    </cg-dialog>`
  }

  override render() {
    const { resource, readonly } = this
    const texts = this.texts()
    const actions = this.rowActions()
    const hasActions = this.editable || this.deletable || actions.length > 0
    const order = readonly ? undefined : this.order
    const own = order ? [order.column(), ...this.columns()] : this.columns()
    const columns = readonly || !hasActions ? own : [...own, this.actionsColumn(actions)]
    return html`<div ?hidden=${resource.editing !== null}>
        ${this.renderNote()}
        ${
          readonly
            ? nothing
            : html`<div class="toolbar">
              <button
                type="button"
                class="primary"
                data-action="create"
                @click=${(e: Event) => {
                  const opener = e.currentTarget as HTMLElement
                  if (this.creator) void this.openCreator(opener)
                  else void this.openEditor('new', opener)
                }}
              >
                ${texts.create}
              </button>
              ${this.toolbar()}
            </div>`
        }
        ${resourceList(resource, columns, texts, order)} ${order?.region() ?? nothing} ${this.belowList()}
      </div>
      ${resource.editing === null ? nothing : this.renderEditor(texts, resource.editing)}
      ${this.confirmation.render()} ${this.renderCreator(texts)} ${this.renderSecret()} ${this.renderToasts()}`
  }
}
