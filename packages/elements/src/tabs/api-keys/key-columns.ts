/** @module What the API Keys list shows of a key: its name, its ends and scope, dates, 30 days of use, its status. */
import type { ApiKey, ApiKeyScope, ApiKeyStatus, ApiKeyUsage } from '@connectgain/contracts/api-keys'
import { USAGE_DAYS } from '@connectgain/contracts/api-keys'
import { msg, str } from '@lit/localize'
import { html, nothing } from 'lit'
import type { ListColumn } from '../../kit/cg-resource-list.ts'
import '../../kit/cg-sparkline.ts'
import { dailySeries } from '../../kit/daily-series.ts'
import { formatDate, formatNumber } from '../../kit/format.ts'
import type { RelatedRows } from '../../kit/related-rows.ts'

/** Each scope in words, and what it allows (the generate dialog explains the choice with it). */
export const scopes: Record<ApiKeyScope, { label: () => string; description: () => string }> = {
  full: {
    label: () => msg('Full access', { id: 'keys.scope.full' }),
    description: () =>
      msg('Reads and changes everything an admin can, through the API.', { id: 'keys.scope.full-help' }),
  },
  read_only: {
    label: () => msg('Read only', { id: 'keys.scope.read_only' }),
    description: () => msg('Reads data; every change is refused.', { id: 'keys.scope.read_only-help' }),
  },
}

/** Each status in words, and the tone of its badge (the words carry it; the color only repeats them). */
const statuses: Record<ApiKeyStatus, { label: () => string; tone: string }> = {
  active: { label: () => msg('Active', { id: 'keys.status.active' }), tone: 'success' },
  expiring: { label: () => msg('Expiring soon', { id: 'keys.status.expiring' }), tone: 'warning' },
  expired: { label: () => msg('Expired', { id: 'keys.status.expired' }), tone: 'muted' },
  revoked: { label: () => msg('Revoked', { id: 'keys.status.revoked' }), tone: 'danger' },
}

const never = () => msg('Never', { id: 'keys.never' })

/** A sparkline of the key's requests a day over the last USAGE_DAYS days, named by their total. */
function usageCell(key: ApiKey, usage: RelatedRows<ApiKeyUsage>) {
  if (usage.status === 'failed')
    return html`<span class="muted">${msg('Not available', { id: 'keys.usage-failed' })}</span>`
  if (!usage.has(key.id)) return nothing // not loaded yet: no zeros that are not true
  const points = usage.of(key.id).map((row) => ({ day: row.day, value: row.requests }))
  const series = dailySeries(points, USAGE_DAYS)
  const total = series.reduce((sum, n) => sum + n, 0)
  const count = formatNumber(total)
  const label =
    total === 1
      ? msg(str`1 request in the last ${USAGE_DAYS} days`, { id: 'keys.usage-one' })
      : msg(str`${count} requests in the last ${USAGE_DAYS} days`, { id: 'keys.usage' })
  return html`<cg-sparkline .values=${series} label=${label}></cg-sparkline>
    <span aria-hidden="true">${count}</span>`
}

/** The list's columns; `usage` holds each key's daily counts. */
export function keyColumns(usage: RelatedRows<ApiKeyUsage>): ListColumn<ApiKey>[] {
  return [
    {
      key: 'name',
      label: msg('Name', { id: 'keys.name' }),
      render: (key) =>
        html`${key.name}${key.description ? html`<span class="sub">${key.description}</span>` : nothing}`,
    },
    {
      key: 'key',
      label: msg('Key', { id: 'keys.key' }),
      class: 'nowrap',
      render: (key) =>
        html`<span class="mono">${key.prefix}…${key.last4}</span
          ><span class="sub">${scopes[key.scope].label()}</span>`,
    },
    {
      key: 'created_at',
      label: msg('Created', { id: 'keys.created' }),
      class: 'nowrap',
      render: (key) => formatDate(key.created_at),
    },
    {
      key: 'expires_at',
      label: msg('Expires', { id: 'keys.expires' }),
      class: 'nowrap',
      render: (key) => (key.expires_at ? formatDate(key.expires_at) : never()),
    },
    {
      key: 'last_used_at',
      label: msg('Last used', { id: 'keys.last-used' }),
      class: 'nowrap',
      render: (key) => (key.last_used_at ? formatDate(key.last_used_at) : never()),
    },
    {
      key: 'usage',
      label: msg(str`Usage, ${USAGE_DAYS} days`, { id: 'keys.usage-column' }),
      class: 'nowrap',
      render: (key) => usageCell(key, usage),
    },
    {
      key: 'status',
      label: msg('Status', { id: 'keys.status' }),
      render: (key) =>
        html`<span class="badge" data-tone=${statuses[key.status].tone}>${statuses[key.status].label()}</span>`,
    },
  ]
}
