/**
 * @module The Channels tab: connect a channel of a type (its own fields, help and console steps), test the
 * connection at the provider, copy the inbound URL and verify token, enable, disable and delete.
 */
import type { Channel, TestChannelResult } from '@connectgain/contracts/channel-requests'
import { ChannelFields, type ChannelType, isMetaChannelType } from '@connectgain/contracts/channels'
import { msg, str } from '@lit/localize'
import { css, html, nothing } from 'lit'
import { defineElement } from '../../define.ts'
import type { CgSavedDetail } from '../../events.ts'
import type { ListColumn } from '../../kit/cg-resource-list.ts'
import { checkAction } from '../../kit/check-action.ts'
import { columnOf } from '../../kit/contract-fields.ts'
import type { FieldSpec } from '../../kit/fields.ts'
import { FunctionController } from '../../kit/function-controller.ts'
import { ListTab, type ListTexts } from '../../kit/list-tab.ts'
import { ResourceController } from '../../kit/resource-controller.ts'
import type { RowAction } from '../../kit/row-actions.ts'
import { firstRequests } from '../first-requests.ts'
import {
  bodyOf,
  consoleSteps,
  everyTypeField,
  nameField,
  typeField,
  typeFields,
  typeSchemas,
  valuesOf,
} from './channel-form.ts'

/**
 * @tag cg-channels-tab
 * @fires cg-saved - A channel was created or changed; `detail.value` is the row the server returned.
 */
export class CgChannelsTab extends ListTab<Channel> {
  static override styles = [
    ...ListTab.styles,
    css`

    `,
  ]

  protected readonly tab = 'channels'
  protected readonly resource = new ResourceController<Channel>(this, {
    ...firstRequests.channels,
    // The type chosen (or saved) decides the fields: checked by that type's schemas, looked up at each check.
    schemas: typeSchemas(() => this.chosenType()),
    form: { values: valuesOf, body: bodyOf },
  })
  private readonly tester = new FunctionController<TestChannelResult>(this, { name: 'test-channel' })

  /** The saved channel's type, or the one the form chose. */
  private chosenType(): ChannelType | undefined {
    const { editing, values } = this.resource
    return ((editing && editing !== 'new' ? editing.type : values.type) as ChannelType) || undefined
  }

  constructor() {
    super()
    // The API channel's inbound token comes once, in the answer to its POST: shown once, then never again.
    this.addEventListener('cg-saved', (event) => {
      const token = (event as CustomEvent<CgSavedDetail>).detail.value.inbound_token
      if (typeof token === 'string')
        void this.revealOnce({
          heading: msg('Copy the inbound token', { id: 'ch.token-heading' }),
          label: msg('Inbound token', { id: 'ch.token' }),
          value: token,
        })
    })
  }

  protected texts(): ListTexts<Channel> {
    return {
      list: msg('Channels', { id: 'ch.list' }),
      empty: msg(
        'Connect WhatsApp, Messenger, Instagram, Telegram, SMS, your website or the API to receive messages here.',
        {
          id: 'ch.empty',
        },
      ),
      create: msg('Connect channel', { id: 'ch.create' }),
      edit: (c) => msg(str`Edit ${c.name}`, { id: 'ch.edit' }),
      confirmDelete: (c) => ({
        heading: msg(str`Delete ${c.name}?`, { id: 'ch.confirm-delete' }),
        body: msg('Its inbound URL stops answering; its conversations stay.', {
          id: 'ch.confirm-delete-body',
        }),
        confirmLabel: msg('Delete channel', { id: 'ch.delete' }),
        danger: true,
      }),
      saved: msg('Channel saved.', { id: 'ch.saved-toast' }),
      deleted: msg('Channel deleted.', { id: 'ch.deleted' }),
    }
  }

  protected rowName(c: Channel): string {
    return c.name
  }

  protected columns(): ListColumn<Channel>[] {
    return [
      columnOf(ChannelFields, 'name'),
      columnOf(ChannelFields, 'type', { class: 'nowrap' }),
      {
        key: 'enabled',
        label: msg('Status', { id: 'ch.status' }),
        class: 'nowrap',
        render: (c) =>
          !c.enabled
            ? html`<span class="badge" data-tone="muted">${msg('Disabled', { id: 'ch.disabled' })}</span>`
            : c.last_check && !c.last_check.ok
              ? html`<span class="badge" data-tone="danger">${msg('Check failed', { id: 'ch.check-failed' })}</span>`
              : html`<span class="badge" data-tone="success">${msg('Enabled', { id: 'ch.enabled-badge' })}</span>`,
      },
    ]
  }

  protected fields(): FieldSpec[] {
    const { editing, values } = this.resource
    const saved = editing && editing !== 'new' ? editing : null
    const type = (saved?.type ?? values.type) as ChannelType | undefined
    return [
      ...(saved ? [] : [typeField()]),
      ...(type
        ? [
            nameField(),
            ...typeFields(type, saved),
            ...(saved
              ? [
                  {
                    kind: 'custom',
                    name: 'connection',
                    label: '',
                    render: () => this.connection(saved),
                  } as const,
                ]
              : []),
          ]
        : []),
    ]
  }

  protected override allFields(): FieldSpec[] {
    return everyTypeField()
  }

  /** Where the provider delivers: the inbound URL and Meta's verify token, to copy, and the console steps. */
  private connection(channel: Channel) {
    const copyable = (label: string, value: string) =>
      html`<cg-secret-field readonly revealed label=${label} .value=${value}></cg-secret-field>`
    return html`<div class="panel connection" role="group" aria-label=${msg('Connection', { id: 'ch.connection' })}>
      <p>${consoleSteps(channel.type)}</p>
      ${copyable(msg('Inbound URL', { id: 'ch.inbound-url' }), channel.inbound_url)}
      ${isMetaChannelType(channel.type) && channel.verify_token ? copyable(msg('Verify token', { id: 'ch.verify-token' }), channel.verify_token) : nothing}
    </div>`
  }

  protected override rowActions(): RowAction<Channel>[] {
    return [
      checkAction(
        this.tester,
        (c) => msg(str`Test the connection of ${c.name}`, { id: 'ch.test-row' }),
        (found) => found,
      ),
      {
        id: 'disable',
        label: msg('Disable', { id: 'ch.disable' }),
        name: (c) => msg(str`Disable ${c.name}`, { id: 'ch.disable-row' }),
        when: (c) => c.enabled,
        confirm: (c) => ({
          heading: msg(str`Disable ${c.name}?`, { id: 'ch.confirm-disable' }),
          body: msg(
            'Its inbound URL answers 404, so nothing arrives through it, until you enable it again.',
            {
              id: 'ch.confirm-disable-body',
            },
          ),
          confirmLabel: msg('Disable', { id: 'ch.disable' }),
        }),
        run: (c) => this.toggle(c, false),
      },
      {
        id: 'enable',
        label: msg('Enable', { id: 'ch.enable' }),
        name: (c) => msg(str`Enable ${c.name}`, { id: 'ch.enable-row' }),
        when: (c) => !c.enabled,
        run: (c) => this.toggle(c, true),
      },
    ]
  }

  private async toggle(channel: Channel, enabled: boolean) {
    const result = await this.resource.update(channel, { enabled })
    return result.ok
      ? { ok: true as const }
      : { ok: false as const, reason: 'failed' as const, error: result.error }
  }
}

defineElement('cg-channels-tab', CgChannelsTab)

declare global {
  interface HTMLElementTagNameMap {
    'cg-channels-tab': CgChannelsTab
  }
}
