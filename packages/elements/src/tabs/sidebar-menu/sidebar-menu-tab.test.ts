import { defaultSidebarItems, type SidebarItem } from '@connectgain/contracts/sidebar-items'
import { expect } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import { uniqueSlug, until } from '../../../test/session.ts'
import { focused, listOf, openTab, rest, typeInto } from '../../../test/tabs.ts'
import type { CgDialog } from '../../kit/cg-dialog.ts'
import type { CgSidebarMenuTab } from './sidebar-menu-tab.ts'

type Field = HTMLElement & { value: unknown; label: string }
const labels = defaultSidebarItems.map((item) => item.label)

async function open() {
  const opened = await openTab<CgSidebarMenuTab>('sidebar-menu', 'admin', {
    slug: uniqueSlug('sidebar'),
    readySelector: 'cg-resource-list',
  })
  const list = listOf(opened.root)
  await until(() => list.rows().length === labels.length, 'the default sections')
  const token = opened.session.access_token
  const items = () => rest<SidebarItem[]>(token, 'sidebar_items?select=key,label,visible&order=position')
  const preview = () =>
    [...opened.root.querySelectorAll('[part="preview"] li .label')].map((label) => label.textContent)
  const dialog = () => opened.root.querySelector<CgDialog>('#cg-confirm')!
  const confirm = () => dialog().shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!
  return { ...opened, ...list, token, items, preview, dialog, confirm }
}

describe('Sidebar Menu tab', () => {
  it('shows the sections and a live preview; settings can be neither hidden nor deleted', async () => {
    const { page, preview, button } = await open()
    expect(preview()).to.deep.equal(labels)
    expect(button('hide', 'Settings')).to.equal(null)
    expect(button('delete', 'Settings')).to.equal(null)
    expect(button('hide', 'Deals')).not.to.equal(null)
    await expect(page).to.be.accessible()
  })

  it('hides a section (the preview follows) and moves one with the keyboard', async () => {
    const { button, preview, items, list, rows } = await open()
    button('hide', 'Deals')!.click()
    await until(() => !preview().includes('Deals'), 'Deals out of the preview')
    expect((await items()).find((i) => i.key === 'deals')?.visible).to.equal(false)
    const up = () =>
      list.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Move Settings up"]')!
    up().focus()
    await sendKeys({ press: 'Enter' })
    await until(() => rows()[6]?.[1]?.startsWith('Settings') ?? false, 'Settings one up')
    expect(preview().at(-2)).to.equal('Settings')
    expect(focused()).to.equal(up())
    expect((await items()).map((i) => i.key).slice(-2)).to.deep.equal(['settings', 'automations'])
  })

  it('adds a section from the contract-derived form, and Reset to defaults brings the defaults back', async () => {
    const { root, field, rows, items, dialog, confirm, preview } = await open()
    root.querySelector<HTMLButtonElement>('button[data-action="create"]')!.click()
    await until(() => !!root.querySelector('form [name="key"]'), 'the form')
    expect(field<Field>('key').label).to.equal('Key')
    await typeInto(field('key'), 'knowledge-base')
    await typeInto(field('label'), 'Knowledge Base')
    root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click()
    await until(() => rows().length === labels.length + 1, 'the new section')
    expect(preview().at(-1)).to.equal('Knowledge Base')

    root.querySelector<HTMLButtonElement>('button[data-action="reset"]')!.click()
    await until(() => dialog().open, 'the reset question')
    confirm().click()
    await until(() => rows().length === labels.length, 'the defaults back')
    expect((await items()).map((i) => i.label)).to.deep.equal(labels)
  })

  it("edits settings' label but offers no visibility for it", async () => {
    const { button, root, field } = await open()
    button('edit', 'Settings')!.click()
    await until(() => !!root.querySelector('form [name="label"]'), 'the form')
    expect(field('visible')).to.equal(null)
    expect(field('key')).to.equal(null)
  })
})
