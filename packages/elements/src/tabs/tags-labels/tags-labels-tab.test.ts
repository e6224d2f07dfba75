import type { Tag } from '@connectgain/contracts/tags'
import { expect, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import { devSession, uniqueSlug, until } from '../../../test/session.ts'
import { choose, listOf, mountTab, openTab, rest, typeInto } from '../../../test/tabs.ts'
import type { CgDialog } from '../../kit/cg-dialog.ts'
import type { CgTagsLabelsTab } from './tags-labels-tab.ts'

type Field = HTMLElement & { value: string; error: string; label: string }

/** The Tags tab for `role`, showing its list (empty unless `seed` tags are created first). */
async function open(role: 'owner' | 'admin', { locale = '', seed = [] as Partial<Tag>[] } = {}) {
  const slug = uniqueSlug('tags')
  const session = await devSession(role, slug)
  for (const tag of seed) await rest(session.access_token, 'tags', { method: 'POST', body: tag })
  const opened = await openTab<CgTagsLabelsTab>('tags-labels', role, {
    locale,
    slug,
    readySelector: 'cg-resource-list',
  })
  const list = listOf(opened.root)
  await until(() => ['ready', 'empty'].includes(list.list.status), 'the list')
  await list.list.updateComplete
  const button = (action: string) =>
    opened.root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)
  const save = () => opened.root.querySelector<HTMLButtonElement>('form button[type="submit"]')
  const error = (name: string) => opened.field<Field>(name).error
  return { ...opened, ...list, create: () => button('create')!, save, error }
}

const tagsOf = (token: string) => rest<Tag[]>(token, 'tags?select=name,color,scope,description&order=name')

