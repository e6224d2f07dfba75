/**
 * @module The Message Templates tab: saved messages with `{{variables}}` from the catalog, a picker that inserts
 * them at the caret, and a live preview filled with a sample contact or a real one, by the same code the server
 * renders with.
 */
import type { Contact } from '@connectgain/contracts/contacts'
import {
  type MessageTemplate,
  MessageTemplateInsert,
  MessageTemplateUpdate,
} from '@connectgain/contracts/message-templates'
import {
  contactValues,
  isTemplateVariable,
  renderTemplate,
  type TemplateValues,
  templateVariables,
} from '@connectgain/contracts/template-variables'
import { ContextConsumer } from '@lit/context'
import { msg, str } from '@lit/localize'
import { css, html, nothing } from 'lit'
import { apiContext } from '../../context.ts'
import { defineElement } from '../../define.ts'
import type { CgTextarea } from '../../form/cg-textarea.ts'
import type { ListColumn } from '../../kit/cg-resource-list.ts'
import { columnOf, fieldsOf } from '../../kit/contract-fields.ts'
import type { FieldSpec } from '../../kit/fields.ts'
import { ListTab, type ListTexts } from '../../kit/list-tab.ts'
import { ResourceController } from '../../kit/resource-controller.ts'
import { firstRequests } from '../first-requests.ts'

/** The catalog's examples: what the preview shows for a variable until a real value is known. */
const sample = Object.fromEntries(templateVariables.map((v) => [v.name, v.example])) as TemplateValues

type PreviewContact = Pick<Contact, 'id' | 'name' | 'email' | 'phone'>

const braces = (names: string[]) => names.map((name) => `{{${name}}}`).join(', ')

/**
 * @tag cg-message-templates-tab
 * @fires cg-saved - A template was created or changed; `detail.value` is the row the server returned.
 */
export class CgMessageTemplatesTab extends ListTab<MessageTemplate> {
  static override styles = [
    ...ListTab.styles,
    css`
      .variables {
        display: flex;
        flex-wrap: wrap;
        gap: calc(var(--_space) * 0.75);
        align-items: center;
      }
      .variables button {
        padding: calc(var(--_space) * 0.25) var(--_space);
        font-family: var(--_mono, monospace);
        font-size: 0.85em;
      }
      .bubble {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        padding: var(--_space) calc(var(--_space) * 1.5);
        background: var(--_surface);
        border-radius: var(--_radius);
      }
      .preview select {
        font: inherit;
        max-width: 100%;
        margin-inline-start: var(--_space);
      }
    `,
  ]

  protected readonly tab = 'message-templates'
  protected readonly resource = new ResourceController<MessageTemplate>(this, {
    ...firstRequests['message-templates'],
    schemas: { insert: MessageTemplateInsert, update: MessageTemplateUpdate },
  })
  private readonly api = new ContextConsumer(this, { context: apiContext, subscribe: true })
  /** The org's and the member's own names and a page of contacts: loaded once, when a form first shows. */
  private context?: Promise<void>
  private known: TemplateValues = {}
  private contacts: PreviewContact[] = []
  /** The contact the preview is for; '' for the sample one. */
  private contactId = ''

  protected texts(): ListTexts<MessageTemplate> {
    return {
      list: msg('Message templates', { id: 'mt.list' }),
      empty: msg('Save the messages your team sends often, with variables filled in for each contact.', {
        id: 'mt.empty',
      }),
      create: msg('New template', { id: 'mt.create' }),
      edit: (t) => msg(str`Edit template ${t.name}`, { id: 'mt.edit' }),
      confirmDelete: (t) => msg(str`Delete template ${t.name}?`, { id: 'mt.confirm-delete' }),
      saved: msg('Template saved.', { id: 'mt.saved' }),
      deleted: msg('Template deleted.', { id: 'mt.deleted' }),
      search: msg('Search templates', { id: 'mt.search' }),
    }
  }

  protected rowName(t: MessageTemplate): string {
    return t.name
  }

  protected columns(): ListColumn<MessageTemplate>[] {
    return [
      columnOf(MessageTemplateInsert, 'name'),
      columnOf(MessageTemplateInsert, 'category', { class: 'nowrap' }),
      columnOf(MessageTemplateInsert, 'body', { class: 'clamp muted' }),
    ]
  }

