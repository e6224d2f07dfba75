/**
 * @module The Activity tab: the audit log, newest first, filtered by who, what and when, each entry's changes
 * field by field, and the filtered log as CSV. Owners and admins; read-only.
 */
import type { AuditEntry } from '@connectgain/contracts/audit-log'
import type { Member } from '@connectgain/contracts/members'
import { ContextConsumer } from '@lit/context'
import { msg, str } from '@lit/localize'
import { css, html, nothing } from 'lit'
import { state } from 'lit/decorators.js'
import { failureText } from '../../api/failure-text.ts'
import { apiContext } from '../../context.ts'
import { defineElement } from '../../define.ts'
import type { FieldChangeDetail } from '../../form/field-element.ts'
import { getLocale } from '../../i18n/localization.ts'
import type { ListColumn } from '../../kit/cg-resource-list.ts'
import { type FieldSpec, renderField } from '../../kit/fields.ts'
import { ListTab, type ListTexts } from '../../kit/list-tab.ts'
import { restPath } from '../../kit/resource.ts'
import { ResourceController } from '../../kit/resource-controller.ts'

type Row = Record<string, unknown>
const ALL = ''

/** The fields that differ between `before` and `after` (all of the one there is, for an insert or a delete). */
function changedFields(entry: AuditEntry): [string, unknown, unknown][] {
  const before: Row = entry.before ?? {}
  const after: Row = entry.after ?? {}
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => key !== 'updated_at' && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => [key, before[key], after[key]])
}

const shown = (value: unknown) =>
  value === undefined
    ? ''
    : value === null
      ? '—'
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value)

/**
 * @tag cg-activity-tab
 */
export class CgActivityTab extends ListTab<AuditEntry> {
  static override styles = [
    ...ListTab.styles,
    css`
      .filters {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: calc(var(--_space) * 2);
        margin-block-end: calc(var(--_space) * 2);
      }
      .export {
        margin-block-end: calc(var(--_space) * 2);
      }
    `,
  ]

  protected readonly tab = 'activity'
  protected override readonly editable = false
  protected override readonly deletable = false
  protected readonly resource = new ResourceController<AuditEntry>(this, {
    name: 'audit_log',
    shape: 'list',
    columns: [
      'id',
      'actor_type',
      'actor_id',
      'action',
      'resource',
      'row_id',
      'before',
      'after',
      'created_at',
    ],
    order: 'created_at.desc',
    filters: () => this.filters(),
  })
  /** Who the actors are: the members by user id (an API key is named as such). */
  private readonly members = new ResourceController<Member>(this, {
    name: 'members',
    shape: 'list',
    columns: ['id', 'user_id', 'name', 'email'],
    order: 'created_at.asc',
    pageSize: 1000,
  })
  private readonly api = new ContextConsumer(this, { context: apiContext, subscribe: true })
  @state() private chosen: Record<string, string> = {}
  @state() private exporting = false

  /** The filters as PostgREST writes them; the date range as one `and` group. */
  private filters(): Record<string, string> {
    const { actor, resource, action, from, to } = this.chosen
    const range = [from && `created_at.gte.${from}`, to && `created_at.lt.${to}`].filter(Boolean)
    return {
      ...(actor ? { actor_id: `eq.${actor}` } : {}),
      ...(resource ? { resource: `eq.${resource}` } : {}),
      ...(action ? { action: `eq.${action}` } : {}),
      ...(range.length ? { and: `(${range.join(',')})` } : {}),
    }
  }

  protected texts(): ListTexts<AuditEntry> {
    return {
      list: msg('Activity', { id: 'activity.list' }),
      empty: msg('Nothing has changed yet, or nothing matches these filters.', { id: 'activity.empty' }),
    }
  }

  protected rowName(entry: AuditEntry): string {
    return `${entry.resource} ${entry.row_id}`
  }

  private actorName(entry: AuditEntry): string {
    if (entry.actor_type === 'api_key') return msg(str`API key ${entry.actor_id}`, { id: 'activity.api-key' })
    const member = this.members.rows.find((m) => m.user_id === entry.actor_id)
    return member?.name ?? member?.email ?? entry.actor_id
  }

