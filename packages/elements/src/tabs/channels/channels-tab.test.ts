import type { Channel } from '@connectgain/contracts/channel-requests'
import { channelCredentials, channelSettings, channelTypes } from '@connectgain/contracts/channels'
import { expect } from '@open-wc/testing'
import { uniqueSlug, until } from '../../../test/session.ts'
import { listOf, openTab, rest, takeSecret, typeInto } from '../../../test/tabs.ts'
import type { CgDialog } from '../../kit/cg-dialog.ts'
import { everyTypeField, typeFields } from './channel-form.ts'
import type { CgChannelsTab } from './channels-tab.ts'

type Field = HTMLElement & { value: string; error: string; placeholder: string; readonly: boolean }

async function open(slug = uniqueSlug('channels')) {
  const opened = await openTab<CgChannelsTab>('channels', 'admin', {
    slug,
    readySelector: 'cg-resource-list',
  })
  const { root } = opened
  const field = (name: string) => root.querySelector<Field>(`form [name="${name}"]`)
  const create = async (type: string) => {
    root.querySelector<HTMLButtonElement>('button[data-action="create"]')!.click()
    await until(() => !!field('type')?.shadowRoot, 'the type to pick')
    field('type')!.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${type}"]`)!.click()
    await until(() => !!field('name')?.shadowRoot?.querySelector('input'), `the fields of ${type}`)
  }
  const submit = () => root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click()
  const stored = () => rest<Channel[]>(opened.session.access_token, 'channels')
  return { ...opened, ...listOf(root), field, create, submit, stored, token: opened.session.access_token }
}

const toast = (root: ShadowRoot) => root.querySelector('cg-toast-region')?.shadowRoot?.textContent ?? ''

describe('Channels tab', () => {
  it("draws each type's settings then its credentials, as the contract declares them", () => {
    for (const type of channelTypes)
      expect(typeFields(type, null).map((f) => f.name)).to.deep.equal([
        ...Object.keys(channelSettings[type].shape).map((key) => `settings.${key}`),
        ...Object.keys(channelCredentials[type].shape).map((key) => `credentials.${key}`),
      ])
    expect(
      everyTypeField()
        .filter((f) => f.name.startsWith('credentials.'))
        .every((f) => f.kind === 'secret'),
    ).to.equal(true)
  })

  it('connects WhatsApp: its own fields, credentials masked and never read back; the inbound URL and verify token to copy', async () => {
    const { create, field, submit, rows, stored, button, root, page } = await open()
    await create('whatsapp')
    expect(field('credentials.access_token')!.localName).to.equal('cg-secret-field')
    expect(field('settings.phone_number_id')!.shadowRoot!.textContent).to.contain('Phone number ID')
    await typeInto(field('name')!, 'Support WhatsApp')
    await typeInto(field('settings.phone_number_id')!, '106540352242922')
    await typeInto(field('settings.waba_id')!, '102290129340398')
    await typeInto(field('credentials.access_token')!, 'EAAGtokentokentoken')
    await typeInto(field('credentials.app_secret')!, 'app-secret-value')
    await expect(page).to.be.accessible()
    submit()
    await until(() => rows().some((cells) => cells.join(' ').includes('Support WhatsApp')), 'the new channel')
    expect(rows()[0]!.join(' ')).to.contain('WhatsApp Cloud API')
    const [channel] = await stored()
    expect(channel!.credential_keys.sort()).to.deep.equal(['access_token', 'app_secret'])
    expect(JSON.stringify(channel)).not.to.contain('EAAGtokentokentoken')

    button('edit', 'Support WhatsApp')!.click()
    await until(() => !!root.querySelector('.connection'), 'the connection panel')
    expect(field('credentials.access_token')!.value).to.equal('')
    expect(field('credentials.access_token')!.placeholder).to.equal('Saved: type a new one to replace it')
    const copyable = [...root.querySelectorAll<Field>('.connection cg-secret-field')]
    expect(copyable.map((f) => f.value)).to.deep.equal([channel!.inbound_url, channel!.verify_token])
    expect(channel!.inbound_url).to.match(new RegExp(`/functions/v1/inbound/${channel!.id}$`))
    expect(copyable.every((f) => !!f.shadowRoot!.querySelector('[part="copy-button"]'))).to.equal(true)
    expect(root.querySelector('.connection')!.textContent).to.contain('Verify token')
  })

  it('refuses a missing credential under its field before sending anything', async () => {
    const { create, field, submit, stored } = await open()
    await create('telegram')
    await typeInto(field('name')!, 'Bot')
    submit()
    await until(() => !!field('credentials.bot_token')?.error, 'the error under the bot token')
    expect(await stored()).to.deep.equal([])
  })

  it("shows an API channel's inbound token once, and never again", async () => {
    const { create, field, submit, root, rows, stored } = await open()
    await create('api')
    await typeInto(field('name')!, 'Backend')
    submit()
    const token = await takeSecret(root)
    expect(token.length).to.be.greaterThan(20)
    await until(() => rows().some((cells) => cells.join(' ').includes('Backend')), 'the new channel')
    const [channel] = await stored()
    expect(channel!.inbound_token).to.equal(null)
    const inbound = await fetch(channel!.inbound_url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ contact: { email: 'ana@example.com' }, content: 'Hello' }),
    })
    expect(inbound.status, 'the token shown works').to.equal(201)
  })

  it('tests a Telegram bot at the provider, and disables it (after asking) and enables it again', async () => {
    const { create, field, submit, root, rows, button, list } = await open()
    await create('telegram')
    await typeInto(field('name')!, 'Bot')
    await typeInto(field('credentials.bot_token')!, window.CG_TELEGRAM_TOKEN)
    submit()
    await until(() => rows().some((cells) => cells.join(' ').includes('Bot')), 'the new channel')
    const press = async (action: string) => {
      await until(
        () => list.status === 'ready' && !root.querySelector('[aria-busy="true"]'),
        'the list settled',
      )
      const direct = button(action, 'Bot')
      if (direct) return direct.click()
      list.shadowRoot!.querySelector<HTMLButtonElement>('tbody tr button[popovertarget]')!.click()
      list.shadowRoot!.querySelector<HTMLButtonElement>(`[role="menu"] [data-action="${action}"]`)!.click()
    }
    await press('test')
    await until(() => /acme_support_bot/.test(toast(root)), "the bot's name, from getMe")

    await press('disable')
    const confirm = () => root.querySelector<CgDialog>('#cg-confirm')!
    await until(() => confirm().open, 'the question')
    confirm().shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!.click()
    await until(() => rows()[0]?.join(' ').includes('Disabled') ?? false, 'disabled')
    await press('enable')
    await until(() => rows()[0]?.join(' ').includes('Enabled') ?? false, 'enabled again')
  })
})