  protected fields(): FieldSpec[] {
    return [
      ...fieldsOf(MessageTemplateInsert, ['name', 'category', 'body'], {
        body: {
          rows: 6,
          messages: {
            'rule:template_variable': (issue) =>
              msg(
                str`Unknown variable {{${String(issue.params?.variable)}}}. Insert one from the list below.`,
                {
                  id: 'mt.unknown-variable',
                },
              ),
          },
        },
      }),
      {
        kind: 'custom',
        name: 'preview',
        label: msg('Preview', { id: 'mt.preview' }),
        render: (_value, _error, readonly) => this.renderAssist(readonly),
      },
    ]
  }

  /** `{{name}}` where the message's caret was. */
  private insert(name: string): void {
    this.renderRoot.querySelector<CgTextarea>('cg-textarea[name="body"]')?.insert(`{{${name}}}`)
  }

  private loadContext(): void {
    const api = this.api.value
    const session = this.resource.session
    if (this.context || !api || !session) return
    const get = <T>(path: string) => api.request<T[]>(`/rest/v1/${path}`).catch(() => [] as T[])
    this.context = Promise.all([
      get<{ name: string }>('organizations?select=name'),
      get<{ name: string | null }>(`members?select=name&user_id=eq.${session.userId}`),
      get<PreviewContact>('contacts?select=id,name,email,phone&order=name.asc&limit=50'),
    ]).then(([[org], [me], contacts]) => {
      // A member without a name has none when sending either: the preview shows what the server will.
      this.known = { 'organization.name': org?.name ?? null, 'agent.name': me?.name ?? null }
      this.contacts = contacts
      this.requestUpdate()
    })
  }

  /** The variable buttons and the preview, under the message. */
  private renderAssist(readonly: boolean) {
    this.loadContext()
    const body = String(this.resource.values.body ?? '')
    const contact = this.contacts.find((c) => c.id === this.contactId)
    const filled = { ...sample, ...this.known, ...(contact ? contactValues(contact) : {}) }
    const { text, unresolved } = renderTemplate(body, filled)
    const unknown = unresolved.filter((name) => !isTemplateVariable(name))
    const blank = unresolved.filter(isTemplateVariable)
    return html`${
      readonly
        ? nothing
        : html`<div class="variables" role="group" aria-labelledby="cg-mt-variables">
            <span id="cg-mt-variables" class="muted">${msg('Insert a variable:', { id: 'mt.insert' })}</span>
            ${templateVariables.map(
              (v) =>
                html`<button type="button" data-variable=${v.name} @click=${() => this.insert(v.name)}>${v.name}</button>`,
            )}
          </div>`
    }
      <div class="panel preview" role="group" aria-labelledby="cg-mt-preview">
        <p>
          <strong id="cg-mt-preview">${msg('Preview', { id: 'mt.preview' })}</strong>
          <label
            >${msg('as', { id: 'mt.preview-as' })}
            <select
              name="preview-contact"
              @change=${(e: Event) => {
                this.contactId = (e.target as HTMLSelectElement).value
                this.requestUpdate()
              }}
            >
              <option value="">${msg(str`a sample contact (${sample['contact.name']})`, { id: 'mt.sample' })}</option>
              ${this.contacts.map(
                (c) => html`<option value=${c.id} ?selected=${c.id === this.contactId}>${c.name}</option>`,
              )}
            </select></label
          >
        </p>
        <p class="bubble">${text || html`<span class="muted">${msg('Type a message to see it here.', { id: 'mt.nothing' })}</span>`}</p>
        ${
          unknown.length
            ? html`<p class="failed">
                ${msg(str`Not in the catalog, so never filled in: ${braces(unknown)}`, { id: 'mt.unknown' })}
              </p>`
            : nothing
        }
        ${
          blank.length
            ? html`<p class="muted">
                ${msg(str`Without a value, so sent as written: ${braces(blank)}`, { id: 'mt.blank' })}
              </p>`
            : nothing
        }
      </div>`
  }
}

defineElement('cg-message-templates-tab', CgMessageTemplatesTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-message-templates-tab': CgMessageTemplatesTab
  }
}
