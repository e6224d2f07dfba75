/**
 * @module The Danger Zone tab: what the org's data is (counts from `data-summary`), and deleting all of it
 * (`delete-all-data`) once its owner has typed the phrase and answered the question that names the org.
 */
import type { DataSummary, DeleteAllDataResponse } from '@connectgain/contracts/danger-zone'
import { DELETE_ALL_DATA_PHRASE } from '@connectgain/contracts/danger-zone-phrase'
import { ContextConsumer } from '@lit/context'
import { localized, msg, str } from '@lit/localize'
import { css, html, LitElement, nothing } from 'lit'
import { sessionContext } from '../../context.ts'
import { defineElement } from '../../define.ts'
import '../../form/cg-toast.ts'
import type { CgToastRegion } from '../../form/cg-toast.ts'
import type { ListColumn } from '../../kit/cg-resource-list.ts'
import '../../kit/cg-resource-list.ts'
import { ConfirmController } from '../../kit/confirm-controller.ts'
import type { FieldSpec } from '../../kit/fields.ts'
import { renderField } from '../../kit/fields.ts'
import { FunctionController } from '../../kit/function-controller.ts'
import { skeleton } from '../../kit/placeholders.ts'
import { ReadController } from '../../kit/read-controller.ts'
import { saveFailureText } from '../../kit/sections/form-section.ts'
import { controlsLoaded, offlineText, submitOnEnter } from '../../kit/sections/section-host.ts'
import { tabStyles } from '../../kit/tab-styles.ts'
import { roleLabels } from '../tab-registry.ts'

/** The domain resources in words; one declared later shows by its name until it has a label here. */
const dataLabels: Record<string, () => string> = {
  contacts: () => msg('Contacts', { id: 'dz.contacts' }),
  conversations: () => msg('Conversations', { id: 'dz.conversations' }),
  messages: () => msg('Messages', { id: 'dz.messages' }),
  companies: () => msg('Companies', { id: 'dz.companies' }),
  deals: () => msg('Deals', { id: 'dz.deals' }),
  tasks: () => msg('Tasks', { id: 'dz.tasks' }),
  automations: () => msg('Automations', { id: 'dz.automations' }),
  bot_flows: () => msg('Bot flows', { id: 'dz.bot-flows' }),
  message_templates: () => msg('Message templates', { id: 'dz.message-templates' }),
}
const labelOf = (name: string) => dataLabels[name]?.() ?? name.replaceAll('_', ' ')

interface CountRow extends Record<string, unknown> {
  id: string
  label: string
  count: string
}

const rowsOf = (counts: Record<string, number>): CountRow[] =>
  Object.entries(counts).map(([id, n]) => ({ id, label: labelOf(id), count: n.toLocaleString() }))

const totalOf = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0)

/**
 * @tag cg-danger-zone-tab
 */
@localized()
export class CgDangerZoneTab extends LitElement {
  static override styles = [
    ...tabStyles,
    css`
      section + section {
        margin-top: calc(var(--_space) * 3);
      }
      section {
        display: grid;
        gap: calc(var(--_space) * 2);
        max-width: var(--cg-form-width, 576px);
      }
      p {
        margin: 0;
      }
      button[aria-disabled='true'] {
        opacity: 0.55;
        cursor: not-allowed;
      }
      .done ul {
        margin: 0;
      }
    `,
  ]

  private readonly summary = new ReadController<DataSummary>(this, 'data-summary')
  /** No schema: the button sends only the exact phrase, and the server words any refusal. */
  private readonly deleter = new FunctionController<DeleteAllDataResponse>(this, { name: 'delete-all-data' })
  private readonly confirmation = new ConfirmController(this)
  private readonly session = new ContextConsumer(this, { context: sessionContext, subscribe: true })
  /** What the last delete deleted, shown until the tab is left. */
  private deleted: Record<string, number> | null = null
  /** Whether the phrase's control is defined: the form shows once it is. */
  private controls: 'loading' | 'ready' | 'failed' = 'loading'

  constructor() {
    super()
    this.deleter.reset({ confirmation: '' })
  }

  override connectedCallback(): void {
    super.connectedCallback()
    if (this.controls !== 'ready') void this.defineControls()
  }

  private async defineControls(): Promise<void> {
    this.controls = 'loading'
    this.requestUpdate()
    this.controls = (await controlsLoaded(() => [this.field])) ? 'ready' : 'failed'
    this.requestUpdate()
  }

  get hasUnsavedChanges(): boolean {
    return false // the phrase typed is not a draft: leaving discards it on purpose
  }

  private get field(): FieldSpec {
    return {
      kind: 'text',
      name: 'confirmation',
      label: msg(str`Type ${DELETE_ALL_DATA_PHRASE} to confirm`, { id: 'dz.phrase' }),
      maxlength: 40,
    }
  }

