import { type ChatPreferences, ChatPreferencesUpdate } from '@connectgain/contracts/chat-preferences'
import { type Organization, OrganizationUpdate } from '@connectgain/contracts/organizations'
import type { RoleName } from '@connectgain/contracts/permissions'
import { expect, html, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import { LitElement } from 'lit'
import { apiUrl, devSession, uniqueSlug, until } from '../../../test/session.ts'
import { heldFetch, hostPage, rest, typeInto } from '../../../test/tabs.ts'
import { ApiClient } from '../../api/client.ts'
import '../../form/cg-toast.ts'
import { readSession } from '../../session.ts'
import { ResourceController } from '../resource-controller.ts'
import { tabStyles } from '../tab-styles.ts'
import { FormSection } from './form-section.ts'

type Field = HTMLElement & { value: unknown; error: string }

/** A tab of one section: the member's own chat preferences (every role writes them). */
class PreferencesHost extends LitElement {
  static override styles = tabStyles
  readonly resource = new ResourceController<ChatPreferences>(this, {
    name: 'chat_preferences',
    shape: 'own',
    columns: ['id', 'show_avatars', 'enter_to_send'],
    defaults: { show_avatars: true, enter_to_send: true },
    schemas: { update: ChatPreferencesUpdate },
  })
  readonly form = new FormSection(this, {
    tab: 'chat-contacts',
    resource: this.resource,
    fields: () => [
      { kind: 'toggle', name: 'show_avatars', label: 'Show avatars' },
      { kind: 'toggle', name: 'enter_to_send', label: 'Press Enter to send' },
    ],
    saved: () => 'Preferences saved.',
  })
  override render() {
    return html`${this.form.render()}<cg-toast-region></cg-toast-region>`
  }
}
customElements.define('cg-preferences-host', PreferencesHost)

/** A tab of one section: the organization's name (owners and admins write it). */
class OrganizationHost extends LitElement {
  static override styles = tabStyles
  readonly resource = new ResourceController<Organization>(this, {
    name: 'organizations',
    shape: 'org',
    columns: ['id', 'name', 'slug', 'currency'],
    schemas: { update: OrganizationUpdate },
  })
  readonly form = new FormSection(this, {
    tab: 'organization',
    resource: this.resource,
    fields: () => [
      { kind: 'text', name: 'name', label: 'Organization name', required: true, maxlength: 100 },
      { kind: 'text', name: 'slug', label: 'URL slug', required: true },
      {
        kind: 'select',
        name: 'currency',
        label: 'Currency',
        options: [
          { value: 'EUR', label: 'EUR — Euro' },
          { value: 'USD', label: 'USD — US dollar' },
        ],
      },
    ],
    saved: () => 'Organization saved.',
  })
  override render() {
    return html`${this.form.render()}<cg-toast-region></cg-toast-region>`
  }
}
customElements.define('cg-organization-host', OrganizationHost)

/** `tag` for `role` of a fresh org, under the tab's h2 as the shell shows it; `fetcher` may fail requests. */
async function mount<T extends LitElement>(
  tag: string,
  role: RoleName,
  fetcher: typeof fetch = (...args) => fetch(...args),
) {
  const session = await devSession(role, uniqueSlug('form'))
  const api = new ApiClient({ baseUrl: apiUrl(), token: session.access_token, fetch: fetcher })
  const tab = document.createElement(tag) as T
  const page = await hostPage(
    html`<h2>Settings</h2>
      <cg-test-context .api=${api} .session=${readSession(session.access_token)}>${tab}</cg-test-context>`,
  )
  const root = tab.shadowRoot as ShadowRoot
  const field = (name: string) => root.querySelector<Field>(`[name="${name}"]`)!
  const save = () => root.querySelector<HTMLButtonElement>('button[type="submit"]')
  const toasts = () => root.querySelector('cg-toast-region')!.shadowRoot!.textContent!
  return { page, tab, root, session, field, save, toasts }
}

const readOrgName = async (token: string) =>
  (await rest<Pick<Organization, 'name'>[]>(token, 'organizations?select=name'))[0]!

const flip = (toggle: HTMLElement) =>
  toggle.shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')!.click()

describe('FormSection', () => {
  it('shows the row in its fields once they and their controls are in; Save waits for a change', async () => {
    const { page, tab, root, field, save } = await mount<PreferencesHost>('cg-preferences-host', 'agent')
    expect(root.querySelector('[role="status"]')!.textContent, 'at first').to.equal('Loading…')
    await until(() => !!root.querySelector('form'), 'the form')
    expect(tab.form.controls).to.equal('ready')
    expect(customElements.get('cg-toggle'), 'its controls were defined first').not.to.equal(undefined)
    expect(field('show_avatars').value, 'the defaults, before a first save').to.equal(true)
    expect(save()!.disabled).to.equal(true)
    expect(root.querySelector('.note'), 'the member writes their own').to.equal(null)
    await expect(page).to.be.accessible()
    flip(field('show_avatars'))
    await tab.updateComplete
    expect(save()!.disabled).to.equal(false)
    expect(root.querySelector('.actions [role="status"]')!.textContent!.trim()).to.equal('Unsaved changes')
  })

  it('saves: a toast says so, cg-saved carries the row, and the form is pristine again', async () => {
    const { tab, root, field, save, session, toasts } = await mount<PreferencesHost>(
      'cg-preferences-host',
      'agent',
    )
    await until(() => !!root.querySelector('form'), 'the form')
    flip(field('enter_to_send'))
    await tab.updateComplete
    const saved = oneEvent(tab, 'cg-saved')
    save()!.click()
    const event = await saved
    expect(event.detail).to.deep.include({ tab: 'chat-contacts', resource: 'chat_preferences' })
    expect(event.detail.value).to.include({ enter_to_send: false })
    await until(() => toasts().includes('Preferences saved.'), 'the toast')
    expect(tab.resource.dirty).to.equal(false)
    expect(save()!.disabled).to.equal(true)
    expect(
      await rest<Pick<ChatPreferences, 'enter_to_send'>[]>(
        session.access_token,
        'chat_preferences?select=enter_to_send',
      ),
    ).to.deep.equal([{ enter_to_send: false }])
  })

  it('a field the contract refuses shows its issue and gets the focus; nothing is sent', async () => {
    const { tab, root, field, save, session } = await mount<OrganizationHost>('cg-organization-host', 'admin')
    await until(() => !!root.querySelector('form'), 'the form')
    const before = await rest<Organization[]>(session.access_token, 'organizations?select=name')
    await typeInto(field('name'), '')
    await tab.updateComplete
    save()!.click()
    await until(() => field('name').error !== '', 'the error')
    expect(field('name').error).to.equal('Required')
    await until(() => root.activeElement === field('name'), 'the focus on the field at fault')
    expect(await rest(session.access_token, 'organizations?select=name')).to.deep.equal(before)
  })

  it('saves on Enter in a text field, once however often Enter is pressed or Save clicked; Save says it is busy', async () => {
    const writes: string[] = []
    const fetcher: typeof fetch = (input, init) => {
      if (init?.method === 'PATCH') writes.push(String(input))
      return fetch(input, init)
    }
    const { tab, root, field, save, session, toasts } = await mount<OrganizationHost>(
      'cg-organization-host',
      'admin',
      fetcher,
    )
    await until(() => !!root.querySelector('form'), 'the form')
    await typeInto(field('name'), 'Enter Co')
    const busy: (string | null)[] = []
    const watch = new MutationObserver(() => busy.push(save()!.getAttribute('aria-busy')))
    watch.observe(save()!, { attributes: true, attributeFilter: ['aria-busy'] })
    await sendKeys({ press: 'Enter' })
    await sendKeys({ press: 'Enter' })
    await until(() => toasts().includes('Organization saved.'), 'saved by Enter')
    watch.disconnect()
    expect(writes, 'one request').to.have.length(1)
    expect(busy, 'busy while it ran').to.include('true')
    expect(save()!.getAttribute('aria-busy')).to.equal('false')
    expect(tab.resource.dirty).to.equal(false)
    expect((await readOrgName(session.access_token)).name).to.equal('Enter Co')

    await typeInto(field('currency'), 'eur')
    await sendKeys({ press: 'Enter' }) // picks in the open list: no save
    await tab.updateComplete
    expect(field('currency').value).to.equal('EUR')
    expect(writes, 'Enter in an open list picks, and saves nothing').to.have.length(1)
    expect(tab.resource.dirty).to.equal(true)

    await typeInto(field('name'), 'Clicked Co')
    await tab.updateComplete
    save()!.click()
    save()!.click() // a double click
    await until(() => !tab.resource.dirty && !tab.resource.saving, 'saved by the click')
    expect(writes, 'one more request').to.have.length(2)
    expect(await rest(session.access_token, 'organizations?select=name,currency')).to.deep.equal([
      { name: 'Clicked Co', currency: 'EUR' },
    ])
  })

  it('names the fields at fault in the toast, each a button to its field; no "below"', async () => {
    const { tab, root, field, save, toasts } = await mount<OrganizationHost>('cg-organization-host', 'admin')
    await until(() => !!root.querySelector('form'), 'the form')
    await typeInto(field('name'), '')
    await typeInto(field('slug'), 'Not A Slug')
    await tab.updateComplete
    save()!.click()
    await until(() => toasts().includes('Check'), 'the toast')
    expect(toasts().replace(/\s+/g, ' ').trim()).to.contain('Check 2 fields: Organization name, URL slug.')
    expect(toasts()).not.to.contain('below')
    const region = root.querySelector('cg-toast-region')!.shadowRoot!
    const slug = [...region.querySelectorAll<HTMLButtonElement>('[part="message"] button')].find(
      (b) => b.textContent === 'URL slug',
    )!
    slug.click()
    expect(root.activeElement === field('slug'), 'the name took the focus to its field').to.equal(true)
  })

  it('stands a skeleton of its fields where they will be while the row loads', async () => {
    const { fetch: fetcher, release } = heldFetch()
    const { page, root } = await mount<OrganizationHost>('cg-organization-host', 'admin', fetcher)
    await until(() => !!root.querySelector('.skeleton'), 'the skeleton')
    const skeleton = root.querySelector('.skeleton')!
    expect(skeleton.getAttribute('aria-busy')).to.equal('true')
    expect(skeleton.querySelectorAll('.bone.short').length, 'a label and a control per field').to.equal(3)
    expect(skeleton.querySelector('[role="status"]')!.textContent, 'said to screen readers').to.equal(
      'Loading…',
    )
    expect(skeleton.querySelector('[role="status"]')!.getBoundingClientRect().width).to.be.at.most(1)
    await expect(page).to.be.accessible()
    release()
    await until(() => !!root.querySelector('form'), 'the form')
    expect(root.querySelector('.skeleton')).to.equal(null)
  })

  it('is read-only for a role that cannot write: the fields read-only, a note says why, no Save', async () => {
    const { page, root, field, save } = await mount<OrganizationHost>('cg-organization-host', 'agent')
    await until(() => !!root.querySelector('form'), 'the form')
    expect(field('name').hasAttribute('readonly')).to.equal(true)
    expect(root.querySelector('.note')!.textContent).to.contain('Only owners and admins')
    expect(save()).to.equal(null)
    await expect(page).to.be.accessible()
  })

  it('says why the row did not load, and Try again loads it', async () => {
    let offline = true
    const fetcher: typeof fetch = (...args) =>
      offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(...args)
    const { page, root } = await mount<OrganizationHost>('cg-organization-host', 'admin', fetcher)
    const alert = () => root.querySelector('[role="alert"]')
    await until(() => !!alert(), 'the failure')
    expect(alert()!.textContent).to.contain('Could not load these settings.')
    expect(alert()!.textContent).to.contain('Could not reach the server')
    await expect(page).to.be.accessible()
    offline = false
    alert()!.querySelector('button')!.click()
    await until(() => !!root.querySelector('form'), 'the form')
  })
})
