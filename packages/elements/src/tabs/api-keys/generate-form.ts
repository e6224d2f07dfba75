/** @module The generate dialog: its fields (name, description, an expiration preset, scope) and the body they make. */
import { GenerateApiKeyRequest } from '@connectgain/contracts/api-keys'
import { msg } from '@lit/localize'
import { fieldOf } from '../../kit/contract-fields.ts'
import type { FieldSpec } from '../../kit/fields.ts'
import { scopes } from './key-columns.ts'

/** The expiration choices: a number of days from now, a date the member picks, or never. */
export type Expiry = '7d' | '30d' | '90d' | 'custom' | 'never'

const DAY_MS = 86_400_000

const presetDays: Partial<Record<Expiry, number>> = { '7d': 7, '30d': 30, '90d': 90 }

/** The form as it opens: 90 days, the spec's advice being to set an expiration. */
export const initialValues = () => ({ name: '', description: '', expiry: '90d', scope: 'full' })

/**
 * The `generate-api-key` body from the form: a preset becomes `expires_at` that many days from now (an ISO
 * instant in UTC), "Custom date" sends the date picked (`''` when none, which the contract refuses), "Never"
 * sends none. An empty description is left out.
 */
export function generateBody(values: Record<string, unknown>, now = Date.now()): Record<string, unknown> {
  const { expiry, expires_at, description, ...rest } = values
  const body: Record<string, unknown> = { ...rest }
  if (typeof description === 'string' && description.trim()) body.description = description
  const days = presetDays[expiry as Expiry]
  if (days) body.expires_at = new Date(now + days * DAY_MS).toISOString()
  else if (expiry === 'custom') body.expires_at = typeof expires_at === 'string' ? expires_at : ''
  return body
}

/** The dialog's fields for the form's `values`: the date appears when "Custom date" is chosen. */
export function generateFields(values: Record<string, unknown>): FieldSpec[] {
  const custom: FieldSpec[] =
    values.expiry === 'custom'
      ? [
          {
            kind: 'datetime',
            name: 'expires_at',
            label: msg('Expiration date', { id: 'keys.expires-at' }),
            help: msg('In your time zone.', { id: 'keys.expires-at-help' }),
            required: true,
            min: new Date(Math.ceil(Date.now() / 60_000) * 60_000).toISOString(), // whole minutes
            messages: {
              'rule:iso_instant': () => msg('Choose a date and time', { id: 'keys.err.date' }),
              'rule:future': () => msg('Choose a time in the future', { id: 'keys.err.future' }),
            },
          },
        ]
      : []
  return [
    fieldOf(GenerateApiKeyRequest, 'name'),
    fieldOf(GenerateApiKeyRequest, 'description', { rows: 2 }),
    {
      kind: 'radio',
      name: 'expiry',
      label: msg('Expiration', { id: 'keys.expiry' }),
      help: msg('A key that expires is safer; roll it before it does.', { id: 'keys.expiry-help' }),
      inline: true,
      options: [
        { value: '7d', label: msg('7 days', { id: 'keys.expiry.7d' }) },
        { value: '30d', label: msg('30 days', { id: 'keys.expiry.30d' }) },
        { value: '90d', label: msg('90 days', { id: 'keys.expiry.90d' }) },
        { value: 'custom', label: msg('Custom date', { id: 'keys.expiry.custom' }) },
        { value: 'never', label: msg('Never', { id: 'keys.never' }) },
      ],
    },
    ...custom,
    {
      kind: 'radio',
      name: 'scope',
      label: msg('Scope', { id: 'keys.scope' }),
      options: Object.entries(scopes).map(([value, scope]) => ({
        value,
        label: scope.label(),
        description: scope.description(),
      })),
    },
  ]
}
