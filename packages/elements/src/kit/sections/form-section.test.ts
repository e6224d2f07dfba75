import { type ChatPreferences, ChatPreferencesUpdate } from '@connectgain/contracts/chat-preferences'
import { type Organization, OrganizationUpdate } from '@connectgain/contracts/organizations'
import type { RoleName } from '@connectgain/contracts/permissions'
import { expect, html, oneEvent } from '@open-wc/testing'
import { LitElement } from 'lit'
import { apiUrl, devSession, uniqueSlug, until } from '../../../test/session.ts'
import { hostPage, rest, typeInto } from '../../../test/tabs.ts'
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
    columns: ['id', 'name'],
    schemas: { update: OrganizationUpdate },
  })
  readonly form = new FormSection(this, {
    tab: 'organization',
    resource: this.resource,
    fields: () => [
      { kind: 'text', name: 'name', label: 'Organization name', required: true, maxlength: 100 },
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
