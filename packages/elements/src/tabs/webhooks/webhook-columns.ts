/** @module What the Webhooks list shows of an endpoint: its URL, events, status in words, and 24 hours of deliveries. */
import { ALL_EVENTS } from '@connectgain/contracts/webhook-event-types'
import type { WebhookConfiguration, WebhookDelivery } from '@connectgain/contracts/webhooks'
import { msg, str } from '@lit/localize'
import { html, nothing } from 'lit'
import type { ListColumn } from '../../kit/cg-resource-list.ts'
import '../../kit/cg-ratio-bar.ts'
import { getLocale } from '../../i18n/localization.ts'
import { formatNumber } from '../../kit/format.ts'
import type { RelatedRows } from '../../kit/related-rows.ts'
import { succeeded } from './attempt.ts'

/** What the list reads of each delivery of the last 24 hours. */
export type RecentDelivery = Pick<WebhookDelivery, 'webhook_id' | 'status_code' | 'created_at'>

export type WebhookStatus = 'active' | 'failing' | 'disabled'

/**
 * Disabled when switched off (by a member, or by the server with a `disabled_reason`); Failing when enabled but
 * the last delivery of the last 24 hours failed, or the server left a reason; else Active.
 */
export function statusOf(hook: WebhookConfiguration, recent: readonly RecentDelivery[]): WebhookStatus {
  if (!hook.enabled) return 'disabled'
  const last = [...recent].sort((a, b) => b.created_at.localeCompare(a.created_at))[0]
  return hook.disabled_reason || (last && !succeeded(last)) ? 'failing' : 'active'
}

const statuses: Record<WebhookStatus, { label: () => string; tone: string }> = {
  active: { label: () => msg('Active', { id: 'webhooks.status.active' }), tone: 'success' },
  failing: { label: () => msg('Failing', { id: 'webhooks.status.failing' }), tone: 'warning' },
  disabled: { label: () => msg('Disabled', { id: 'webhooks.status.disabled' }), tone: 'muted' },
}

/** The share of deliveries that succeeded, in words (the bar's name). */
export function rateLabel(ok: number, total: number): string {
  if (total === 0) return msg('No deliveries in the last 24 hours', { id: 'webhooks.rate-none' })
  const percent = new Intl.NumberFormat(getLocale(), { style: 'percent' }).format(ok / total)
  const count = formatNumber(total)
  return total === 1
    ? msg(str`${percent} of 1 delivery succeeded in the last 24 hours`, { id: 'webhooks.rate-one' })
    : msg(str`${percent} of ${count} deliveries succeeded in the last 24 hours`, { id: 'webhooks.rate' })
}

function rateCell(hook: WebhookConfiguration, recent: RelatedRows<RecentDelivery>) {
  if (recent.status === 'failed')
    return html`<span class="muted">${msg('Not available', { id: 'webhooks.rate-failed' })}</span>`
  if (!recent.has(hook.id)) return nothing
  const rows = recent.of(hook.id)
  const ok = rows.filter(succeeded).length
  const label = rateLabel(ok, rows.length)
  if (!rows.length) return html`<span class="muted">${label}</span>`
  const percent = new Intl.NumberFormat(getLocale(), { style: 'percent' }).format(ok / rows.length)
  return html`<cg-ratio-bar .value=${ok / rows.length} label=${label}></cg-ratio-bar>
    <span aria-hidden="true">${percent}</span>`
}

function eventsText(events: readonly string[]): string {
  if (events.includes(ALL_EVENTS)) return msg('All events', { id: 'webhooks.all-events' })
  const count = formatNumber(events.length)
  return events.length === 1
    ? msg('1 event', { id: 'webhooks.events-one' })
    : msg(str`${count} events`, { id: 'webhooks.events-count' })
}

export function webhookColumns(recent: RelatedRows<RecentDelivery>): ListColumn<WebhookConfiguration>[] {
  return [
    {
      key: 'url',
      label: msg('Endpoint', { id: 'webhooks.endpoint' }),
      render: (hook) =>
        html`<span class="mono url">${hook.url}</span>${
          hook.description ? html`<span class="sub">${hook.description}</span>` : nothing
        }`,
    },
    {
      key: 'events',
      label: msg('Events', { id: 'webhooks.events' }),
      class: 'nowrap',
      render: (hook) =>
        html`<span title=${hook.events.includes(ALL_EVENTS) ? nothing : hook.events.join(', ')}
          >${eventsText(hook.events)}</span
        >`,
    },
    {
      key: 'status',
      label: msg('Status', { id: 'webhooks.status' }),
      render: (hook) => {
        const known = recent.has(hook.id) || !hook.enabled || recent.status === 'failed'
        const status = known ? statusOf(hook, recent.of(hook.id)) : null
        if (!status) return nothing
        return html`<span class="badge" data-tone=${statuses[status].tone}>${statuses[status].label()}</span>${
          hook.disabled_reason ? html`<span class="sub">${hook.disabled_reason}</span>` : nothing
        }`
      },
    },
    {
      key: 'rate',
      label: msg('Success, 24 h', { id: 'webhooks.rate-column' }),
      class: 'nowrap',
      render: (hook) => rateCell(hook, recent),
    },
  ]
}
