/**
 * @module The Email Boxes tab (Beta): IMAP/SMTP inboxes, their connection tested from the form before or after
 * saving, a test email sent through one, and passwords that are written and never read back.
 */
import {
  type EmailBox,
  EmailBoxInsert,
  EmailBoxUpdate,
  type MailCheck,
  type SendTestEmailResult,
  type TestEmailBoxResult,
} from '@connectgain/contracts/email-boxes'
import { msg, str } from '@lit/localize'
import { css, html, nothing } from 'lit'
import { defineElement } from '../../define.ts'
import type { ListColumn } from '../../kit/cg-resource-list.ts'
import { checkAction } from '../../kit/check-action.ts'
import { columnOf, fieldsOf } from '../../kit/contract-fields.ts'
import { type FieldSpec, writeOnly } from '../../kit/fields.ts'
import { FunctionController } from '../../kit/function-controller.ts'
import { ListTab, type ListTexts } from '../../kit/list-tab.ts'
import { ResourceController } from '../../kit/resource-controller.ts'
import type { RowAction } from '../../kit/row-actions.ts'
import { saveFailureText } from '../../kit/sections/form-section.ts'
import { firstRequests } from '../first-requests.ts'

type Values = Record<string, unknown>
const SIDES = ['imap', 'smtp'] as const
const PORTS = ['imap_port', 'smtp_port']
const PASSWORDS = ['imap_password', 'smtp_password']

/**
 * The body the API takes from the form's values: ports as numbers, and a password left empty left out (an edit
 * keeps the saved one; a new box is then told it is required).
 */
function bodyOf(values: Values): Values {
  const body: Values = {}
  for (const [key, value] of Object.entries(values)) {
    if (PASSWORDS.includes(key) && !value) continue
    body[key] = PORTS.includes(key) && /^\d+$/.test(String(value)) ? Number(value) : value
  }
  return body
}

const tone = (check: { imap: MailCheck; smtp: MailCheck } | null) =>
  !check ? 'muted' : check.imap.ok && check.smtp.ok ? 'success' : 'danger'

/**
 * @tag cg-email-boxes-tab
 * @fires cg-saved - A box was created or changed; `detail.value` is the row the server returned.
 */
export class CgEmailBoxesTab extends ListTab<EmailBox> {
  static override styles = [
    ...ListTab.styles,
    css`
      h4 {
        margin: var(--_space) 0 0;
      }
      .checks {
        display: grid;
        gap: calc(var(--_space) * 0.5);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .checks [data-ok='false'] {
        color: var(--_danger);
      }

    `,
  ]

  protected readonly tab = 'email-boxes'
  protected readonly resource = new ResourceController<EmailBox>(this, {
    ...firstRequests['email-boxes'],
    schemas: { insert: EmailBoxInsert, update: EmailBoxUpdate },
    form: {
      values: (box) => ({ ...box, imap_password: '', smtp_password: '' }),
      body: (values, changes) => bodyOf(changes ?? values),
    },
  })
  private readonly tester = new FunctionController<TestEmailBoxResult>(this, { name: 'test-email-box' })
  private readonly sender = new FunctionController<SendTestEmailResult>(this, { name: 'send-test-email' })
  /** What the form's Test connection found, and of which values: shown until the form changes or closes. */
  private checked: { of: string; result: TestEmailBoxResult } | null = null

  protected texts(): ListTexts<EmailBox> {
    return {
      list: msg('Email boxes', { id: 'eb.list' }),
      empty: msg('Connect a mailbox by IMAP and SMTP to receive and answer email here.', { id: 'eb.empty' }),
      create: msg('Connect email box', { id: 'eb.create' }),
      edit: (box) => msg(str`Edit ${box.name}`, { id: 'eb.edit' }),
      confirmDelete: (box) => msg(str`Disconnect ${box.email}?`, { id: 'eb.confirm-delete' }),
      saved: msg('Email box saved.', { id: 'eb.saved' }),
      deleted: msg('Email box disconnected.', { id: 'eb.deleted' }),
    }
  }

  protected rowName(box: EmailBox): string {
    return box.name
  }

  protected columns(): ListColumn<EmailBox>[] {
    return [
      columnOf(EmailBoxInsert, 'name', {
        render: (box) => html`${box.name}<span class="sub">${box.email}</span>`,
      }),
      columnOf(EmailBoxInsert, 'imap_host', {
        class: 'mono',
        render: (box) => `${box.imap_host}:${box.imap_port}`,
      }),
      columnOf(EmailBoxInsert, 'smtp_host', {
        class: 'mono',
        render: (box) => `${box.smtp_host}:${box.smtp_port}`,
      }),
      {
        key: 'last_check',
        label: msg('Status', { id: 'eb.status' }),
        class: 'nowrap',
        render: (box) =>
          html`<span class="badge" data-tone=${tone(box.last_check)}>${
            !box.last_check
              ? msg('Not tested', { id: 'eb.untested' })
              : tone(box.last_check) === 'success'
                ? msg('Connected', { id: 'eb.connected' })
                : msg('Check failed', { id: 'eb.check-failed' })
          }</span>`,
      },
    ]
  }

