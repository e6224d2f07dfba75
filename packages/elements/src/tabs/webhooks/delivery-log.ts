/** @module `<cg-webhook-deliveries>`: one endpoint's delivery log: filters, each attempt expandable, Redeliver. */
import { webhookEventTypes } from '@connectgain/contracts/webhook-event-types'
import {
  RedeliverWebhookRequest,
  type WebhookConfiguration,
  type WebhookDelivery,
} from '@connectgain/contracts/webhooks'
import { localized, msg, str } from '@lit/localize'
import { css, html, LitElement, nothing } from 'lit'
import { property, state } from 'lit/decorators.js'
import { failureText } from '../../api/failure-text.ts'
import { defineElement } from '../../define.ts'
import '../../kit/cg-resource-list.ts'
import type { ListColumn } from '../../kit/cg-resource-list.ts'
import { formatDate, formatNumber } from '../../kit/format.ts'
import { FunctionController } from '../../kit/function-controller.ts'
import { ResourceController } from '../../kit/resource-controller.ts'
import { tabStyles } from '../../kit/tab-styles.ts'
import { attemptDetails, duration, resultBadge } from './attempt.ts'
import { attemptStyles } from './webhooks-tab.styles.ts'

export type StatusFilter = 'all' | 'succeeded' | 'failed'

/** The REST filters of the log of `webhookId`, by status and event type (`''`: every type). */
export function logFilters(webhookId: string, status: StatusFilter, event: string): Record<string, string> {
  const filters: Record<string, string> = { webhook_id: `eq.${webhookId}` }
  if (status === 'succeeded') filters.and = '(status_code.gte.200,status_code.lt.300)'
  if (status === 'failed') filters.or = '(status_code.is.null,status_code.lt.200,status_code.gte.300)'
  if (event) filters.event_type = `eq.${event}`
  return filters
}

/**
 * The attempts to deliver to `webhook`, newest first, paged; each row folds open to the request and the
 * response, and Redeliver sends its message again (a new attempt, listed at the top).
 *
 * @tag cg-webhook-deliveries
 */
