/** @module One delivery attempt in words: its result (status code or error), duration and response excerpt. */
import type { WebhookDelivery } from '@connectgain/contracts/webhooks'
import { msg, str } from '@lit/localize'
import { html, nothing } from 'lit'
import { formatNumber } from '../../kit/format.ts'

/** A 2xx answer; anything else (another status, no answer) is a failed attempt. */
export const succeeded = (d: Pick<WebhookDelivery, 'status_code'>): boolean =>
  d.status_code !== null && d.status_code >= 200 && d.status_code < 300

export const duration = (ms: number): string => {
  const n = formatNumber(Math.round(ms))
  return msg(str`${n} ms`, { id: 'webhooks.ms' })
}

/** The result as a badge: "HTTP 200", "HTTP 500" or "No answer". */
export function resultBadge(d: WebhookDelivery) {
  const code = d.status_code
  const text = code === null ? msg('No answer', { id: 'webhooks.no-answer' }) : `HTTP ${code}`
  return html`<span class="badge" data-tone=${succeeded(d) ? 'success' : 'danger'}>${text}</span>`
}

/** The attempt in full: the request (event, message id) and the response (status, duration, body, error). */
export function attemptDetails(d: WebhookDelivery) {
  const attempt = formatNumber(d.attempt)
  return html`<dl class="attempt">
    <dt>${msg('Result', { id: 'webhooks.result' })}</dt>
    <dd>
      ${resultBadge(d)}
      ${succeeded(d) ? msg('Delivered', { id: 'webhooks.delivered' }) : msg('Failed', { id: 'webhooks.failed' })}
    </dd>
    <dt>${msg('Event', { id: 'webhooks.event' })}</dt>
    <dd class="mono">${d.event_type}</dd>
    <dt>${msg('Message id (webhook-id)', { id: 'webhooks.message-id' })}</dt>
    <dd class="mono">${d.message_id}</dd>
    <dt>${msg('Attempt', { id: 'webhooks.attempt' })}</dt>
    <dd>${attempt}</dd>
    <dt>${msg('Duration', { id: 'webhooks.duration' })}</dt>
    <dd>${duration(d.duration_ms)}</dd>
    ${
      d.error
        ? html`<dt>${msg('Error', { id: 'webhooks.error' })}</dt>
            <dd class="error">${d.error}</dd>`
        : nothing
    }
    <dt>${msg('Response', { id: 'webhooks.response' })}</dt>
    <dd>
      ${
        d.response_body
          ? html`<pre tabindex="0" style="white-space: pre-wrap; max-height: 12em; overflow: auto; margin: 0">${d.response_body}</pre>`
          : html`<span class="muted">${msg('None', { id: 'webhooks.none' })}</span>`
      }
    </dd>
  </dl>`
}
