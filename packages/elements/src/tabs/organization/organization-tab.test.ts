import { expect, html, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import { apiUrl, devSession, readOrg, uniqueSlug, until } from '../../../test/session.ts'
import { choose, hostPage, typeInto } from '../../../test/tabs.ts'
import type { CgSettings } from '../../cg-settings.ts'
import type { CgDialog } from '../../kit/cg-dialog.ts'
import type { CgOrganizationTab } from './organization-tab.ts'

type Role = Parameters<typeof devSession>[0]

/** `<cg-settings>` on the Organization tab for `role` in a fresh org of its own (tests write), in a host page. */
async function open(role: Role, { locale = '', slug = uniqueSlug('org') } = {}) {
  const session = await devSession(role, slug)
  const page = await hostPage(
    html`<cg-settings api-url=${apiUrl()} token=${session.access_token} tab="organization" locale=${locale}></cg-settings>`,
  )
  const shell = page.querySelector('cg-settings') as CgSettings
  const tab = () => shell.shadowRoot!.querySelector<CgOrganizationTab>('cg-organization-tab')!
  await until(() => !!tab()?.shadowRoot?.querySelector('form'), 'the organization form')
  const root = tab().shadowRoot!
  const field = <T extends HTMLElement = HTMLElement>(name: string) =>
    root.querySelector<T>(`[name="${name}"]`)!
  const save = () => root.querySelector<HTMLButtonElement>('button[type="submit"]')
  return { page, shell, tab: tab(), root, field, save, session, slug }
}

describe('Organization tab', () => {
  it('Use Case 1: an admin changes name, timezone and currency, saves, and the server has them', async () => {
    const { page, tab, field, save, session, slug } = await open('admin')
    expect((field('name') as HTMLInputElement & { value: string }).value).to.equal(
      slug.replace(
        /(^|-)([a-z0-9])/g,
        (_m, sep: string, ch: string) => `${sep ? ' ' : ''}${ch.toUpperCase()}`,
      ),
    )
    expect(save()!.disabled, 'Save is disabled while nothing changed').to.equal(true)
    await expect(page).to.be.accessible()

    await typeInto(field('name'), 'My Company')
    await choose(field('timezone'), 'New York')
    await choose(field('currency'), 'EUR')
    await tab.updateComplete
    expect(save()!.disabled).to.equal(false)
    expect(tab.hasUnsavedChanges).to.equal(true)

    setTimeout(() => save()!.click())
    const saved = await oneEvent(tab, 'cg-saved')
    expect(saved.detail.tab).to.equal('organization')
    expect(saved.detail.value).to.include({
      name: 'My Company',
      timezone: 'America/New_York',
      currency: 'EUR',
    })
    expect(await readOrg(session.access_token)).to.include({
      name: 'My Company',
      timezone: 'America/New_York',
      currency: 'EUR',
    })
    await tab.updateComplete
    expect(save()!.disabled, 'saved: pristine again').to.equal(true)
    expect(tab.hasUnsavedChanges).to.equal(false)
  })

  it('takes a currency and a zone typed without picking (Enter, Tab), and the saved row holds what is shown', async () => {
    const { tab, field, save, session } = await open('admin')
    await typeInto(field('currency'), 'eur')
    await sendKeys({ press: 'Enter' })
    await typeInto(field('timezone'), 'new york')
    await sendKeys({ press: 'Tab' })
    await tab.updateComplete
    const shown = (name: string) => field(name).shadowRoot!.querySelector('input')!.value
    expect(shown('currency')).to.equal('EUR — Euro')
    expect(shown('timezone')).to.equal('New York')

    setTimeout(() => save()!.click())
    await oneEvent(tab, 'cg-saved')
    expect(await readOrg(session.access_token)).to.include({ currency: 'EUR', timezone: 'America/New_York' })
  })

  it('refuses to save a currency typed that names none: the error says so and nothing is sent', async () => {
    const { page, tab, field, save, session } = await open('admin')
    const before = await readOrg(session.access_token)
    let saved = 0
    tab.addEventListener('cg-saved', () => saved++)
    await typeInto(field('name'), 'Renamed Co')
    await typeInto(field('currency'), 'zzz')
    await sendKeys({ press: 'Tab' })
    const error = () => (field('currency') as HTMLElement & { error: string }).error
    await until(() => error() !== '', 'the currency error')
    expect(error()).to.equal('Choose a currency from the list')
    expect(field('currency').shadowRoot!.querySelector('input')!.value).to.equal('zzz')

    save()!.click()
    await tab.updateComplete
    await new Promise((r) => setTimeout(r, 300))
    expect(saved).to.equal(0)
    expect(await readOrg(session.access_token)).to.deep.equal(before)
    expect(error()).to.equal('Choose a currency from the list')
    await expect(page).to.be.accessible()
  })

  it('lists every zone grouped by region with its UTC offset, and currencies with names', async () => {
    const { field } = await open('admin')
    const tz = field<HTMLElement & { options: { value: string; group?: string; description?: string }[] }>(
      'timezone',
    )
    const newYork = tz.options.find((o) => o.value === 'America/New_York')
    expect(newYork?.group).to.equal('America')
    expect(newYork?.description).to.match(/^UTC−0[45]:00$/)
    expect(tz.options.length).to.be.greaterThan(400)
    const currency = field<HTMLElement & { options: { value: string; label: string }[] }>('currency')
    expect(currency.options.find((o) => o.value === 'USD')?.label).to.equal('USD — US Dollar')
  })

  it('shows client-side validation under the field and sends nothing', async () => {
    const { page, field, save, session } = await open('owner')
    const before = await readOrg(session.access_token)
    await typeInto(field('slug'), 'Not A Slug')
    save()!.click()
    await until(() => (field('slug') as HTMLElement & { error: string }).error !== '', 'the slug error')
    expect((field('slug') as HTMLElement & { error: string }).error).to.contain(
      'lowercase letters and digits',
    )
    expect(await readOrg(session.access_token)).to.deep.equal(before)
    await expect(page).to.be.accessible()
  })

  it("maps the server's 409 for a taken slug onto the slug field, and changes nothing", async () => {
    const taken = uniqueSlug('taken')
    await devSession('admin', taken) // another org now owns this slug
    const { field, save, session } = await open('admin')
    const before = await readOrg(session.access_token)
    await typeInto(field('slug'), taken)
    save()!.click()
    await until(() => (field('slug') as HTMLElement & { error: string }).error !== '', 'the slug error')
    expect((field('slug') as HTMLElement & { error: string }).error).to.equal(
      'Already in use by another organization',
    )
    expect(await readOrg(session.access_token)).to.deep.equal(before)
  })

  for (const role of ['agent', 'project_manager'] as const) {
    it(`is read-only for ${role}: no Save button, fields read-only, a note says why`, async () => {
      const { page, root, field, save } = await open(role)
      expect(save()).to.equal(null)
      for (const name of ['name', 'slug', 'timezone', 'currency'])
        expect(field(name).hasAttribute('readonly')).to.equal(true)
      expect(root.querySelector('.note')!.textContent).to.contain('Only owners and admins')
      await expect(page).to.be.accessible()
    })
  }

  it('asks before leaving with unsaved changes', async () => {
    const { shell, field } = await open('admin')
    await typeInto(field('name'), 'Half typed')
    const link = (tab: string) =>
      shell.shadowRoot!.querySelector<HTMLAnchorElement>(`nav a[data-tab="${tab}"]`)!
    const dialog = shell.shadowRoot!.querySelector<CgDialog>('cg-dialog')!
    link('webhooks').click()
    await until(() => dialog.open, 'the unsaved-changes dialog')
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="cancel"]')!.click()
    await shell.updateComplete
    expect(dialog.open).to.equal(false)
    expect(shell.getAttribute('tab')).to.equal('organization')
    link('webhooks').click()
    await until(() => dialog.open, 'the dialog again')
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!.click()
    await shell.updateComplete
    expect(shell.getAttribute('tab')).to.equal('webhooks')
  })

  it('speaks Spanish', async () => {
    const { root, field } = await open('admin', { locale: 'es' })
    await until(
      () => (field('name') as HTMLElement & { label: string }).label === 'Nombre de la organización',
      'Spanish',
    )
    expect(root.querySelector('button[type="submit"]')!.textContent!.trim()).to.equal('Guardar cambios')
    expect((field('timezone') as HTMLElement & { label: string }).label).to.equal('Zona horaria')
    expect((field('currency') as HTMLElement & { noMatchesLabel: string }).noMatchesLabel).to.equal(
      'Sin resultados',
    )
    expect(
      (root.querySelector('cg-toast-region') as HTMLElement & { dismissLabel: string }).dismissLabel,
    ).to.equal('Cerrar')
  })
})
