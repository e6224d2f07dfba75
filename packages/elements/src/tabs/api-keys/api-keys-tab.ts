/** @module The API Keys tab (spec Use Case 2): generate a key (shown once), see its use, roll it, revoke it. */
import {
  type ApiKey,
  type ApiKeyUsage,
  GenerateApiKeyRequest,
  type GenerateApiKeyResponse,
  RevokeApiKeyRequest,
  type RevokeApiKeyResponse,
  ROLL_OVERLAP_HOURS,
  RollApiKeyRequest,
  type RollApiKeyResponse,
  USAGE_DAYS,
} from '@connectgain/contracts/api-keys'
import { msg, str } from '@lit/localize'
import { defineElement } from '../../define.ts'
import type { ListColumn } from '../../kit/cg-resource-list.ts'
import { firstDay } from '../../kit/daily-series.ts'
import type { FieldSpec } from '../../kit/fields.ts'
import { FunctionController } from '../../kit/function-controller.ts'
import { keyIcon } from '../../kit/icons.ts'
import { ListTab, type ListTexts } from '../../kit/list-tab.ts'
import { RelatedRows } from '../../kit/related-rows.ts'
import { ResourceController } from '../../kit/resource-controller.ts'
import type { ActionOutcome, RowAction, SecretToShow } from '../../kit/row-actions.ts'
import { firstRequests } from '../first-requests.ts'
import { styles } from './api-keys-tab.styles.ts'
import { generateBody, generateFields, initialValues } from './generate-form.ts'
import { keyColumns } from './key-columns.ts'

/** A key that still works can be rolled or revoked. */
const working = (key: ApiKey) => key.status === 'active' || key.status === 'expiring'

/** The answer of generate or roll without the key itself: what `cg-saved` tells the host page. */
const withoutSecret = ({ api_key: _secret, ...key }: GenerateApiKeyResponse) => key

/** A new key, for the kit's shown-once dialog. */
const shownOnce = (key: string): SecretToShow => ({
  heading: msg('Copy your new API key', { id: 'keys.secret.heading' }),
  label: msg('API key', { id: 'keys.secret.label' }),
  value: key,
})

/**
 * The organization's keys, newest first, with their use over the last USAGE_DAYS days. Generate is a dialog
 * that calls `generate-api-key` and then shows the key once; Roll and Revoke ask first. Owners and admins only.
 *
 * @tag cg-api-keys-tab
 * @fires cg-saved - A key was generated, rolled or revoked; `detail.value` is the server's answer, never the key itself.
 * @cssprop [--cg-sparkline-width=72px] - The width of each key's usage sparkline.
 */
export class CgApiKeysTab extends ListTab<ApiKey, GenerateApiKeyResponse> {
  static override styles = styles

  protected readonly tab = 'api-keys'
  protected readonly resource = new ResourceController<ApiKey>(this, {
    ...firstRequests['api-keys'],
  })
  protected override readonly editable = false
  protected override readonly deletable = false
  protected override readonly creator = new FunctionController<GenerateApiKeyResponse>(this, {
    name: 'generate-api-key',
    schema: GenerateApiKeyRequest,
    initial: initialValues,
    body: generateBody,
  })
  private readonly roll = new FunctionController<RollApiKeyResponse>(this, {
    name: 'roll-api-key',
    schema: RollApiKeyRequest,
  })
  private readonly revoke = new FunctionController<RevokeApiKeyResponse>(this, {
    name: 'revoke-api-key',
    schema: RevokeApiKeyRequest,
  })
  private readonly usage = new RelatedRows<ApiKeyUsage>(
    this,
    {
      name: 'api_key_usage',
      columns: ['key_id', 'day', 'requests'],
      key: 'key_id',
      filters: () => ({ day: `gte.${firstDay(USAGE_DAYS)}` }),
    },
    () => this.resource.rows,
  )

  protected override readonly emptyIcon = keyIcon

  protected texts(): ListTexts<ApiKey> {
    return {
      list: msg('API keys', { id: 'keys.list' }),
      empty: msg('Generate an API key to let your apps and scripts call the ConnectGain API.', {
        id: 'keys.empty',
      }),
      create: msg('Generate new API key', { id: 'keys.create' }),
      submitCreate: msg('Generate', { id: 'keys.generate' }),
      search: msg('Search API keys', { id: 'keys.search' }),
    }
  }

  /** Names repeat (a rolled key keeps its name), so the visible ends of the key tell rows apart. */
  protected rowName(key: ApiKey): string {
    return `${key.name} (${key.prefix}…${key.last4})`
  }

  protected columns(): ListColumn<ApiKey>[] {
    return keyColumns(this.usage)
  }

  /** The generate dialog's fields. */
  protected fields(): FieldSpec[] {
    return generateFields(this.creator.values)
  }

  /** With the date "Custom date" shows: its picker is defined before the dialog opens. */
  protected override allFields(): FieldSpec[] {
    return generateFields({ expiry: 'custom' })
  }

  protected override created(key: GenerateApiKeyResponse): ActionOutcome {
    const name = key.name
    return {
      ok: true,
      saved: withoutSecret(key),
      secret: shownOnce(key.api_key),
      toast: msg(str`API key ${name} generated.`, { id: 'keys.generated' }),
    }
  }

  protected override rowActions(): RowAction<ApiKey>[] {
    return [
      {
        id: 'roll',
        label: msg('Roll', { id: 'keys.roll' }),
        name: (key) => msg(str`Roll key ${this.rowName(key)}`, { id: 'keys.roll-row' }),
        when: working,
        confirm: (key) => ({
          heading: msg(str`Roll key ${this.rowName(key)}?`, { id: 'keys.roll-confirm' }),
          body: msg(
            str`You get a new key now. The old one keeps working for ${ROLL_OVERLAP_HOURS} hours, so you can put the new one in place, then it stops.`,
            { id: 'keys.roll-body' },
          ),
          confirmLabel: msg('Roll key', { id: 'keys.roll-do' }),
        }),
        run: async (key) => {
          const result = await this.roll.call({ id: key.id })
          if (!result.ok) return result
          const name = key.name
          return {
            ok: true,
            saved: withoutSecret(result.value),
            secret: shownOnce(result.value.api_key),
            toast: msg(str`Key ${name} rolled. The old key stops working in ${ROLL_OVERLAP_HOURS} hours.`, {
              id: 'keys.rolled',
            }),
          }
        },
      },
      {
        id: 'revoke',
        label: msg('Revoke', { id: 'keys.revoke' }),
        name: (key) => msg(str`Revoke key ${this.rowName(key)}`, { id: 'keys.revoke-row' }),
        when: working,
        confirm: (key) => ({
          heading: msg(str`Revoke key ${this.rowName(key)}?`, { id: 'keys.revoke-confirm' }),
          body: msg('Apps using it stop working at once. This cannot be undone.', { id: 'keys.revoke-body' }),
          confirmLabel: msg('Revoke key', { id: 'keys.revoke-do' }),
          danger: true,
        }),
        run: async (key) => {
          const result = await this.revoke.call({ id: key.id })
          if (!result.ok) return result
          const name = key.name
          return {
            ok: true,
            saved: result.value,
            toast: msg(str`Key ${name} revoked.`, { id: 'keys.revoked' }),
          }
        },
      },
    ]
  }
}

defineElement('cg-api-keys-tab', CgApiKeysTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-api-keys-tab': CgApiKeysTab
  }
}