  /** Whether the box being edited has `side`'s password saved. */
  private saved(side: 'imap' | 'smtp'): boolean {
    const editing = this.resource.editing
    return (
      !!editing && editing !== 'new' && editing[side === 'imap' ? 'imap_password_set' : 'smtp_password_set']
    )
  }

  protected fields(): FieldSpec[] {
    const heading = (name: string, text: string): FieldSpec => ({
      kind: 'custom',
      name,
      label: text,
      render: () => html`<h4>${text}</h4>`,
    })
    const overrides = {
      imap_security: { kind: 'radio', inline: true },
      smtp_security: { kind: 'radio', inline: true },
    } as const
    const side = (s: 'imap' | 'smtp', fields: FieldSpec[]) =>
      fields.map((field) => (field.name === `${s}_password` ? writeOnly(field, this.saved(s)) : field))
    return [
      ...fieldsOf(EmailBoxInsert, ['name', 'email']),
      heading('incoming', msg('Incoming mail (IMAP)', { id: 'eb.incoming' })),
      ...side(
        'imap',
        fieldsOf(
          EmailBoxInsert,
          ['imap_host', 'imap_port', 'imap_security', 'imap_username', 'imap_password'],
          overrides,
        ),
      ),
      heading('outgoing', msg('Outgoing mail (SMTP)', { id: 'eb.outgoing' })),
      ...side(
        'smtp',
        fieldsOf(
          EmailBoxInsert,
          ['smtp_host', 'smtp_port', 'smtp_security', 'smtp_username', 'smtp_password'],
          overrides,
        ),
      ),
      { kind: 'custom', name: 'test', label: '', render: () => this.renderTest() },
    ]
  }

  /** Test connection in the form: the settings as typed (a saved box's password when left empty). */
  private readonly test = async () => {
    const { editing, values } = this.resource
    this.checked = null
    const body = bodyOf(editing && editing !== 'new' ? { ...this.resource.changes, id: editing.id } : values)
    const of = JSON.stringify(values)
    const result = await this.tester.call(body)
    if (result.ok) this.checked = { of, result: result.value }
    else if (result.reason === 'failed') {
      this.resource.errors = { ...this.resource.errors, ...result.error.fieldIssues }
      this.toasts?.show(saveFailureText(result.error, this, this.fields()), 'error')
    }
    this.requestUpdate()
  }

  private renderTest() {
    const { busy } = this.tester
    const checked = this.checked?.of === JSON.stringify(this.resource.values) ? this.checked.result : null
    const line = (s: (typeof SIDES)[number]) => {
      const name = s === 'imap' ? 'IMAP' : 'SMTP'
      const check = checked?.[s]
      return html`<li data-side=${s} data-ok=${check ? String(check.ok) : nothing}>
        <strong>${name}:</strong> ${check ? check.message : busy ? msg('Testing…', { id: 'eb.testing' }) : ''}
      </li>`
    }
    return html`<div class="actions">
        <button type="button" data-action="test-form" aria-busy=${busy ? 'true' : 'false'} @click=${this.test}>
          ${msg('Test connection', { id: 'kit.test-connection' })}
        </button>
      </div>
      <div role="status">${busy || checked ? html`<ul class="checks">${SIDES.map(line)}</ul>` : nothing}</div>`
  }

  protected override rowActions(): RowAction<EmailBox>[] {
    return [
      checkAction(
        this.tester,
        (box) => msg(str`Test the connection of ${box.name}`, { id: 'eb.test-row' }),
        ({ imap, smtp }) => ({
          ok: imap.ok && smtp.ok,
          message: `IMAP: ${imap.message} SMTP: ${smtp.message}`,
        }),
      ),
      {
        id: 'send-test',
        label: msg('Send test email', { id: 'eb.send-test' }),
        name: (box) => msg(str`Send a test email through ${box.name}`, { id: 'eb.send-test-row' }),
        run: async (box) => {
          const result = await this.sender.call({ id: box.id })
          return result.ok ? { ok: true, toast: result.value.message, failed: !result.value.ok } : result
        },
      },
    ]
  }
}

defineElement('cg-email-boxes-tab', CgEmailBoxesTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-email-boxes-tab': CgEmailBoxesTab
  }
}
