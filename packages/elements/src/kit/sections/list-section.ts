/**
 * @module ListSection: a resource's rows in a `<cg-resource-list>` (paging, search), with New and Edit opening an
 * editor in place of the list, Delete after asking, row actions, and, for an ordered resource, moves.
 */
import type { TabId } from '@connectgain/contracts/tabs'
import { msg, str } from '@lit/localize'
import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit'
import type { ApiRequestError } from '../../api/client.ts'
import { failureText } from '../../api/failure-text.ts'
import { emit } from '../../events.ts'
import '../cg-resource-list.ts'
import type { ListColumn, ReorderDetail } from '../cg-resource-list.ts'
import type { FieldSpec } from '../fields.ts'
import { type Icon, icon, inboxIcon } from '../icons.ts'
import { OrderController } from '../order-controller.ts'
import type { ResourceController } from '../resource-controller.ts'
import type { ActionOutcome, Confirmation, RowAction } from '../row-actions.ts'
import { closeMenu, rowMenu } from '../row-menu.ts'
import { FormSection, readOnlyNote, saveFailureText } from './form-section.ts'
import type { SecretSection } from './secret-section.ts'
import { offlineText, submitOnEnter, toast } from './section-host.ts'

/** One button of a row: its `data-action`, text, accessible name, and what it does. */
interface RowButton {
  id: string
  label: string
  name: string
  run: (opener: HTMLElement) => unknown
}

/** The words of a list; everything else is the kit's. */
export interface ListTexts<Row> {
  /** The table's accessible name, e.g. "Tags". */
  list: string
  /** Shown when there are no rows yet. */
  empty: string
  /** The create button, e.g. "New tag", and the editor's (or create dialog's) heading for a new row; no New without it. */
  create?: string
  /** The editor's heading for `row`, e.g. "Edit tag VIP" (lists whose rows have Edit). */
  edit?: (row: Row) => string
  /** The delete question, e.g. "Delete tag VIP?"; or the whole question, when it is not the kit's (remove a device). */
  confirmDelete?: (row: Row) => string | Confirmation
  /** Toasts after a save and after a delete (lists that save and delete over REST). */
  saved?: string
  deleted?: string | ((row: Row) => string)
  /** Delete's button when it is called otherwise ("Remove"): its `data-action`, its text and its name on a row. */
  deleteButton?: Pick<RowAction<Row>, 'id' | 'label' | 'name'>
  /** The search box's label; no search box without it. */
  search?: string
  /** The create dialog's submit button when a function creates the rows (`CreatorSection`), e.g. "Generate". */
  submitCreate?: string
}

export interface ListOptions<Row extends { id: string }> {
  /** The tab's id, reported in `cg-saved`. */
  tab: TabId
  /** A resource of shape `list`. */
  resource: ResourceController<Row>
  columns: () => ListColumn<Row>[]
  texts: () => ListTexts<Row>
  /** The row as buttons name it ("Edit VIP"). */
  rowName: (row: Row) => string
  /** Asks a delete's or a row action's question; resolves to whether the member confirmed (the tab's ConfirmController). */
  ask: (question: Confirmation) => Promise<boolean>
  /** The editor's fields: Edit and New show them in place of the list, saved over REST. */
  fields?: () => FieldSpec[]
  /** Every field the editor can draw (`fields` by default), defined once the list has shown. */
  allFields?: () => FieldSpec[] | Promise<FieldSpec[]>
  /** Rows have Edit (the editor of `fields`). */
  editable?: boolean
  /** Rows have Delete (after asking), those `canDelete` accepts. */
  deletable?: boolean
  canDelete?: (row: Row) => boolean
  /**
   * Which of the loaded rows the list shows (a filter over a list loaded whole, e.g. the members by role), every
   * row when absent. Paging and totals stay the server's.
   */
  shows?: (row: Row) => boolean
  /**
   * The server refused to delete `row` (a stage that contacts are in): resolve it another way (ask where they go,
   * then call a function) and answer true; otherwise the refusal is a toast.
   */
  deleteRefused?: (row: Row, error: ApiRequestError) => Promise<boolean>
  /** After a delete, before its toast (a device removed here is turned off here too). */
  afterDelete?: (row: Row) => Promise<unknown>
  /**
   * An ordered list (the resource is declared `ordered`): Move up and Move down on each row, rows dragged to another
   * place, one reorder call per move. The spec's `order` should be `position.asc` and its `pageSize` hold every row.
   */
  ordered?: boolean
  /** The tab's own buttons on each row, between Edit and Delete (past two buttons, all but the first go in More). */
  rowActions?: () => RowAction<Row>[]
  /** The tab's own buttons in the toolbar, after New (Reset to defaults). */
  toolbar?: () => unknown
  /** What the tab shows under the list (a live preview of it). */
  belowList?: () => unknown
  /** What New does instead of opening the editor (a create dialog: `CreatorSection.open`). */
  create?: (opener: HTMLElement) => unknown
  /** What else to fetch once the list has shown to a member who can write (a create dialog's chunk). */
  warm?: () => unknown
  /** Where secrets an outcome carries are shown. */
  secret?: SecretSection
  /** The list has no New, Edit, Delete or actions, and says why (by default: the role cannot write the resource). */
  readonly?: () => boolean
  /** Where the focus goes when the row that had it is gone (New by default). */
  refocus?: () => HTMLElement | null
  /** The empty state's icon (of kit/icons.ts), above `texts.empty` and the create button; an empty tray by default. */
  emptyIcon?: Icon
}

