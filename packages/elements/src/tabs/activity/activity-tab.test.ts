import { expect } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import { devSession, uniqueSlug, until } from '../../../test/session.ts'
import { listOf, openTab, rest } from '../../../test/tabs.ts'
import type { CgActivityTab } from './activity-tab.ts'

/** The Activity tab of a fresh org whose admin renamed a tag and saved their own chat preferences. */
async function open() {
  const slug = uniqueSlug('activity')
  const admin = await devSession('admin', slug)
  const [tag] = await rest<{ id: string }[]>(admin.access_token, 'tags', {
    method: 'POST',
    body: { name: 'Before' },
  })
  await rest(admin.access_token, `tags?id=eq.${tag?.id}`, { method: 'PATCH', body: { name: 'After' } })
  await rest(admin.access_token, 'chat_preferences?on_conflict=user_id', {
    method: 'POST',
    body: { message_density: 'compact' },
  })
  const opened = await openTab<CgActivityTab>('activity', 'owner', {
    slug,
    readySelector: 'cg-resource-list',
  })
  const list = listOf(opened.root)
  await until(() => list.rows().length === 3, 'the three entries', 30_000)
  return { ...opened, ...list, tagId: tag?.id ?? '' }
}

describe('Activity tab', () => {
  it('lists who changed what, newest first, with each field before and after; a member’s own row stays private', async () => {
    const { rows, list, page, tagId } = await open()
    await until(() => rows()[1]?.[1]?.startsWith('admin@') ?? false, 'the actor named by their email')
    const [prefs, renamed, created] = rows()
    expect(renamed?.[2]).to.contain('Changed').and.contain(`tags ${tagId}`)
    expect(created?.[2]).to.contain('Created')
    expect(prefs?.[3]).to.equal('Private to the member whose row it is')
    expect(renamed?.[3]).to.contain('1 fields')
    const details = list.shadowRoot!.querySelectorAll('tbody tr')[1]!.querySelector('details')!
    details.querySelector('summary')!.focus()
    await sendKeys({ press: 'Enter' })
    await until(() => details.open, 'the changes open')
    expect(details.querySelector('dl')!.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      'name Before → After',
    )
    await expect(page).to.be.accessible()
  })

  it('filters by what was done; the filter is a query to the server, and All brings everything back', async () => {
    const { root, rows } = await open()
    const action = root.querySelector<HTMLElement & { value: string }>('[name="action"]')!
    action.dispatchEvent(
      new CustomEvent('cg-field-change', { detail: { name: 'action', value: 'insert' }, bubbles: true }),
    )
    await until(() => rows().length === 2, 'the two creations')
    expect(rows().every((cells) => cells[2]?.includes('Created'))).to.equal(true)
    action.dispatchEvent(
      new CustomEvent('cg-field-change', { detail: { name: 'action', value: '' }, bubbles: true }),
    )
    await until(() => rows().length === 3, 'every entry again')
  })

  it('is for owners and admins: an agent is refused the log itself', async () => {
    const agent = await devSession('agent', uniqueSlug('activity'))
    const res = await fetch(`${(window as { CG_API_URL?: string }).CG_API_URL}/rest/v1/audit_log`, {
      headers: { authorization: `Bearer ${agent.access_token}` },
    })
    expect(res.status).to.equal(403)
  })
})
