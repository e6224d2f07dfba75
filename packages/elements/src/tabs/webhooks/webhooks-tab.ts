/** @module The Webhooks tab (spec Use Case 3): endpoints, their events and secret, test events and the delivery log. */

import type { WebhookEventInfo } from '@connectgain/contracts/webhook-event-types'
import type {
  RevealWebhookSecretResponse,
  RotateWebhookSecretResponse,
} from '@connectgain/contracts/webhooks'
import {
  SECRET_ROTATION_HOURS,
  type WebhookConfiguration,
  WebhookConfigurationInsert,
  WebhookConfigurationUpdate,
  type WebhookDelivery,
  WebhookIdRequest,
} from '@connectgain/contracts/webhooks'
import { ContextConsumer } from '@lit/context'
import { msg, str } from '@lit/localize'
import { html, nothing } from 'lit'
import { query, state } from 'lit/decorators.js'
import type * as z from 'zod/mini'
import { ApiRequestError } from '../../api/client.ts'
import { apiContext } from '../../context.ts'
import { defineElement } from '../../define.ts'
import type { CgDialog } from '../../kit/cg-dialog.ts'
import type { ListColumn } from '../../kit/cg-resource-list.ts'
import { dialogReady } from '../../kit/dialog-loader.ts'
import type { FieldSpec } from '../../kit/fields.ts'
import { FunctionController } from '../../kit/function-controller.ts'
import { ListTab, type ListTexts } from '../../kit/list-tab.ts'
import { RelatedRows } from '../../kit/related-rows.ts'
import { restPath } from '../../kit/resource.ts'
import { ResourceController } from '../../kit/resource-controller.ts'
import type { ActionOutcome, RowAction } from '../../kit/row-actions.ts'
import { firstRequests } from '../first-requests.ts'
import { attemptDetails } from './attempt.ts'
import { type RecentDelivery, webhookColumns } from './webhook-columns.ts'
import { styles } from './webhooks-tab.styles.ts'

const DAY_MS = 86_400_000

type Revealed = z.infer<typeof RevealWebhookSecretResponse>
type Rotated = z.infer<typeof RotateWebhookSecretResponse>

/**
 * The form: a chunk of its own, fetched as soon as the list has rendered, so that the
 * list (what every visit shows) does not wait for them; they are in hand long before a click needs them.
 */
let later: { form: typeof import('./webhook-form.ts') } | undefined
let loading: Promise<void> | undefined
const loadLater = () => {
  loading ??= import('./webhook-form.ts').then(
    (form) => {
      later = { form }
    },
    (err: unknown) => {
      loading = undefined // offline, say: asked again when next needed
      throw err
    },
  )
  return loading
}

/**
 * The organization's webhook endpoints with their status and last 24 hours of deliveries. New and Edit show
 * the form (URL, events from the server's catalog with examples, a secret that can be generated); each row
 * sends a test event, switches on or off, reveals or rotates its secret, opens its delivery log, and deletes.
 * Owners and admins only.
 *
 * @tag cg-webhooks-tab
 * @fires cg-saved - An endpoint was created, changed, switched on or off, or its secret rotated; never a secret.
 */
export class CgWebhooksTab extends ListTab<WebhookConfiguration> {
  static override styles = styles

  protected readonly tab = 'webhooks'
  protected readonly resource = new ResourceController<WebhookConfiguration>(this, {
    ...firstRequests.webhooks,
    schemas: { insert: WebhookConfigurationInsert, update: WebhookConfigurationUpdate },
  })
  private readonly recent = new RelatedRows<RecentDelivery>(
    this,
    {
      name: 'webhook_deliveries',
      columns: ['webhook_id', 'status_code', 'created_at'],
      key: 'webhook_id',
      filters: () => ({ created_at: `gte.${new Date(Date.now() - DAY_MS).toISOString()}` }),
    },
    () => this.resource.rows,
  )
  private readonly test = new FunctionController<WebhookDelivery>(this, {
    name: 'test-webhook',
    schema: WebhookIdRequest,
  })
  private readonly reveal = new FunctionController<Revealed>(this, {
    name: 'reveal-webhook-secret',
    schema: WebhookIdRequest,
  })
  private readonly rotate = new FunctionController<Rotated>(this, {
    name: 'rotate-webhook-secret',
    schema: WebhookIdRequest,
  })
  private readonly api = new ContextConsumer(this, { context: apiContext, subscribe: true })