describe('Tags & Labels tab', () => {
  it('an admin creates, edits and deletes a tag; the server has each change', async () => {
    const { page, tab, root, field, rows, button, create, save, session } = await open('admin')
    expect(root.querySelector('cg-resource-list')!.shadowRoot!.textContent).to.contain(
      'Add tags to sort conversations',
    )
    await expect(page).to.be.accessible()

    create().click()
    await until(() => !!root.querySelector('form'), 'the editor')
    await until(() => field<Field>('color').value === '#6b7280', "the contract's default color")
    expect(field<Field>('scope').value).to.equal('both')
    await typeInto(field('name'), 'VIP')
    await typeInto(field('color'), '#b42318')
    await choose(field('scope'), 'Contacts')
    await typeInto(field('description'), 'Our best customers')
    expect(tab.hasUnsavedChanges).to.equal(true)
    await expect(page).to.be.accessible()

    setTimeout(() => save()!.click())
    const saved = await oneEvent(tab, 'cg-saved')
    expect(saved.detail).to.deep.include({ tab: 'tags-labels', resource: 'tags' })
    expect(saved.detail.value).to.include({ name: 'VIP', color: '#b42318', scope: 'contacts' })
    await until(() => rows().length === 1, 'the new row')
    expect(rows()[0]!.slice(0, 3)).to.deep.equal(['VIP', 'Contacts', 'Our best customers'])
    expect(tab.hasUnsavedChanges).to.equal(false)
    expect(await tagsOf(session.access_token)).to.deep.equal([
      { name: 'VIP', color: '#b42318', scope: 'contacts', description: 'Our best customers' },
    ])

    button('edit', 'VIP')!.click()
    await until(() => field<Field>('name')?.value === 'VIP', 'the editor with the row')
    expect(root.querySelector('h3')!.textContent).to.equal('Edit tag VIP')
    await typeInto(field('name'), 'Gold')
    save()!.click()
    await until(() => rows()[0]?.[0] === 'Gold', 'the renamed row')
    expect((await tagsOf(session.access_token))[0]).to.include({ name: 'Gold', scope: 'contacts' })

    const dialog = root.querySelector<CgDialog>('cg-dialog')!
    button('delete', 'Gold')!.click()
    await until(() => dialog.open, 'the delete confirmation')
    expect(dialog.heading).to.equal('Delete tag Gold?')
    expect(dialog.shadowRoot!.querySelector('[part="confirm"]')!.className).to.equal('danger')
    await expect(page).to.be.accessible()
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!.click()
    await until(() => rows().length === 0, 'the row gone')
    expect(await tagsOf(session.access_token)).to.deep.equal([])
  })

  it('shows the server\'s "already in use" under the name for a duplicate (any case), and creates nothing', async () => {
    const { root, field, create, save, error, session } = await open('owner', { seed: [{ name: 'VIP' }] })
    create().click()
    await until(() => !!root.querySelector('form'), 'the editor')
    await typeInto(field('name'), 'vip')
    save()!.click()
    await until(() => error('name') !== '', 'the name error')
    expect(error('name')).to.equal('Already in use')
    expect((await tagsOf(session.access_token)).map((t) => t.name)).to.deep.equal(['VIP'])
  })

  it('checks the contract in the browser: a required name and a hex color, nothing sent', async () => {
    const { root, field, create, save, error, session, tab } = await open('admin')
    create().click()
    await until(() => field<Field>('color')?.value === '#6b7280', 'the editor')
    await typeInto(field('color'), '#12')
    save()!.click()
    await until(() => error('name') !== '', 'the errors')
    expect(error('name')).to.equal('Required')
    expect(error('color')).to.equal('Use a hex color such as #2456d3')
    expect(root.activeElement).to.equal(field('name'), 'the first field at fault has focus')
    expect(await tagsOf(session.access_token)).to.deep.equal([])
    await typeInto(field('color'), '#2456d3')
    expect(error('color'), 'the fixed field is checked again as it is typed').to.equal('')
    root.querySelector<HTMLButtonElement>('form button[type="button"]')!.click() // Cancel
    await tab.updateComplete
    expect(root.querySelector('form')).to.equal(null)
    expect(tab.hasUnsavedChanges).to.equal(false)
  })

  // Who sees the tab in the shell, and deep links to it: the shared suite (src/tabs/tab-suite.test.ts).
  it('is read-only (no buttons, a note says why) on its own for an agent, who may read tags', async () => {
    const slug = uniqueSlug('tags')
    const admin = await devSession('admin', slug)
    await rest(admin.access_token, 'tags', { method: 'POST', body: { name: 'VIP', color: '#b42318' } })
    const agent = await devSession('agent', slug)

    // The tab itself, given an agent's session: agents may read tags, not change them.
    const { page, root } = await mountTab<CgTagsLabelsTab>('cg-tags-labels-tab', agent, 'cg-resource-list')
    const { rows } = listOf(root)
    await until(() => rows().length === 1, 'the tag')
    expect(rows()[0]).to.deep.equal(['VIP', 'Conversations and contacts', ''])
    expect(root.querySelector('[data-action="create"]')).to.equal(null)
    expect(root.querySelector('cg-resource-list')!.shadowRoot!.querySelector('button')).to.equal(null)
    expect(root.querySelector('.note')!.textContent).to.contain('Only owners and admins')
    await expect(page).to.be.accessible()
  })

  it('pages through the tags with Previous and Next, and Try again reloads after a failed load', async () => {
    let offline = true
    const fetcher: typeof fetch = (...args) =>
      offline ? Promise.reject(new TypeError('offline')) : fetch(...args)
    const session = await devSession('admin', uniqueSlug('tags'))
    for (let i = 1; i <= 27; i++) {
      await rest(session.access_token, 'tags', {
        method: 'POST',
        body: { name: `Tag ${String(i).padStart(2, '0')}` },
      })
    }
    const { page, root } = await mountTab<CgTagsLabelsTab>(
      'cg-tags-labels-tab',
      session,
      'cg-resource-list',
      fetcher,
    )
    const { list, rows } = listOf(root)
    const text = () => list.shadowRoot!.textContent!.replace(/\s+/g, ' ')
    await until(() => list.status === 'failed', 'the failed load')
    expect(list.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain(
      'Could not load the list.',
    )
    await expect(page).to.be.accessible()
    offline = false
    list.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button')!.click()
    await until(() => rows().length === 25, 'the first page')
    expect(text()).to.contain('1–25 of 27')
    list.shadowRoot!.querySelector<HTMLButtonElement>('[data-page="next"]')!.click()
    await until(() => rows().length === 2, 'the second page')
    expect(rows().map((r) => r[0])).to.deep.equal(['Tag 26', 'Tag 27'])
    expect(text()).to.contain('26–27 of 27')
    list.shadowRoot!.querySelector<HTMLButtonElement>('[data-page="previous"]')!.click()
    await until(() => rows().length === 25, 'the first page again')
  })

  it('speaks Spanish: labels, the confirmation and a field error', async () => {
    const { root, field, create, save, error } = await open('admin', { locale: 'es' })
    await until(() => create().textContent!.trim() === 'Nueva etiqueta', 'Spanish')
    create().click()
    await until(() => field<Field>('color')?.value === '#6b7280', 'the editor')
    expect(field<Field>('name').label).to.equal('Nombre')
    expect(field<Field>('scope').label).to.equal('Se aplica a')
    await sendKeys({ press: 'Tab' })
    save()!.click()
    await until(() => error('name') !== '', 'the name error')
    expect(error('name')).to.equal('Obligatorio')
    expect(save()!.textContent!.trim()).to.equal('Guardar cambios')
    expect(root.querySelector('h3')!.textContent).to.equal('Nueva etiqueta')
  })
})
