/** @module ListTab: a tab that lists an organization's rows, edits one at a time, and deletes after asking. */
import { msg, str } from '@lit/localize'
import { html, nothing } from 'lit'
import { query, state } from 'lit/decorators.js'
import './cg-dialog.ts'
import './cg-resource-list.ts'
import type { CgDialog } from './cg-dialog.ts'
import type { ListColumn } from './cg-resource-list.ts'
import { ResourceTab, saveFailureText } from './resource-tab.ts'

/** The words of a list tab; everything else is the kit's. */
export interface ListTexts<Row> {
  /** The table's accessible name, e.g. "Tags". */
  list: string
  /** Shown when there are no rows yet. */
  empty: string
  /** The create button, e.g. "New tag"; also the editor's heading for a new row. */
  create: string
  /** The editor's heading for `row`, e.g. "Edit tag VIP". */
  edit: (row: Row) => string
  /** The delete question, e.g. "Delete tag VIP?". */
  confirmDelete: (row: Row) => string
  /** Toasts after a save and after a delete. */
  saved: string
  deleted: string
  /** The search box's label; no search box without it. */
  search?: string
}

/**
 * The list (with paging, and search when the spec has `search` columns), a "New" button, and Edit and
 * Delete on each row; Edit and New show the form in place of the list. Members whose role cannot write
 * get the list and a note saying why, without the buttons. A tab declares `tab`, `resource` (shape
 * `list`), `fields()`, `columns()`, `texts()` and `rowName()`.
 */
export abstract class ListTab<Row extends { id: string }> extends ResourceTab<Row> {
  protected abstract columns(): ListColumn<Row>[]
  protected abstract texts(): ListTexts<Row>
  /** The row as buttons name it ("Edit VIP"). */
  protected abstract rowName(row: Row): string

  /** The row the delete question is about. */
  @state() private removing: Row | null = null
  @query('cg-dialog') private confirmDialog!: CgDialog
  /** Where the focus goes back to when the form closes. */
  private opener: HTMLElement | null = null

  get hasUnsavedChanges(): boolean {
    return this.resource.editing !== null && this.resource.dirty
  }

  private async openEditor(row: Row | 'new', opener: EventTarget | null): Promise<void> {
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
    if (await this.saveForm(this.texts().saved)) void this.updateComplete.then(() => this.opener?.focus())
  }

  private async confirmRemove(row: Row): Promise<void> {
    this.removing = row
    await this.updateComplete
    if (!(await this.confirmDialog.show())) return
    const result = await this.resource.remove(row)
    if (result.ok) {
      this.toasts?.show(this.texts().deleted, 'success')
      this.renderRoot.querySelector<HTMLElement>('[data-action="create"]')?.focus() // its row is gone
    } else {
      this.toasts?.show(saveFailureText(result.error), 'error')
    }
  }

  private rowActions(): ListColumn<Row> {
    return {
      key: 'actions',
      label: msg('Actions', { id: 'kit.list.actions' }),
      class: 'actions',
      render: (row) => {
        const name = this.rowName(row)
        return html`<button
            type="button"
            data-action="edit"
            aria-label=${msg(str`Edit ${name}`, { id: 'kit.edit-row' })}
            @click=${(e: Event) => this.openEditor(row, e.currentTarget)}
          >
            ${msg('Edit', { id: 'kit.edit' })}
          </button>
          <button
            type="button"
            data-action="delete"
            aria-label=${msg(str`Delete ${name}`, { id: 'kit.delete-row' })}
            @click=${() => this.confirmRemove(row)}
          >
            ${msg('Delete', { id: 'kit.delete' })}
          </button>`
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
      <h3 id="cg-editor-heading">${editing === 'new' ? texts.create : texts.edit(editing)}</h3>
      ${this.renderFields()} ${this.renderActions(saving || (editing !== 'new' && !dirty), cancel)}
    </form>`
  }

  override render() {
    const { resource, readonly } = this
    const texts = this.texts()
    const columns = readonly ? this.columns() : [...this.columns(), this.rowActions()]
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
                @click=${(e: Event) => this.openEditor('new', e.currentTarget)}
              >
                ${texts.create}
              </button>
            </div>`
        }
        <cg-resource-list
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
        ></cg-resource-list>
      </div>
      ${resource.editing === null ? nothing : this.renderEditor(texts, resource.editing)}
      <cg-dialog
        variant="confirm"
        danger
        heading=${this.removing ? texts.confirmDelete(this.removing) : ''}
        confirm-label=${msg('Delete', { id: 'kit.delete' })}
        >${msg('This cannot be undone.', { id: 'kit.cannot-undo' })}</cg-dialog
      >
      ${this.renderToasts()}`
  }
}