  /** The event catalog: the contract's until the server's answer (GET webhook-events) replaces it. */
  @state() private catalog: WebhookEventInfo[] = []
  private catalogAsked = false
  /** The test event's attempt the attempt dialog shows. */
  @state() private attempt: WebhookDelivery | null = null
  /** The endpoint whose delivery log is open. */
  @state() private logOf: WebhookConfiguration | null = null
  @query('#cg-attempt') private attemptDialog!: CgDialog
  @query('#cg-log') private logDialog!: CgDialog

  protected override firstUpdated(): void {
    if (!later) void loadLater().then(() => this.requestUpdate())
  }

  protected override willUpdate(): void {
    // The form's controls and the log are chunks of their own, loaded when first needed.
    if (this.resource.editing !== null) {
      void import('../../form/cg-checkbox-group.ts')
      void import('../../form/cg-secret-field.ts')
    }
    if (this.logOf) void import('./delivery-log.ts')
    const api = this.api.value
    if (api && !this.catalogAsked) {
      this.catalogAsked = true
      api.request<WebhookEventInfo[]>('/functions/v1/webhook-events').then(
        (catalog) => {
          if (Array.isArray(catalog) && catalog.length) this.catalog = catalog
        },
        () => {}, // the contract's catalog stays: the form works without the server's
      )
    }
  }

  protected texts(): ListTexts<WebhookConfiguration> {
    return {
      list: msg('Webhook endpoints', { id: 'webhooks.list' }),
      empty: msg('Add an endpoint to have ConnectGain POST signed events to your server as they happen.', {
        id: 'webhooks.empty',
      }),
      create: msg('Add webhook', { id: 'webhooks.create' }),
      edit: (hook) => msg(str`Edit webhook ${hook.url}`, { id: 'webhooks.edit' }),
      confirmDelete: (hook) => msg(str`Delete webhook ${hook.url}?`, { id: 'webhooks.confirm-delete' }),
      saved: msg('Webhook saved.', { id: 'webhooks.saved' }),
      deleted: msg('Webhook deleted.', { id: 'webhooks.deleted' }),
    }
  }

  protected rowName(hook: WebhookConfiguration): string {
    return hook.url
  }

  protected columns(): ListColumn<WebhookConfiguration>[] {
    return webhookColumns(this.recent)
  }

  /** The form's fields come with its chunk: the kit defines their controls once it is in. */
  protected override async allFields(): Promise<FieldSpec[]> {
    await loadLater()
    return this.fields()
  }

  protected fields(): FieldSpec[] {
    if (!later) return []
    const catalog = this.catalog.length ? this.catalog : later.form.namesOnly
    return later.form.webhookFields(catalog, this.resource.editing === 'new')
  }

  /** PATCHes `enabled`; the outcome the kit reports. */
  private async setEnabled(hook: WebhookConfiguration, enabled: boolean): Promise<ActionOutcome> {
    const api = this.api.value
    if (!api) return { ok: false, reason: 'invalid' }
    try {
      const row = await api.request<WebhookConfiguration>(restPath(this.resource.spec, { id: hook.id }), {
        method: 'PATCH',
        body: { enabled },
        single: true,
        returnRepresentation: true,
      })
      const url = hook.url
      return {
        ok: true,
        saved: row,
        toast: enabled
          ? msg(str`Webhook ${url} enabled.`, { id: 'webhooks.enabled' })
          : msg(str`Webhook ${url} disabled.`, { id: 'webhooks.disabled' }),
      }
    } catch (err) {
      if (!(err instanceof ApiRequestError)) throw err
      return { ok: false, reason: 'failed', error: err }
    }
  }

  /** Opens `dialog` and waits until it closes (the focus goes back to the row's button). */
  private async showDialog(dialog: () => CgDialog): Promise<void> {
    await Promise.all([dialogReady(), this.updateComplete])
    await dialog().show()
  }

