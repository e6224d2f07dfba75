import { expect, fixture, html, oneEvent } from '@open-wc/testing'
import { sendKeys, setViewport } from '@web/test-runner-commands'
import { apiUrl, devSession, until } from '../test/session.ts'
import { hostPage } from '../test/tabs.ts'
import './index.ts'
import type { CgSettings } from './cg-settings.ts'

const links = (el: CgSettings) => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a[data-tab]')]
const tabsOf = (el: CgSettings) => links(el).map((a) => a.dataset.tab)
const heading = (el: CgSettings) => el.shadowRoot!.querySelector('#cg-tab-heading')!
const activeElementIn = (el: CgSettings) => el.shadowRoot!.activeElement

async function mount(role: Parameters<typeof devSession>[0], attrs: { tab?: string; locale?: string } = {}) {
  const { access_token } = await devSession(role)
  const el = await fixture<CgSettings>(
    html`<cg-settings api-url=${apiUrl()} token=${access_token} tab=${attrs.tab ?? ''} locale=${attrs.locale ?? ''}></cg-settings>`,
  )
  await el.updateComplete
  return el
}

describe('cg-settings', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname)
  })

  it("shows an owner all six categories and 27 tabs (the spec's 26 and Activity), accessibly", async () => {
    const el = await mount('owner')
    expect(el.shadowRoot!.querySelectorAll('nav h2.category')).to.have.length(6)
    expect(tabsOf(el)).to.have.length(27)
    expect(tabsOf(el)[0]).to.equal('notifications')
    await expect(el).to.be.accessible()
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

  it('never shows an agent the admin tabs, even when asked for one', async () => {
    const el = await mount('agent', { tab: 'api-keys' })
    expect(tabsOf(el)).to.deep.equal([
      'notifications',
      'chat-contacts',
      'inbox-layout',
      'organization',
      'team-members',
    ])
    expect(heading(el).textContent).to.equal('Notifications')
  })

  it('shows team admins the Teams tab and project managers no admin tab', async () => {
    expect(tabsOf(await mount('team_admin'))).to.include('teams')
    expect(tabsOf(await mount('project_manager'))).to.deep.equal([
      'notifications',
      'chat-contacts',
      'inbox-layout',
      'organization',
      'team-members',
    ])
  })

  it('opens the tab in the tab attribute, and says plainly when a tab is not available yet', async () => {
    const el = await mount('admin', { tab: 'channels' })
    expect(heading(el).textContent).to.equal('Channels')
    expect(el.shadowRoot!.querySelector('.unavailable')!.textContent).to.contain('not available yet')
    expect(el.shadowRoot!.querySelector('a[aria-current="page"]')!.getAttribute('data-tab')).to.equal(
      'channels',
    )
  })

  it('follows and writes the URL hash with sync-hash', async () => {
    history.replaceState(null, '', '#settings/api-keys')
    const { access_token } = await devSession('admin')
    const el = await fixture<CgSettings>(
      html`<cg-settings sync-hash api-url=${apiUrl()} token=${access_token}></cg-settings>`,
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
    const el = await mount('admin')
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
    const el = await mount('owner', { locale: 'es-MX' })
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
})
