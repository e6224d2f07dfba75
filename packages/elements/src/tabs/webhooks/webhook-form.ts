/** @module The webhook form: URL, description, events from the catalog (with examples), and the secret with Generate. */
import {
  ALL_EVENTS,
  type WebhookEventInfo,
  webhookEventTypes,
} from '@connectgain/contracts/webhook-event-types'
import { secretPrefix } from '@connectgain/contracts/webhook-secret'
import { WebhookConfigurationInsert } from '@connectgain/contracts/webhooks'
import { msg } from '@lit/localize'
import { html, nothing } from 'lit'
import type { CheckboxOption } from '../../form/cg-checkbox-group.ts'
import { fieldOf } from '../../kit/contract-fields.ts'
import type { FieldSpec } from '../../kit/fields.ts'

/** The event names alone: what the form shows until the server's catalog (descriptions, examples) comes. */
export const namesOnly: WebhookEventInfo[] = webhookEventTypes.map((type) => ({
  type,
  description: '',
  example: null,
}))

/** `whsec_` + standard base64 of 32 random bytes: what the server generates when the field is left empty. */
export function generateSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return secretPrefix + btoa(String.fromCharCode(...bytes))
}

/** The body a delivery of `type` carries, for the example under its checkbox. */
const exampleBody = (type: string, example: unknown) =>
  JSON.stringify({ type, timestamp: '2026-11-29T10:15:00.000Z', data: example }, null, 2)

/** "All events", then each event that can be subscribed to (not `webhook.test`), with its example. */
export function eventOptions(catalog: WebhookEventInfo[]): CheckboxOption[] {
  const summary = msg('Example payload', { id: 'webhooks.example' })
  return [
    {
      value: ALL_EVENTS,
      label: msg('All events', { id: 'webhooks.all-events' }),
      description: msg('Every event, including ones added later.', { id: 'webhooks.all-events-help' }),
      exclusive: true,
    },
    ...catalog
      .filter((event) => event.type !== 'webhook.test')
      .map((event) => ({
        value: event.type,
        label: event.type,
        ...(event.description ? { description: event.description } : {}),
        ...(event.example == null
          ? {}
          : { details: { summary, body: exampleBody(event.type, event.example) } }),
      })),
  ]
}

/** The form's fields; the secret only for a new endpoint (it changes by rotating). */
export function webhookFields(catalog: WebhookEventInfo[], creating: boolean): FieldSpec[] {
  const secret: FieldSpec[] = creating
    ? [
        {
          kind: 'custom',
          name: 'secret',
          label: '',
          render: (value, error, readonly) => secretField(String(value ?? ''), error, readonly),
        },
      ]
    : []
  return [
    fieldOf(WebhookConfigurationInsert, 'url', { placeholder: 'https://' }),
    fieldOf(WebhookConfigurationInsert, 'description', { rows: 2 }),
    {
      kind: 'custom',
      name: 'events',
      label: '',
      render: (value, error, readonly) =>
        html`<cg-checkbox-group name="events" label=${msg('Events', { id: 'webhooks.events' })} required
          .options=${eventOptions(catalog)} .value=${Array.isArray(value) ? value : []} .error=${error}
          ?readonly=${readonly}></cg-checkbox-group>`,
      messages: {
        required: () => msg('Choose at least one event', { id: 'webhooks.err.events' }),
        invalid_type: () => msg('Choose at least one event', { id: 'webhooks.err.events' }),
        too_small: () => msg('Choose at least one event', { id: 'webhooks.err.events' }),
      },
    },
    ...secret,
  ]
}

/** The secret, typed masked, and Generate, which fills it with a new one (shown, so the member sees it). */
function secretField(value: string, error: string, readonly: boolean) {
  const fill = (event: Event) => {
    const button = event.currentTarget as HTMLElement
    const field = button.previousElementSibling as HTMLElement & { revealed: boolean }
    field.revealed = true
    const detail = { name: 'secret', value: generateSecret() }
    button.dispatchEvent(new CustomEvent('cg-field-change', { detail, bubbles: true }))
  }
  return html`<div class="with-button">
    <cg-secret-field name="secret" label=${msg('Signing secret', { id: 'webhooks.secret' })}
      help=${msg('Leave it empty and one is generated for you; you can reveal it later.', { id: 'webhooks.secret-help' })}
      .value=${value} .error=${error} ?readonly=${readonly}></cg-secret-field>
    ${
      readonly
        ? nothing
        : html`<button type="button" data-action="generate" @click=${fill}>
            ${msg('Generate', { id: 'webhooks.generate' })}
          </button>`
    }
  </div>`
}
