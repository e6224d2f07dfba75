import { settingsCategories } from '@connectgain/contracts/tabs'
import { expect, fixture, fixtureSync, html, oneEvent } from '@open-wc/testing'
import { sendKeys, setViewport } from '@web/test-runner-commands'
import { apiUrl, devSession, until } from '../test/session.ts'
import { hostPage } from '../test/tabs.ts'
import './index.ts'
import type { CgSettings } from './cg-settings.ts'
import { tabLoaders } from './tabs/tab-registry.ts'

const links = (el: CgSettings) => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a[data-tab]')]
const tabsOf = (el: CgSettings) => links(el).map((a) => a.dataset.tab)
const heading = (el: CgSettings) => el.shadowRoot!.querySelector('#cg-tab-heading')!
const activeElementIn = (el: CgSettings) => el.shadowRoot!.activeElement

interface MountOptions {
  tab?: string
  locale?: string
  tabs?: string
  all?: boolean
}

async function mount(role: Parameters<typeof devSession>[0], attrs: MountOptions = {}) {
  const { access_token } = await devSession(role)
  const el = await fixture<CgSettings>(
    html`<cg-settings api-url=${apiUrl()} token=${access_token} tab=${attrs.tab ?? ''} locale=${attrs.locale ?? ''}
      tabs=${attrs.tabs ?? ''} ?show-unavailable=${attrs.all ?? false}></cg-settings>`,
  )
  await el.updateComplete
  return el
}

