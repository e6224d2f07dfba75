import { expect, html, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import { hostPage } from '../../test/tabs.ts'
import './cg-resource-list.ts'
import type { CgResourceList, ListColumn } from './cg-resource-list.ts'

const columns: ListColumn[] = [
  { key: 'name', label: 'Name' },
  { key: 'scope', label: 'Applies to', render: (row) => String(row.scope).toUpperCase() },
]
const rows = Array.from({ length: 25 }, (_, i) => ({ id: `tag_${i}`, name: `Tag ${i + 1}`, scope: 'both' }))

async function list(props: Partial<CgResourceList>) {
  const page = await hostPage(
    html`<cg-resource-list label="Tags" empty-text="No tags yet." .columns=${columns}></cg-resource-list>`,
  )
  const el = page.querySelector<CgResourceList>('cg-resource-list')!
  Object.assign(el, props)
  await el.updateComplete
  const root = el.shadowRoot!
  return { page, el, root, text: () => root.textContent!.replace(/\s+/g, ' ').trim() }
}

describe('cg-resource-list', () => {
  it('says it is loading, then shows the rows in a named table with the range and pager', async () => {
    const { page, el, root, text } = await list({ status: 'loading' })
    expect(root.querySelector('[role="status"]')!.textContent).to.equal('Loading…')
    Object.assign(el, { status: 'ready', rows, total: 57, offset: 0, limit: 25 })
    await el.updateComplete
    expect(root.querySelector('table')!.getAttribute('aria-label')).to.equal('Tags')
    expect([...root.querySelectorAll('th')].map((th) => th.textContent)).to.deep.equal(['Name', 'Applies to'])
    expect(root.querySelectorAll('tbody tr')).to.have.length(25)
    expect(root.querySelector('tbody td:nth-child(2)')!.textContent).to.equal('BOTH')
    expect(text()).to.contain('1–25 of 57')
    const previous = root.querySelector<HTMLButtonElement>('[data-page="previous"]')!
    const next = root.querySelector<HTMLButtonElement>('[data-page="next"]')!
    expect(previous.disabled).to.equal(true)
    await expect(page).to.be.accessible()
    setTimeout(() => next.click())
    expect((await oneEvent(el, 'cg-page')).detail).to.deep.equal({ offset: 25 })
  })

  it('pages: the last page says "51–57 of 57", Next is disabled, Previous asks for the page before', async () => {
    const { el, root, text } = await list({ status: 'ready', rows: rows.slice(0, 7), total: 57, offset: 50 })
    expect(text()).to.contain('51–57 of 57')
    expect(root.querySelector<HTMLButtonElement>('[data-page="next"]')!.disabled).to.equal(true)
    setTimeout(() => root.querySelector<HTMLButtonElement>('[data-page="previous"]')!.click())
    expect((await oneEvent(el, 'cg-page')).detail).to.deep.equal({ offset: 25 })
  })

  it('has no pager on a single page, and keeps the old rows (busy) while the next page loads', async () => {
    const { el, root, text } = await list({ status: 'ready', rows: rows.slice(0, 3), total: 3 })
    expect(text()).to.contain('1–3 of 3')
    expect(root.querySelector('[data-page]')).to.equal(null)
    el.status = 'loading'
    await el.updateComplete
    expect(root.querySelectorAll('tbody tr')).to.have.length(3)
    expect(root.querySelector('table')!.getAttribute('aria-busy')).to.equal('true')
  })

  it('cuts a long value to one line with an ellipsis; its title, and the cell once focused, show it whole', async () => {
    const long = 'm'.repeat(300) // the longest word a name could hold, and more
    const { page, el, root } = await list({
      status: 'ready',
      rows: [
        { id: 'tag_1', name: long, scope: long },
        { id: 'tag_2', name: 'Short', scope: 'both' },
      ],
      total: 2,
    })
    const [cut, short] = [...root.querySelectorAll<HTMLElement>('tbody td:first-child')]
    const { documentElement: doc } = document
    expect(doc.scrollWidth, 'the page does not widen').to.equal(doc.clientWidth)
    expect(
      cut!.getBoundingClientRect().right <= el.getBoundingClientRect().right,
      'inside the list',
    ).to.equal(true)
    expect(getComputedStyle(cut!).textOverflow).to.equal('ellipsis')
    expect(cut!.title).to.equal(long)
    expect(cut!.tabIndex, 'it takes the focus').to.equal(0)
    expect(!!short!.title || short!.hasAttribute('tabindex'), 'a value shown whole: left alone').to.equal(
      false,
    )
    const oneLine = cut!.getBoundingClientRect().height
    cut!.focus()
    expect(root.activeElement === cut, 'it has the focus').to.equal(true)
    // :focus matches only in the window that has the focus (test files running side by side share one browser).
    if (document.hasFocus())
      expect(cut!.getBoundingClientRect().height > oneLine * 2, 'focused, it wraps to show it all').to.equal(
        true,
      )
    expect(cut!.tabIndex, 'and keeps the focus').to.equal(0)
    await expect(page).to.be.accessible()
  })

  it('shows the empty text, or what the search did not match', async () => {
    const { page, el, text } = await list({ status: 'empty', total: 0 })
    expect(text()).to.equal('No tags yet.')
    await expect(page).to.be.accessible()
    el.query = 'vip'
    await el.updateComplete
    expect(text()).to.equal('Nothing matches “vip”.')
  })

  it('shows a failed load as an alert whose Try again fires cg-retry', async () => {
    const { page, el, root } = await list({ status: 'failed', error: 'No connection.', retry: true })
    const alert = root.querySelector('[role="alert"]')!
    expect(alert.textContent).to.contain('Could not load the list.')
    expect(alert.textContent).to.contain('No connection.')
    await expect(page).to.be.accessible()
    setTimeout(() => alert.querySelector('button')!.click())
    await oneEvent(el, 'cg-retry')
  })

  it('offers no Try again when asking again cannot help', async () => {
    const { root } = await list({ status: 'failed', error: 'Your session has expired.' })
    expect(root.querySelector('[role="alert"]')!.textContent).to.contain('Your session has expired.')
    expect(root.querySelector('[role="alert"] button')).to.equal(null)
  })

  it('with search-label, fires one cg-search when the typing pauses, and at once on Enter', async () => {
    const { page, el, root } = await list({
      status: 'ready',
      rows,
      total: 25,
      searchLabel: 'Search tags',
      searchDelay: 50,
    })
    const input = root.querySelector<HTMLInputElement>('input[type="search"]')!
    expect(root.querySelector('label')!.textContent).to.equal('Search tags')
    await expect(page).to.be.accessible()
    const events: string[] = []
    el.addEventListener('cg-search', (e) => events.push(e.detail.query))
    input.focus()
    // Three keystrokes in one task: typed through CDP under load, the gaps between keys could outlast the delay.
    for (const text of ['v', 'vi', 'vip']) {
      input.value = text
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }))
    }
    expect(events).to.deep.equal([])
    await new Promise((r) => setTimeout(r, 150))
    expect(events).to.deep.equal(['vip'])
    el.searchDelay = 10_000
    await sendKeys({ type: 's' })
    await sendKeys({ press: 'Enter' })
    await new Promise((r) => setTimeout(r, 0))
    expect(events).to.deep.equal(['vip', 'vips'])
  })
})