@localized()
export class CgWebhookDeliveries extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true }
  static override styles = [
    ...tabStyles,
    attemptStyles,
    css`
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: calc(var(--_space) * 2);
        margin-bottom: var(--_space);
      }
      .filters label {
        display: grid;
        gap: calc(var(--_space) / 2);
        font-weight: 600;
      }
      select {
        min-height: 36px;
        padding: 0 var(--_space);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_text);
        font: inherit;
      }
      select:focus-visible {
        outline: 2px solid var(--_focus);
        outline-offset: 2px;
      }
    `,
  ]

  /** The endpoint whose log this is. */
  @property({ attribute: false }) webhook!: WebhookConfiguration
  @state() private status: StatusFilter = 'all'
  @state() private event = ''
  /** What the last Redeliver did, for the live region. */
  @state() private said = ''

  private readonly log = new ResourceController<WebhookDelivery>(this, {
    name: 'webhook_deliveries',
    shape: 'list',
    columns: [
      'id',
      'webhook_id',
      'message_id',
      'event_type',
      'attempt',
      'status_code',
      'duration_ms',
      'response_body',
      'error',
      'created_at',
    ],
    order: 'created_at.desc',
    pageSize: 20,
    filters: () => logFilters(this.webhook.id, this.status, this.event),
  })
  private readonly redeliver = new FunctionController<WebhookDelivery>(this, {
    name: 'redeliver-webhook',
    schema: RedeliverWebhookRequest,
  })

  /** Loads the log again (after a test event, say). */
  reload(): Promise<void> {
    return this.log.load()
  }

  private filter(status: StatusFilter, event: string): void {
    this.status = status
    this.event = event
    void this.log.page(0)
  }

  private async send(delivery: WebhookDelivery, button: HTMLButtonElement): Promise<void> {
    if (this.redeliver.busy) return
    this.said = ''
    const result = await this.redeliver.call({ delivery_id: delivery.id })
    if (!result.ok) {
      this.said =
        result.reason === 'failed'
          ? failureText(result.error)
          : msg('That did not work. Reload the page and try again.', { id: 'kit.action-invalid' })
      return
    }
    await this.log.load()
    const attempt = formatNumber(result.value.attempt)
    this.said = msg(str`Sent again as attempt ${attempt}.`, { id: 'webhooks.redelivered' })
    await this.updateComplete
    button.focus()
  }

  private columns(): ListColumn<WebhookDelivery>[] {
    return [
      {
        key: 'created_at',
        label: msg('Time', { id: 'webhooks.time' }),
        class: 'nowrap',
        render: (d) => formatDate(d.created_at, { time: true }),
      },
      { key: 'event_type', label: msg('Event', { id: 'webhooks.event' }), class: 'mono' },
      {
        key: 'attempt',
        label: msg('Attempt', { id: 'webhooks.attempt' }),
        render: (d) => formatNumber(d.attempt),
      },
      {
        key: 'result',
        label: msg('Result', { id: 'webhooks.result' }),
        render: (d) =>
          html`${resultBadge(d)}${d.error ? html`<span class="sub clamp" title=${d.error}>${d.error}</span>` : nothing}`,
      },
      {
        key: 'duration_ms',
        label: msg('Duration', { id: 'webhooks.duration' }),
        class: 'nowrap',
        render: (d) => duration(d.duration_ms),
      },
      {
        key: 'details',
        label: msg('Details', { id: 'webhooks.details' }),
        render: (d) =>
          html`<details>
            <summary>${msg('Request and response', { id: 'webhooks.show-details' })}</summary>
            ${attemptDetails(d)}
          </details>`,
      },
      {
        key: 'actions',
        label: msg('Actions', { id: 'kit.list.actions' }),
        class: 'actions',
        render: (d) => {
          const attempt = formatNumber(d.attempt)
          const event = d.event_type
          return html`<button
            type="button"
            data-action="redeliver"
            aria-label=${msg(str`Redeliver ${event}, attempt ${attempt}`, { id: 'webhooks.redeliver-row' })}
            @click=${(e: Event) => this.send(d, e.currentTarget as HTMLButtonElement)}
          >
            ${msg('Redeliver', { id: 'webhooks.redeliver' })}
          </button>`
        },
      },
    ]
  }

  override render() {
    const { log } = this
    const filtered = this.status !== 'all' || this.event !== ''
    return html`<div class="filters">
        <label>
          ${msg('Status', { id: 'webhooks.status' })}
          <select
            name="status"
            @change=${(e: Event) => this.filter((e.target as HTMLSelectElement).value as StatusFilter, this.event)}
          >
            <option value="all" ?selected=${this.status === 'all'}>${msg('All', { id: 'webhooks.filter.all' })}</option>
            <option value="succeeded" ?selected=${this.status === 'succeeded'}>
              ${msg('Succeeded', { id: 'webhooks.filter.succeeded' })}
            </option>
            <option value="failed" ?selected=${this.status === 'failed'}>
              ${msg('Failed', { id: 'webhooks.failed' })}
            </option>
          </select>
        </label>
        <label>
          ${msg('Event', { id: 'webhooks.event' })}
          <select
            name="event"
            @change=${(e: Event) => this.filter(this.status, (e.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${this.event === ''}>${msg('All events', { id: 'webhooks.all-events' })}</option>
            ${webhookEventTypes.map(
              (type) => html`<option value=${type} ?selected=${this.event === type}>${type}</option>`,
            )}
          </select>
        </label>
      </div>
      <cg-resource-list
        .rows=${log.rows}
        .columns=${this.columns()}
        .status=${log.status}
        .error=${log.loadError}
        ?retry=${log.canRetry}
        .offset=${log.offset}
        .limit=${log.pageSize}
        .total=${log.total}
        label=${msg('Delivery attempts', { id: 'webhooks.log' })}
        empty-text=${
          filtered
            ? msg('No deliveries match these filters.', { id: 'webhooks.log-no-matches' })
            : msg('No deliveries yet. Send a test event to see one here.', { id: 'webhooks.log-empty' })
        }
        @cg-page=${(e: CustomEvent<{ offset: number }>) => log.page(e.detail.offset)}
        @cg-retry=${() => log.load()}
      ></cg-resource-list>
      <p class="muted" role="status">${this.said}</p>`
  }
}

defineElement('cg-webhook-deliveries', CgWebhookDeliveries)

declare global {
  interface HTMLElementTagNameMap {
    'cg-webhook-deliveries': CgWebhookDeliveries
  }
}
