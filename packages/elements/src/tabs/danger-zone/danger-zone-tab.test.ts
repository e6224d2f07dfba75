import { expect } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import { devSession, readOrg, uniqueSlug, until } from '../../../test/session.ts'
import { listOf, openTab, rest, typeInto } from '../../../test/tabs.ts'
import type { CgDialog } from '../../kit/cg-dialog.ts'
import type { CgDangerZoneTab } from './danger-zone-tab.ts'

/** The Danger Zone of `role` in a fresh org holding one contact with a conversation and one company. */
async function open(role: 'owner' | 'admin', slug = uniqueSlug('danger')) {
  const owner = await devSession('owner', slug)
  const [contact] = await rest<{ id: string }[]>(owner.access_token, 'contacts', {
    method: 'POST',
    body: { name: 'Ana García' },
  })
  await rest(owner.access_token, 'conversations', { method: 'POST', body: { contact_id: contact!.id } })
  await rest(owner.access_token, 'companies', { method: 'POST', body: { name: 'Globex' } })
  const opened = await openTab<CgDangerZoneTab>('danger-zone', role, { slug, readySelector: 'form' })
  const list = listOf(opened.root)
  await until(() => list.list.status === 'ready', 'the counts')
  const { root } = opened
  const submit = () => root.querySelector<HTMLButtonElement>('form button[type="submit"]')!
  const why = () => root.querySelector('#cg-dz-why')?.textContent?.trim() ?? ''
  const dialog = () => root.querySelector<CgDialog>('#cg-confirm')!
  const count = (name: string) => list.rows().find((cells) => cells[0] === name)?.[1]
  const contacts = async () => (await rest<unknown[]>(owner.access_token, 'contacts?select=id')).length
  return { ...opened, ...list, owner, submit, why, dialog, count, contacts }
}

/** Every request the page sends from now on, by method and path. */
function watchRequests() {
  const real = window.fetch
  const sent: string[] = []
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href)
    sent.push(`${init?.method ?? 'GET'} ${url.pathname}`)
    return real(input, init)
  }
  return { sent, restore: () => (window.fetch = real) }
}

describe('Danger Zone tab', () => {
  it('lists what will be deleted with counts, and keeps the button off until the exact phrase is typed', async () => {
    const { submit, why, count, field, page, tab } = await open('owner')
    expect(count('Contacts')).to.equal('1')
    expect(count('Conversations')).to.equal('1')
    expect(count('Companies')).to.equal('1')
    expect(count('Deals')).to.equal('0')
    expect(submit().getAttribute('aria-disabled')).to.equal('true')
    expect(why()).to.equal('Type DELETE ALL DATA above to turn on the button.')
    expect(submit().getAttribute('aria-describedby')).to.equal('cg-dz-why')

    for (const wrong of ['delete all data', 'DELETE ALL DATA ', 'DELETE  ALL DATA']) {
      await typeInto(field('confirmation'), wrong)
      await tab.updateComplete
      expect(submit().getAttribute('aria-disabled'), wrong).to.equal('true')
      expect(why(), wrong).to.equal('The text does not match: type DELETE ALL DATA exactly, in capitals.')
    }
    await typeInto(field('confirmation'), 'DELETE ALL DATA')
    await tab.updateComplete
    expect(submit().getAttribute('aria-disabled')).to.equal('false')
    expect(why()).to.equal('')
    await expect(page).to.be.accessible()
  })

  it('a press while the button is off sends nothing and moves to the phrase', async () => {
    const { submit, field, contacts, root } = await open('owner')
    await typeInto(field('confirmation'), 'delete all data')
    const watched = watchRequests()
    try {
      submit().focus()
      await sendKeys({ press: 'Enter' })
      await new Promise((r) => setTimeout(r, 200))
      expect(watched.sent.filter((r) => r.startsWith('POST'))).to.deep.equal([])
      expect(root.querySelector('#cg-confirm[open]')).to.equal(null)
      expect(field('confirmation').matches(':focus-within')).to.equal(true)
    } finally {
      watched.restore()
    }
    expect(await contacts()).to.equal(1)
  })

  it('asks once more naming the org; Cancel deletes nothing; confirming deletes in one request and reports it', async () => {
    const { submit, field, dialog, contacts, root, owner, list, tab } = await open('owner')
    const org = await readOrg(owner.access_token)
    const other = await devSession('owner', uniqueSlug('danger-other'))
    await rest(other.access_token, 'contacts', { method: 'POST', body: { name: 'Kept' } })

    await typeInto(field('confirmation'), 'DELETE ALL DATA')
    await tab.updateComplete
    submit().click()
    await until(() => dialog().open, 'the question')
    expect(dialog().heading).to.equal(`Delete all data of ${org.name}?`)
    expect(dialog().textContent).to.contain(`All 3 rows listed are deleted from ${org.name} for good.`)
    dialog().shadowRoot!.querySelector<HTMLButtonElement>('[part="cancel"]')!.click()
    await until(() => !dialog().open, 'the question closed')
    expect(await contacts()).to.equal(1)

    const watched = watchRequests()
    try {
      submit().click()
      await until(() => dialog().open, 'the question again')
      dialog().shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!.click()
      await until(() => !!root.querySelector('.done'), 'the report')
      expect(watched.sent.filter((r) => r.startsWith('POST'))).to.deep.equal([
        'POST /functions/v1/delete-all-data',
      ])
    } finally {
      watched.restore()
    }
    const report = root.querySelector('.done')!.textContent!.replace(/\s+/g, ' ')
    expect(report).to.contain('Deleted 3 rows:')
    expect(report).to.contain('Contacts: 1')
    expect(report).to.contain('Companies: 1')
    expect(report).not.to.contain('Deals')
    await until(() => list.status === 'empty', 'the counts, now none')
    expect(list.shadowRoot!.textContent).to.contain('This organization holds no data to delete.')
    expect(field<HTMLElement & { value: string }>('confirmation').value).to.equal('')
    expect(await contacts()).to.equal(0)
    expect(await rest<unknown[]>(other.access_token, 'contacts?select=id')).to.have.length(1)
  })

  it('shows an admin the counts read-only, with a notice that only an owner can do it', async () => {
    const { submit, why, field, count, root, contacts, page } = await open('admin')
    expect(count('Contacts')).to.equal('1')
    expect(root.querySelector('.note')?.textContent?.trim()).to.equal(
      'Only an owner can delete all data. You are signed in as Admin.',
    )
    expect(field<HTMLElement & { readonly: boolean }>('confirmation').readonly).to.equal(true)
    expect(submit().getAttribute('aria-disabled')).to.equal('true')
    expect(why()).to.equal('Only an owner can delete all data.')
    submit().click()
    await new Promise((r) => setTimeout(r, 200))
    expect(root.querySelector('#cg-confirm[open]')).to.equal(null)
    expect(await contacts()).to.equal(1)
    await expect(page).to.be.accessible()
  })
})