  /** Why the button is off, or null when it is on. */
  private blocked(): string | null {
    const counts = this.summary.value?.counts
    if (!this.deleter.canCall) return msg('Only an owner can delete all data.', { id: 'dz.owner-only' })
    if (!counts) return msg('The counts are still loading.', { id: 'dz.loading' })
    if (totalOf(counts) === 0) return msg('There is no data to delete.', { id: 'dz.nothing' })
    const typed = String(this.deleter.values.confirmation ?? '')
    if (typed === DELETE_ALL_DATA_PHRASE) return null
    return typed
      ? msg(str`The text does not match: type ${DELETE_ALL_DATA_PHRASE} exactly, in capitals.`, {
          id: 'dz.mismatch',
        })
      : msg(str`Type ${DELETE_ALL_DATA_PHRASE} above to turn on the button.`, { id: 'dz.type-phrase' })
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault()
    const summary = this.summary.value
    if (this.blocked() || !summary || this.deleter.busy) {
      if (!this.blocked()) return
      this.renderRoot.querySelector<HTMLElement>('[name="confirmation"]')?.focus()
      return
    }
    const org = summary.organization.name
    const confirmed = await this.confirmation.ask({
      heading: msg(str`Delete all data of ${org}?`, { id: 'dz.confirm-heading' }),
      body: msg(
        str`All ${totalOf(summary.counts).toLocaleString()} rows listed are deleted from ${org} for good. Settings, members, API keys and webhooks stay.`,
        { id: 'dz.confirm-body' },
      ),
      confirmLabel: msg(str`Delete all data of ${org}`, { id: 'dz.confirm' }),
      danger: true,
    })
    if (!confirmed) return
    const result = await this.deleter.submit()
    const toasts = this.renderRoot.querySelector<CgToastRegion>('cg-toast-region')
    if (!result.ok) {
      if (result.reason === 'failed') toasts?.show(saveFailureText(result.error, this, [this.field]), 'error')
      return
    }
    this.deleted = result.value.deleted
    this.deleter.reset({ confirmation: '' })
    toasts?.show(msg(str`All data of ${org} was deleted.`, { id: 'dz.deleted' }), 'success')
    await this.summary.load()
  }

  private columns(): ListColumn<CountRow>[] {
    return [
      { key: 'label', label: msg('Data', { id: 'dz.data' }) },
      { key: 'count', label: msg('Rows', { id: 'dz.rows' }), class: 'nowrap' },
    ]
  }

  private renderDeleted(deleted: Record<string, number>) {
    const rows = rowsOf(deleted).filter((row) => deleted[row.id])
    return html`<div class="panel done">
      <p><strong>${msg(str`Deleted ${totalOf(deleted).toLocaleString()} rows:`, { id: 'dz.done' })}</strong></p>
      <ul>
        ${rows.map((row) => html`<li>${row.label}: ${row.count}</li>`)}
      </ul>
    </div>`
  }

  private renderForm(readonly: boolean, blocked: string | null) {
    if (this.controls === 'loading') return skeleton(1)
    if (this.controls === 'failed')
      return html`<div role="alert" class="failed">
        <p>${offlineText()}</p>
        <button type="button" @click=${() => this.defineControls()}>${msg('Try again', { id: 'kit.retry' })}</button>
      </div>`
    const { deleter } = this
    return html`<form novalidate @submit=${this.submit} @keydown=${submitOnEnter} @cg-field-change=${deleter.onFieldChange}>
      ${renderField(this.field, deleter, readonly)}
      <p id="cg-dz-why" class="muted" ?hidden=${!blocked}>${blocked}</p>
      <div class="actions">
        <button
          type="submit"
          class="danger"
          aria-disabled=${blocked ? 'true' : 'false'}
          aria-describedby="cg-dz-why"
          aria-busy=${deleter.busy ? 'true' : 'false'}
        >
          ${msg('Delete all data', { id: 'dz.submit' })}
        </button>
      </div>
    </form>`
  }

  override render() {
    const { summary, deleter } = this
    const counts = summary.value?.counts ?? {}
    const readonly = !deleter.canCall
    const blocked = this.blocked()
    const role = this.session.value?.role
    return html`<section aria-labelledby="cg-dz-list-heading">
        <p>
          ${msg(
            "Deletes the organization's contacts, conversations and their messages, companies, deals, tasks, templates, automations and bot flows. Settings, members, API keys, webhooks and the activity log stay. It cannot be undone.",
            { id: 'dz.intro' },
          )}
        </p>
        <h3 id="cg-dz-list-heading">${msg('What will be deleted', { id: 'dz.list' })}</h3>
        <cg-resource-list
          label=${msg('What will be deleted', { id: 'dz.list' })}
          .rows=${totalOf(counts) ? rowsOf(counts) : []}
          .columns=${this.columns()}
          status=${summary.status === 'ready' ? (totalOf(counts) ? 'ready' : 'empty') : summary.status}
          error=${summary.loadError}
          ?retry=${summary.canRetry}
          .total=${Object.keys(counts).length}
          empty-text=${msg('This organization holds no data to delete.', { id: 'dz.empty' })}
          @cg-retry=${() => summary.load()}
        ></cg-resource-list>
        <div role="status">${this.deleted ? this.renderDeleted(this.deleted) : nothing}</div>
      </section>
      <section aria-labelledby="cg-dz-heading">
        <h3 id="cg-dz-heading">${msg('Delete all data', { id: 'dz.heading' })}</h3>
        ${
          readonly && role
            ? html`<p class="note">
                ${msg(str`Only an owner can delete all data. You are signed in as ${roleLabels[role]()}.`, {
                  id: 'dz.readonly',
                })}
              </p>`
            : nothing
        }
        ${this.renderForm(readonly, blocked)}
      </section>
      ${this.confirmation.render()}
      <cg-toast-region></cg-toast-region>`
  }
}

defineElement('cg-danger-zone-tab', CgDangerZoneTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-danger-zone-tab': CgDangerZoneTab
  }
}