/**
 * Put `render()` in the tab's template, and the tab's confirm dialog, toasts (and secret dialog) once beside it.
 * Members who cannot write get the list and a note saying why, without the buttons. A row action's outcome (and a
 * create's, through `finish`) is reported the same way: the list reloads, `cg-saved`, a secret shown once, a toast.
 */
export class ListSection<Row extends { id: string }> implements ReactiveController {
  readonly resource: ResourceController<Row>
  /** The editor's form, when the list has one. */
  readonly form?: FormSection<Row>
  private readonly order?: OrderController<Row>
  /** Where the focus goes back to when the editor closes. */
  private opener: HTMLElement | null = null
  /** A row action or a delete is under way, from its question to its answer: another click does nothing. */
  private running = false
  /** The editor's controls were asked for ahead of a click. */
  private warmed = false

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: ListOptions<Row>,
  ) {
    const { tab, resource, fields, allFields } = options
    this.resource = resource
    host.addController(this)
    if (fields) {
      const saved = () => options.texts().saved ?? ''
      this.form = new FormSection(host, { tab, resource, fields, allFields, saved })
    }
    if (options.ordered) {
      this.order = new OrderController(host, resource, options.rowName, (error) =>
        toast(host, failureText(error), 'error'),
      )
    }
  }

  get readonly(): boolean {
    return this.options.readonly?.() ?? !this.resource.canWrite
  }

  /** The editor has changes that are not saved. */
  get dirty(): boolean {
    return this.resource.editing !== null && this.resource.dirty
  }

  hostUpdated(): void {
    // Once the list has shown to a member who can open the editor, its controls are fetched, so New and Edit find
    // them in hand; the list itself never waits for them.
    if (!this.warmed && !this.readonly && this.resource.status !== 'loading') {
      this.warmed = true
      void this.form?.loadControls()
      void this.options.warm?.()
    }
  }

  private home(): HTMLElement | null {
    return (
      this.options.refocus?.() ?? this.host.renderRoot.querySelector<HTMLElement>('[data-action="create"]')
    )
  }

  /** Whether the editor's controls are defined (on a failure the member is told, and the list stays). */
  private async controlsLoaded(): Promise<boolean> {
    if (await this.form?.loadControls()) return true
    toast(this.host, offlineText(), 'error')
    return false
  }

  private async openEditor(row: Row | 'new', opener: EventTarget | null): Promise<void> {
    if (!(await this.controlsLoaded())) return
    this.opener = opener as HTMLElement | null
    if (row === 'new') void this.resource.create()
    else this.resource.edit(row)
    await this.host.updateComplete
    this.host.renderRoot.querySelector<HTMLElement>('form [name]')?.focus()
  }

  private readonly closeEditor = (): void => {
    this.resource.cancel()
    void this.host.updateComplete.then(() => this.opener?.focus())
  }

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault()
    if (this.resource.saving) return
    if (await this.form?.save())
      void this.host.updateComplete.then(() =>
        (this.opener?.isConnected ? this.opener : this.home())?.focus(),
      )
  }

  /** New, in the toolbar or the empty state: the tab's create flow, or the editor of a new row. */
  private readonly onCreate = (event: Event): void => {
    const opener = event.currentTarget as HTMLElement
    if (this.options.create) void this.options.create(opener)
    else void this.openEditor('new', opener)
  }

  /**
   * Runs a row's action or delete (`work`) unless another is under way, and marks its button busy meanwhile: one
   * click, one request.
   */
  private async lock(opener: HTMLElement, work: () => unknown): Promise<void> {
    if (this.running) return
    this.running = true
    opener.setAttribute('aria-busy', 'true')
    try {
      await work()
    } finally {
      this.running = false
      opener.removeAttribute('aria-busy')
    }
  }

  private async confirmRemove(row: Row): Promise<void> {
    const texts = this.options.texts()
    const asked = texts.confirmDelete?.(row) ?? ''
    const question =
      typeof asked === 'string'
        ? {
            heading: asked,
            body: msg('This cannot be undone.', { id: 'kit.cannot-undo' }),
            confirmLabel: msg('Delete', { id: 'kit.delete' }),
            danger: true,
          }
        : asked
    if (!(await this.options.ask(question))) return
    const result = await this.resource.remove(row)
    if (result.ok) {
      await this.options.afterDelete?.(row)
      const { deleted = '' } = texts
      toast(this.host, typeof deleted === 'string' ? deleted : deleted(row), 'success')
      this.home()?.focus() // its row is gone
    } else if (!(await this.options.deleteRefused?.(row, result.error))) {
      toast(this.host, saveFailureText(result.error), 'error')
    }
  }

  private async runAction(action: RowAction<Row>, row: Row, opener: HTMLElement): Promise<void> {
    if (action.confirm && !(await this.options.ask(action.confirm(row)))) {
      opener.focus()
      return
    }
    const { secret } = this.options
    if (secret && !(await secret.loaded())) {
      toast(this.host, offlineText(), 'error')
      return
    }
    await this.finish(await action.run(row), opener)
  }

  /** After a row action or a create: reload, tell the host, show the secret, say so; or say why not. */
  async finish(outcome: ActionOutcome, opener: HTMLElement | null = this.home()): Promise<void> {
    const { host } = this
    if (!outcome.ok) {
      const text =
        outcome.reason === 'failed'
          ? failureText(outcome.error)
          : msg('That did not work. Reload the page and try again.', { id: 'kit.action-invalid' })
      toast(host, text, 'error')
      return
    }
    await this.resource.load()
    if (outcome.saved) {
      emit(host, 'cg-saved', {
        tab: this.options.tab,
        resource: this.resource.spec.name,
        value: outcome.saved,
      })
    }
    await host.updateComplete
    ;(opener?.isConnected ? opener : this.home())?.focus() // a revoked row loses its Revoke button
    if (outcome.secret) await this.options.secret?.show(outcome.secret)
    if (outcome.toast) toast(host, outcome.toast, outcome.failed ? 'error' : 'success')
  }

  private actionsColumn(actions: RowAction<Row>[]): ListColumn<Row> {
    const { editable, deletable, canDelete, rowName } = this.options
    const remove = this.options.texts().deleteButton
    /** A row button; an `item` of the More menu closes it first, and the focus then goes back to More. */
    const button = ({ id, label, name, run }: RowButton, item = false) =>
      html`<button
        type="button"
        data-action=${id}
        aria-label=${name}
        role=${item ? 'menuitem' : nothing}
        tabindex=${item ? '-1' : nothing}
        @click=${(e: Event) => {
          const opener = item ? closeMenu(e.currentTarget as HTMLElement) : (e.currentTarget as HTMLElement)
          void this.lock(opener, () => run(opener))
        }}
      >
        ${label}
      </button>`
    return {
      key: 'actions',
      label: msg('Actions', { id: 'kit.list.actions' }),
      class: 'actions',
      render: (row) => {
        const name = rowName(row)
        // Edit, the tab's own, Delete last. Beyond two the first stays, and More holds the others.
        const all: RowButton[] = []
        if (editable)
          all.push({
            id: 'edit',
            label: msg('Edit', { id: 'kit.edit' }),
            name: msg(str`Edit ${name}`, { id: 'kit.edit-row' }),
            run: (opener) => this.openEditor(row, opener),
          })
        for (const action of actions)
          if (action.when?.(row) ?? true)
            all.push({
              ...action,
              name: action.name(row),
              run: (opener) => this.runAction(action, row, opener),
            })
        if (deletable && (canDelete?.(row) ?? true))
          all.push({
            id: remove?.id ?? 'delete',
            label: remove?.label ?? msg('Delete', { id: 'kit.delete' }),
            name: remove?.name(row) ?? msg(str`Delete ${name}`, { id: 'kit.delete-row' }),
            run: () => this.confirmRemove(row),
          })
        const shown = all.length > 2 ? 1 : 2
        return html`${all.slice(0, shown).map((b) => button(b))}${
          all.length > shown
            ? rowMenu(
                row.id,
                name,
                all.slice(shown).map((b) => button(b, true)),
              )
            : nothing
        }`
      },
    }
  }

  private renderEditor(texts: ListTexts<Row>, editing: Row | 'new', form: FormSection<Row>) {
    const { saving, dirty, onFieldChange } = this.resource
    const cancel = html`<button type="button" @click=${this.closeEditor}>${msg('Cancel', { id: 'kit.cancel' })}</button>`
    return html`<form
      novalidate
      aria-labelledby="cg-editor-heading"
      @submit=${this.onSubmit}
      @keydown=${submitOnEnter}
      @cg-field-change=${onFieldChange}
    >
      <h3 id="cg-editor-heading">${editing === 'new' ? texts.create : (texts.edit?.(editing) ?? '')}</h3>
      ${form.renderFields()} ${form.renderActions(saving || (editing !== 'new' && !dirty), cancel)}
    </form>`
  }

  /**
   * The read-only note, the toolbar (New, the tab's own), the list (its empty state with an icon and New too), the
   * moves' live region, what goes below; or the editor.
   */
  render() {
    const { resource, readonly, form, options } = this
    const texts = options.texts()
    const creates = !readonly && !!texts.create
    const actions = options.rowActions?.() ?? []
    const order = readonly ? undefined : this.order
    const own = order ? [order.column(), ...options.columns()] : options.columns()
    const hasActions = options.editable || options.deletable || actions.length > 0
    const columns = readonly || !hasActions ? own : [...own, this.actionsColumn(actions)]
    const dropped = (e: CustomEvent<ReorderDetail>) => {
      const row = resource.rows.find((r) => r.id === e.detail.id)
      if (row && order) void order.move(row, e.detail.to)
    }
    return html`<div ?hidden=${resource.editing !== null}>
        ${readonly ? readOnlyNote(resource.spec.name) : nothing}
        ${
          !creates
            ? nothing
            : html`<div class="toolbar">
              <button type="button" class="primary" data-action="create" @click=${this.onCreate}>
                ${texts.create}
              </button>
              ${options.toolbar?.() ?? nothing}
            </div>`
        }
        <cg-resource-list
          ?reorderable=${!!order}
          @cg-reorder=${dropped}
          .rows=${options.shows ? resource.rows.filter(options.shows) : resource.rows}
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
          .emptyIcon=${icon(options.emptyIcon ?? inboxIcon)}
          search-label=${texts.search ?? ''}
          @cg-page=${(e: CustomEvent<{ offset: number }>) => resource.page(e.detail.offset)}
          @cg-retry=${() => resource.load()}
          @cg-search=${(e: CustomEvent<{ query: string }>) => resource.search(e.detail.query)}
          >${
            creates && resource.status === 'empty' && !resource.query
              ? html`<button slot="empty" type="button" class="primary" data-action="create-first" @click=${this.onCreate}>
                  ${texts.create}
                </button>`
              : nothing
          }</cg-resource-list
        >
        ${order?.region() ?? nothing} ${options.belowList?.() ?? nothing}
      </div>
      ${resource.editing === null || !form ? nothing : this.renderEditor(texts, resource.editing, form)}`
  }
}
