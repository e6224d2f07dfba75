import type { QuickReply } from '@connectgain/contracts/quick-replies'
import { expect, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import { devSession, uniqueSlug, until } from '../../../test/session.ts'
import { listOf, mountTab, openTab, rest, typeInto } from '../../../test/tabs.ts'
import type { CgQuickRepliesTab } from './quick-replies-tab.ts'

type Field = HTMLElement & { value: string; error: string; label: string }

const seeded = [
  { shortcut: 'thanks', content: 'Thanks for reaching out! We will get back to you shortly.' },
  { shortcut: 'hours', content: 'We are open Monday to Friday, 9:00 to 17:00.' },
  { shortcut: 'refund', content: 'Refunds take 5 to 7 business days.' },
]

/** The Quick Replies tab for an admin, with `seed` replies created first. */
async function open({ locale = '', seed = [] as Partial<QuickReply>[] } = {}) {
  const slug = uniqueSlug('qr')
  const session = await devSession('admin', slug)
  for (const reply of seed) await rest(session.access_token, 'quick_replies', { method: 'POST', body: reply })
  const opened = await openTab<CgQuickRepliesTab>('quick-replies', 'admin', {
    locale,
    slug,
    readySelector: 'cg-resource-list',
  })
  const list = listOf(opened.root)
  await until(() => ['ready', 'empty'].includes(list.list.status), 'the list')
  await list.list.updateComplete
  const create = () => opened.root.querySelector<HTMLButtonElement>('button[data-action="create"]')!
  const save = () => opened.root.querySelector<HTMLButtonElement>('form button[type="submit"]')!
  const error = (name: string) => opened.field<Field>(name).error
  return { ...opened, ...list, create, save, error }
}

describe('Quick Replies tab', () => {
  it('an admin creates a reply; the list shows /shortcut and a preview; the server has it', async () => {
    const { page, tab, root, field, rows, create, save, session } = await open()
    create().click()
    await until(() => !!root.querySelector('form [name="shortcut"]'), 'the editor')
    await typeInto(field('shortcut'), 'welcome')
    await typeInto(field('content'), 'Hi! How can we help you today?')
    await expect(page).to.be.accessible()
    setTimeout(() => save().click())
    const saved = await oneEvent(tab, 'cg-saved')
    expect(saved.detail).to.deep.include({ tab: 'quick-replies', resource: 'quick_replies' })
    await until(() => rows().length === 1, 'the row')
    expect(rows()[0]!.slice(0, 2)).to.deep.equal(['/welcome', 'Hi! How can we help you today?'])
    const stored = await rest<QuickReply[]>(session.access_token, 'quick_replies?select=shortcut,content')
    expect(stored).to.deep.equal([{ shortcut: 'welcome', content: 'Hi! How can we help you today?' }])
    await expect(page).to.be.accessible()
  })

  it('searches shortcut and content on the server as the member types', async () => {
    const { list, rows } = await open({ seed: seeded })
    expect(rows().map((r) => r[0])).to.deep.equal(['/hours', '/refund', '/thanks'])
    const search = list.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!
    search.focus()
    await sendKeys({ type: 'days' }) // only in the refund reply's content
    await until(() => rows().length === 1, 'the filtered list')
    expect(rows()[0]![0]).to.equal('/refund')
    await sendKeys({ press: 'Backspace' })
    await sendKeys({ type: 'zzz' })
    await until(() => list.shadowRoot!.textContent!.includes('Nothing matches “dayzzz”'), 'no matches')
    search.select()
    await sendKeys({ press: 'Backspace' })
    await until(() => rows().length === 3, 'every reply again')
  })

  it('shows "already in use" for a taken shortcut and the format rule for a bad one; nothing is created', async () => {
    const { root, field, create, save, error, session } = await open({ seed: seeded.slice(0, 1) })
    create().click()
    await until(() => !!root.querySelector('form [name="shortcut"]'), 'the editor')
    await typeInto(field('shortcut'), 'Not Valid!')
    await typeInto(field('content'), 'Hello')
    save().click()
    await until(() => error('shortcut') !== '', 'the format error')
    expect(error('shortcut')).to.equal('Use lowercase letters and digits, with - or _ inside, e.g. "thanks"')
    await typeInto(field('shortcut'), 'thanks')
    save().click()
    await until(() => error('shortcut') === 'Already in use', 'the server error')
    expect(
      root.querySelector('cg-toast-region')!.shadowRoot!.textContent!.replace(/\s+/g, ' '),
      'the toast names the field at fault',
    ).to.contain('Check 1 field: Shortcut.')
    const stored = await rest<QuickReply[]>(session.access_token, 'quick_replies?select=shortcut')
    expect(stored).to.deep.equal([{ shortcut: 'thanks' }])
  })

  // Who sees the tab in the shell, and deep links to it: the shared suite (src/tabs/tab-suite.test.ts).
  it('is read-only on its own for an agent, who may read quick replies', async () => {
    const slug = uniqueSlug('qr')
    const admin = await devSession('admin', slug)
    await rest(admin.access_token, 'quick_replies', { method: 'POST', body: seeded[0] })
    const agent = await devSession('agent', slug)

    const { page, root } = await mountTab<CgQuickRepliesTab>(
      'cg-quick-replies-tab',
      agent,
      'cg-resource-list',
    )
    const { rows, list } = listOf(root)
    await until(() => rows().length === 1, 'the reply')
    expect(root.querySelector('[data-action="create"]')).to.equal(null)
    expect(list.shadowRoot!.querySelector('tbody button')).to.equal(null)
    expect(root.querySelector('.note')!.textContent).to.contain('Only owners and admins')
    await expect(page).to.be.accessible()
  })

  it('speaks Spanish: labels and a field error', async () => {
    const { root, field, create, save, error, list } = await open({ locale: 'es' })
    await until(() => create().textContent!.trim() === 'Nueva respuesta rápida', 'Spanish')
    expect(list.shadowRoot!.querySelector('label')!.textContent).to.equal('Buscar respuestas rápidas')
    create().click()
    await until(() => !!root.querySelector('form [name="shortcut"]'), 'the editor')
    expect(field<Field>('shortcut').label).to.equal('Atajo')
    await typeInto(field('shortcut'), 'hola')
    save().click()
    await until(() => error('content') !== '', 'the content error')
    expect(error('content')).to.equal('Obligatorio')
  })
})
