import { type ChatPreferences, chatPreferenceDefaults } from '@connectgain/contracts/chat-preferences'
import { expect, oneEvent } from '@open-wc/testing'
import { devSession, uniqueSlug, until } from '../../../test/session.ts'
import { choose, mountTab, openTab, rest } from '../../../test/tabs.ts'
import type { CgChatContactsTab } from './chat-contacts-tab.ts'

type Field = HTMLElement & { value: string | boolean; error: string; label: string }

const mine = (token: string) =>
  rest<ChatPreferences[]>(token, 'chat_preferences?select=message_density,enter_to_send,show_avatars')

const toggle = (control: HTMLElement) =>
  control.shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')!

describe('Chat & Contacts tab', () => {
  it("shows an agent the defaults before the first save, then saves the agent's own row by upsert", async () => {
    const { page, tab, root, field, session, slug } = await openTab<CgChatContactsTab>(
      'chat-contacts',
      'agent',
    )
    for (const [name, value] of Object.entries(chatPreferenceDefaults))
      expect(field<Field>(name).value).to.equal(value)
    expect(root.querySelector('.note')).to.equal(null) // every role writes its own preferences
    await expect(page).to.be.accessible()

    await choose(field('message_density'), 'Compact')
    toggle(field('enter_to_send')).click()
    await tab.updateComplete
    expect(tab.hasUnsavedChanges).to.equal(true)
    setTimeout(() => root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click())
    const saved = await oneEvent(tab, 'cg-saved')
    expect(saved.detail).to.deep.include({ tab: 'chat-contacts', resource: 'chat_preferences' })
    expect(saved.detail.value).to.include({ message_density: 'compact', enter_to_send: false })
    expect(await mine(session.access_token)).to.deep.equal([
      { message_density: 'compact', enter_to_send: false, show_avatars: true },
    ])
    await until(() => !tab.hasUnsavedChanges, 'pristine again')

    // A second save updates the same row (the upsert merges), and another member's preferences stay theirs.
    toggle(field('show_avatars')).click()
    await tab.updateComplete
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click()
    await until(() => !tab.hasUnsavedChanges, 'saved again')
    expect(await mine(session.access_token)).to.deep.equal([
      { message_density: 'compact', enter_to_send: false, show_avatars: false },
    ])
    const colleague = await devSession('admin', slug)
    expect(await mine(colleague.access_token)).to.deep.equal([])
  })

  it('loads saved preferences for project managers too, and they can change them', async () => {
    const slug = uniqueSlug('chat')
    const session = await devSession('project_manager', slug)
    await rest(session.access_token, 'chat_preferences?on_conflict=user_id', {
      method: 'POST',
      body: { contact_name_format: 'last_first' },
    })
    const { page, root } = await mountTab<CgChatContactsTab>('cg-chat-contacts-tab', session, 'form')
    const field = (name: string) => root.querySelector(`[name="${name}"]`) as Field
    expect(field('contact_name_format').value).to.equal('last_first')
    expect(root.querySelector('button[type="submit"]')).not.to.equal(null)
    await expect(page).to.be.accessible()
  })

  it('keeps the changes and says so when the server cannot be reached', async () => {
    let offline = false
    const fetcher: typeof fetch = (...args) =>
      offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(...args)
    const session = await devSession('agent', uniqueSlug('chat'))
    const { root } = await mountTab<CgChatContactsTab>('cg-chat-contacts-tab', session, 'form', fetcher)
    const tab = root.host as CgChatContactsTab
    toggle(root.querySelector<HTMLElement>('[name="show_avatars"]')!).click()
    await tab.updateComplete
    offline = true
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click()
    const toasts = root.querySelector('cg-toast-region')!
    await until(() => !!toasts.shadowRoot!.textContent!.includes('Could not reach the server'), 'the toast')
    expect(tab.hasUnsavedChanges).to.equal(true)
    offline = false
    expect(await mine(session.access_token)).to.deep.equal([])
  })

  it('speaks Spanish: labels, options and a field error', async () => {
    const { root, field, tab } = await openTab<CgChatContactsTab>('chat-contacts', 'agent', { locale: 'es' })
    await until(() => field<Field>('message_density').label === 'Densidad de los mensajes', 'Spanish')
    expect(field<Field>('enter_to_send').label).to.equal('Enviar con Intro')
    const density = field<HTMLElement & { options: { label: string }[] }>('message_density')
    expect(density.options.map((o) => o.label)).to.deep.equal(['Cómoda', 'Compacta'])
    // A value the contract does not know (say, an option list older than the server's): the enum rule.
    density.dispatchEvent(
      new CustomEvent('cg-field-change', {
        detail: { name: 'message_density', value: 'huge' },
        bubbles: true,
      }),
    )
    await tab.updateComplete
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click()
    await until(() => field<Field>('message_density').error !== '', 'the error')
    expect(field<Field>('message_density').error).to.equal('Elige una de las opciones')
  })
})