  protected columns(): ListColumn<AuditEntry>[] {
    const when = (iso: string) =>
      new Date(iso).toLocaleString(getLocale(), { dateStyle: 'medium', timeStyle: 'short' })
    return [
      {
        key: 'created_at',
        label: msg('When', { id: 'activity.when' }),
        class: 'nowrap',
        render: (e) => when(e.created_at),
      },
      { key: 'actor_id', label: msg('Who', { id: 'activity.who' }), render: (e) => this.actorName(e) },
      {
        key: 'action',
        label: msg('What', { id: 'activity.what' }),
        render: (e) =>
          html`${this.actionLabel(e.action)} <span class="sub mono">${e.resource} ${e.row_id}</span>`,
      },
      {
        key: 'changes',
        label: msg('Changes', { id: 'activity.changes' }),
        render: (e) => this.renderChanges(e),
      },
    ]
  }

  private actionLabel(action: string): string {
    const labels: Record<string, () => string> = {
      insert: () => msg('Created', { id: 'activity.insert' }),
      update: () => msg('Changed', { id: 'activity.update' }),
      delete: () => msg('Deleted', { id: 'activity.delete' }),
      reveal: () => msg('Revealed a secret', { id: 'activity.reveal' }),
    }
    return labels[action]?.() ?? action
  }

  /** A disclosure with each changed field's value before and after; none for a member's own private row. */
  private renderChanges(entry: AuditEntry) {
    if (entry.before === null && entry.after === null) {
      return html`<span class="muted">${msg('Private to the member whose row it is', { id: 'activity.private' })}</span>`
    }
    const fields = changedFields(entry)
    if (fields.length === 0) return nothing
    return html`<details>
      <summary>${msg(str`${fields.length} fields`, { id: 'activity.fields' })}</summary>
      <dl class="diff">
        ${fields.map(
          ([key, before, after]) =>
            html`<dt>${key}</dt>
              <dd>
                <span class="before">${shown(before)}</span> → <span class="after">${shown(after)}</span>
              </dd>`,
        )}
      </dl>
    </details>`
  }

  protected fields(): FieldSpec[] {
    return []
  }

  private filterFields(): FieldSpec[] {
    const all = { value: ALL, label: msg('All', { id: 'activity.all' }) }
    const resources = [
      ...new Set(this.resource.rows.map((e) => e.resource).concat(this.chosen.resource ?? [])),
    ]
      .filter(Boolean)
      .sort()
    return [
      {
        kind: 'select',
        name: 'actor',
        label: msg('Who', { id: 'activity.who' }),
        options: [all, ...this.members.rows.map((m) => ({ value: m.user_id, label: m.name ?? m.email }))],
      },
      {
        kind: 'select',
        name: 'resource',
        label: msg('Resource', { id: 'activity.resource' }),
        options: [all, ...resources.map((r) => ({ value: r, label: r }))],
      },
      {
        kind: 'select',
        name: 'action',
        label: msg('What', { id: 'activity.what' }),
        options: [
          all,
          ...['insert', 'update', 'delete', 'reveal'].map((a) => ({ value: a, label: this.actionLabel(a) })),
        ],
      },
      { kind: 'datetime', name: 'from', label: msg('From', { id: 'activity.from' }) },
      { kind: 'datetime', name: 'to', label: msg('Until', { id: 'activity.to' }) },
    ]
  }

  private readonly onFilter = (event: CustomEvent<FieldChangeDetail>): void => {
    this.chosen = { ...this.chosen, [event.detail.name]: String(event.detail.value ?? '') }
    void this.resource.page(0)
  }

  /** The log as it is filtered, as CSV (`Accept: text/csv`), saved as a file. */
  private readonly download = async (): Promise<void> => {
    const api = this.api.value
    if (!api || this.exporting) return
    this.exporting = true
    try {
      const spec = this.resource.spec
      const path = restPath(spec, { filters: this.filters() })
      const csv = await api.request<string>(path, { csv: true })
      const link = document.createElement('a')
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }))
      link.download = 'activity.csv'
      link.click()
      URL.revokeObjectURL(link.href)
    } catch (err) {
      this.toasts?.show(failureText(err as never), 'error')
    } finally {
      this.exporting = false
    }
  }

  override render() {
    const form = { values: this.chosen, errors: {} }
    return html`<div class="filters" @cg-field-change=${this.onFilter}>
        ${this.filterFields().map((field) => renderField(field, form, false))}
      </div>
      <div class="export">
        <button type="button" data-action="export" ?disabled=${this.exporting} @click=${this.download}>
          ${msg('Download CSV', { id: 'activity.export' })}
        </button>
      </div>
      ${super.render()}`
  }
}

defineElement('cg-activity-tab', CgActivityTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-activity-tab': CgActivityTab
  }
}