  protected override rowActions(): RowAction<WebhookConfiguration>[] {
    return [
      {
        id: 'test',
        label: msg('Send test event', { id: 'webhooks.test' }),
        name: (hook) => msg(str`Send test event to ${hook.url}`, { id: 'webhooks.test-row' }),
        run: async (hook) => {
          const result = await this.test.call({ id: hook.id })
          if (!result.ok) return result
          this.attempt = result.value
          await this.showDialog(() => this.attemptDialog)
          this.attempt = null
          return { ok: true }
        },
      },
      {
        id: 'deliveries',
        label: msg('Deliveries', { id: 'webhooks.deliveries' }),
        name: (hook) => msg(str`Deliveries to ${hook.url}`, { id: 'webhooks.deliveries-row' }),
        run: async (hook) => {
          this.logOf = hook
          await this.showDialog(() => this.logDialog)
          this.logOf = null
          return { ok: true }
        },
      },
      {
        id: 'disable',
        label: msg('Disable', { id: 'webhooks.disable' }),
        name: (hook) => msg(str`Disable ${hook.url}`, { id: 'webhooks.disable-row' }),
        when: (hook) => hook.enabled,
        run: (hook) => this.setEnabled(hook, false),
      },
      {
        id: 'enable',
        label: msg('Enable', { id: 'webhooks.enable' }),
        name: (hook) => msg(str`Enable ${hook.url}`, { id: 'webhooks.enable-row' }),
        when: (hook) => !hook.enabled,
        run: (hook) => this.setEnabled(hook, true),
      },
      {
        id: 'reveal',
        label: msg('Reveal secret', { id: 'webhooks.reveal' }),
        name: (hook) => msg(str`Reveal secret of ${hook.url}`, { id: 'webhooks.reveal-row' }),
        run: async (hook) => {
          const result = await this.reveal.call({ id: hook.id })
          if (!result.ok) return result
          const url = hook.url
          return {
            ok: true,
            secret: {
              heading: msg(str`Signing secret of ${url}`, { id: 'webhooks.reveal-heading' }),
              label: msg('Signing secret', { id: 'webhooks.secret' }),
              value: result.value.secret,
              again: true,
            },
          }
        },
      },
      {
        id: 'rotate',
        label: msg('Rotate secret', { id: 'webhooks.rotate' }),
        name: (hook) => msg(str`Rotate secret of ${hook.url}`, { id: 'webhooks.rotate-row' }),
        confirm: (hook) => ({
          heading: msg(str`Rotate the signing secret of ${hook.url}?`, { id: 'webhooks.rotate-confirm' }),
          body: msg(
            str`A new secret is generated now. For ${SECRET_ROTATION_HOURS} hours every delivery is signed with both the new and the old secret, so your receiver keeps working while you update it; after that only the new one signs.`,
            { id: 'webhooks.rotate-body' },
          ),
          confirmLabel: msg('Rotate secret', { id: 'webhooks.rotate' }),
        }),
        run: async (hook) => {
          const result = await this.rotate.call({ id: hook.id })
          if (!result.ok) return result
          const { secret, ...rotated } = result.value
          return {
            ok: true,
            saved: rotated,
            secret: {
              heading: msg('Copy your new signing secret', { id: 'webhooks.rotated-heading' }),
              label: msg('Signing secret', { id: 'webhooks.secret' }),
              value: secret,
            },
            toast: msg(str`Secret rotated. The old one keeps signing for ${SECRET_ROTATION_HOURS} hours.`, {
              id: 'webhooks.rotated',
            }),
          }
        },
      },
    ]
  }

  private renderAttempt() {
    const { attempt } = this
    return html`<cg-dialog id="cg-attempt" heading=${msg('Test event sent', { id: 'webhooks.test-heading' })}>
      ${attempt ? attemptDetails(attempt) : nothing}
      <button slot="footer" type="button" class="primary" @click=${() => this.attemptDialog.close(true)}>
        ${msg('Close', { id: 'webhooks.close' })}
      </button>
    </cg-dialog>`
  }

  private renderLog() {
    const { logOf } = this
    const url = logOf?.url ?? ''
    return html`<cg-dialog id="cg-log" heading=${msg(str`Deliveries to ${url}`, { id: 'webhooks.deliveries-row' })}>
      ${logOf ? html`<cg-webhook-deliveries .webhook=${logOf}></cg-webhook-deliveries>` : nothing}
      <button slot="footer" type="button" @click=${() => this.logDialog.close(true)}>
        ${msg('Close', { id: 'webhooks.close' })}
      </button>
    </cg-dialog>`
  }

  override render() {
    return html`${super.render()} ${this.renderAttempt()} ${this.renderLog()}`
  }
}

defineElement('cg-webhooks-tab', CgWebhooksTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-webhooks-tab': CgWebhooksTab
  }
}