describe('cg-settings', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname)
  })

  it("shows an owner the built tabs, and with show-unavailable all six categories and 27 (the spec's 26 and Activity)", async () => {
    const built = await mount('owner')
    expect(tabsOf(built)).to.deep.equal(
      settingsCategories.flatMap((c) => c.tabs).filter((t) => t in tabLoaders),
    )
    expect(built.shadowRoot!.querySelector('.unavailable')).to.equal(null)
    const el = await mount('owner', { all: true })
    expect(el.shadowRoot!.querySelectorAll('nav h2.category')).to.have.length(6)
    expect(tabsOf(el)).to.have.length(27)
    expect(tabsOf(el)[0]).to.equal('notifications')
    await expect(el).to.be.accessible()
  })

  it('shows the tabs named in tabs=, in that order, each category together', async () => {
    const el = await mount('admin', { tabs: 'webhooks, organization,api-keys,sla-escalation,nonsense' })
    expect(tabsOf(el)).to.deep.equal(['webhooks', 'api-keys', 'organization'])
    expect([...el.shadowRoot!.querySelectorAll('nav h2.category')].map((h) => h.textContent)).to.deep.equal([
      'Storage & Developer',
      'Workspace',
    ])
    expect(heading(el).textContent).to.equal('Webhooks')
    el.showUnavailable = true
    await el.updateComplete
    expect(tabsOf(el)).to.deep.equal(['webhooks', 'api-keys', 'organization', 'sla-escalation'])
  })

  it("adds the host page's slotted tab to the nav and the deep links, for every role", async () => {
    history.replaceState(null, '', '#settings/billing')
    const { access_token } = await devSession('agent')
    const el =
      await fixture<CgSettings>(html`<cg-settings sync-hash api-url=${apiUrl()} token=${access_token}>
      <section slot="tab:billing" data-label="Billing" data-category="workspace"><p>Plan: Pro</p></section>
      <section slot="tab:help" data-label="Help" data-category="Support"><p>Write to us</p></section>
    </cg-settings>`)
    await el.updateComplete
    expect(tabsOf(el)).to.deep.equal([
      'notifications',
      'chat-contacts',
      'organization',
      'team-members',
      'billing',
      'help',
    ])
    expect(heading(el).textContent).to.equal('Billing')
    const shown = () =>
      el
        .shadowRoot!.querySelector<HTMLSlotElement>('[part="panel"] slot')
        ?.assignedElements()
        .map((e) => e.textContent?.trim())
    expect(shown()).to.deep.equal(['Plan: Pro'])
    expect([...el.shadowRoot!.querySelectorAll('nav h2.category')].map((h) => h.textContent).at(-1)).to.equal(
      'Support',
    )
    setTimeout(() =>
      links(el)
        .find((a) => a.dataset.tab === 'help')!
        .click(),
    )
    const event = await oneEvent(el, 'cg-navigate')
    expect(event.detail).to.deep.equal({ tab: 'help', previous: 'billing' })
    await el.updateComplete
    expect(location.hash).to.equal('#settings/help')
    expect(shown()).to.deep.equal(['Write to us'])
    const added = document.createElement('section')
    Object.assign(added, { slot: 'tab:plans' })
    added.dataset.label = 'Plans'
    el.append(added)
    await until(() => tabsOf(el).includes('plans'), 'a tab added later')
    el.tabs = 'plans,organization'
    await el.updateComplete
    expect(tabsOf(el)).to.deep.equal(['plans', 'organization', 'billing', 'help'])
  })

  it('adds no page landmarks: a host page keeps its own header and main, and stays axe-clean', async () => {
    const { access_token } = await devSession('owner')
    const page = await hostPage(html`<cg-settings api-url=${apiUrl()} token=${access_token}></cg-settings>`)
    const shell = page.querySelector<CgSettings>('cg-settings')!
    expect(
      shell.shadowRoot!.querySelector('header, main, footer, aside, [role="banner"], [role="main"]'),
    ).to.equal(null)
    expect(shell.shadowRoot!.querySelector('[part="header"]')).not.to.equal(null)
    expect(shell.shadowRoot!.querySelector('[part="panel"]')).not.to.equal(null)
    await expect(page).to.be.accessible()
  })

  it('never shows an agent the admin tabs: asked for one, it says which role may open it', async () => {
    const el = await mount('agent', { tab: 'api-keys', all: true })
    expect(tabsOf(el)).to.deep.equal([
      'notifications',
      'chat-contacts',
      'inbox-layout',
      'organization',
      'team-members',
    ])
    expect(heading(el).textContent).to.equal('Notifications')
    expect(el.getAttribute('tab')).to.equal('notifications')
    expect(el.shadowRoot!.querySelector('.notice')?.textContent?.trim()).to.equal(
      'API Keys needs the Admin role. You are signed in as Agent.',
    )
  })

  it('corrects a forbidden deep link: the notice, the hash and no cg-navigate', async () => {
    const { access_token } = await devSession('agent')
    const el = await fixture<CgSettings>(
      html`<cg-settings sync-hash api-url=${apiUrl()} token=${access_token} tab="organization"></cg-settings>`,
    )
    let navigations = 0
    el.addEventListener('cg-navigate', () => navigations++)
    location.hash = '#settings/webhooks'
    await oneEvent(window, 'hashchange')
    await el.updateComplete
    expect(heading(el).textContent).to.equal('Organization')
    expect(location.hash).to.equal('#settings/organization')
    expect(el.getAttribute('tab')).to.equal('organization')
    expect(navigations).to.equal(0)
    expect(el.shadowRoot!.querySelector('.notice')?.textContent?.trim()).to.equal(
      'Webhooks needs the Admin role. You are signed in as Agent.',
    )
    links(el)
      .find((a) => a.dataset.tab === 'notifications')!
      .click()
    await el.updateComplete
    expect(el.shadowRoot!.querySelector('.notice')).to.equal(null)
  })

  it('shows team admins the Teams tab and project managers no admin tab', async () => {
    expect(tabsOf(await mount('team_admin'))).to.include('teams')
    expect(tabsOf(await mount('project_manager', { all: true }))).to.deep.equal([
      'notifications',
      'chat-contacts',
      'inbox-layout',
      'organization',
      'team-members',
    ])
  })

  it('opens the tab in the tab attribute, and says plainly when a tab is not available yet', async () => {
    const el = await mount('admin', { tab: 'sla-escalation', all: true })
    expect(heading(el).textContent).to.equal('SLA & Escalation')
    expect(el.shadowRoot!.querySelector('.unavailable')!.textContent).to.contain('not available yet')
    expect(el.shadowRoot!.querySelector('a[aria-current="page"]')!.getAttribute('data-tab')).to.equal(
      'sla-escalation',
    )
  })

  it('follows and writes the URL hash with sync-hash', async () => {
    history.replaceState(null, '', '#settings/api-keys')
    const { access_token } = await devSession('admin')
    const el = await fixture<CgSettings>(
      html`<cg-settings sync-hash show-unavailable api-url=${apiUrl()} token=${access_token}></cg-settings>`,
    )
    expect(heading(el).textContent).to.equal('API Keys')
    links(el)
      .find((a) => a.dataset.tab === 'teams')!
      .click()
    await el.updateComplete
    expect(location.hash).to.equal('#settings/teams')
    location.hash = '#settings/channels'
    await oneEvent(window, 'hashchange')
    await el.updateComplete
    expect(heading(el).textContent).to.equal('Channels')
  })

  it('is keyboard-complete: one tab stop, arrow keys move, Enter opens and focuses the heading', async () => {
    const el = await mount('admin', { all: true })
    expect(links(el).filter((a) => a.tabIndex === 0)).to.have.length(1)
    links(el)[0]!.focus()
    await sendKeys({ press: 'ArrowDown' })
    await sendKeys({ press: 'ArrowDown' })
    expect((activeElementIn(el) as HTMLElement).dataset.tab).to.equal('inbox-layout')
    await sendKeys({ press: 'End' })
    expect((activeElementIn(el) as HTMLElement).dataset.tab).to.equal('danger-zone')
    await sendKeys({ press: 'ArrowDown' }) // wraps
    expect((activeElementIn(el) as HTMLElement).dataset.tab).to.equal('notifications')
    await sendKeys({ press: 'ArrowUp' })
    setTimeout(() => sendKeys({ press: 'Enter' }))
    const event = await oneEvent(el, 'cg-navigate')
    expect(event.detail).to.deep.equal({ tab: 'danger-zone', previous: 'notifications' })
    await el.updateComplete
    expect(activeElementIn(el)).to.equal(heading(el))
    expect(el.getAttribute('tab')).to.equal('danger-zone')
    expect(
      links(el)
        .filter((a) => a.tabIndex === 0)
        .map((a) => a.dataset.tab),
    ).to.deep.equal(['danger-zone'])
  })

  it('speaks Spanish with locale="es"', async () => {
    const el = await mount('owner', { locale: 'es-MX', all: true })
    await until(() => heading(el).textContent === 'Notificaciones', 'Spanish labels')
    expect(el.shadowRoot!.querySelector('nav h2.category')!.textContent).to.equal('Mis preferencias')
    expect(links(el).map((a) => a.textContent)).to.include('Zona de peligro')
    el.locale = 'en'
    await until(() => heading(el).textContent === 'Notifications', 'English again')
  })

  it('collapses the navigation behind a menu button at 360 px', async () => {
    await setViewport({ width: 360, height: 720 })
    try {
      const el = await mount('admin')
      const nav = el.shadowRoot!.querySelector('nav')!
      const menu = el.shadowRoot!.querySelector<HTMLButtonElement>('button.menu')!
      expect(getComputedStyle(nav).display).to.equal('none')
      expect(getComputedStyle(menu).display).not.to.equal('none')
      expect(menu.getAttribute('aria-expanded')).to.equal('false')
      menu.click()
      await el.updateComplete
      expect(getComputedStyle(nav).display).to.equal('block')
      expect(menu.getAttribute('aria-expanded')).to.equal('true')
      expect(el.scrollWidth).to.be.at.most(360)
      await expect(el).to.be.accessible()
    } finally {
      await setViewport({ width: 1280, height: 800 })
    }
  })

  it('scrolls inside a container of fixed height, and keeps its nav in view in a tall page', async () => {
    const { access_token } = await devSession('owner')
    // fixtureSync: `fixture` waits a frame for a plain element, and a page in the background gets none.
    const box = fixtureSync<HTMLDivElement>(html`<div style="height: 300px">
      <cg-settings api-url=${apiUrl()} token=${access_token} show-unavailable></cg-settings>
    </div>`)
    const el = box.querySelector('cg-settings')!
    await until(() => tabsOf(el).length === 27, 'the nav')
    expect(Math.round(el.getBoundingClientRect().bottom)).to.be.at.most(
      Math.round(box.getBoundingClientRect().bottom),
    )
    const nav = el.shadowRoot!.querySelector('nav')!
    expect(nav.scrollHeight > nav.clientHeight).to.equal(true) // 27 links in 300 px: the nav scrolls itself
    // A tall element in a page that scrolls (here a scrolling box, which scrolls even in a background tab).
    const scroller = fixtureSync<HTMLDivElement>(html`<div style="height: 400px; overflow: auto">
      <div><cg-settings api-url=${apiUrl()} token=${access_token} show-unavailable style="min-height: 2500px"></cg-settings></div>
    </div>`)
    const tall = scroller.querySelector('cg-settings')!
    await until(() => tabsOf(tall).length === 27, 'the nav')
    scroller.scrollTop = 800
    const navTop = tall.shadowRoot!.querySelector('nav')!.getBoundingClientRect().top
    expect(Math.round(navTop - scroller.getBoundingClientRect().top)).to.equal(0)
  })
})
