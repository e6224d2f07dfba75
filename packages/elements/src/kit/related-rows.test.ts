import type { Tag } from '@connectgain/contracts/tags'
import { expect } from '@open-wc/testing'
import { LitElement } from 'lit'
import { devSession, uniqueSlug } from '../../test/session.ts'
import { mountTab, rest } from '../../test/tabs.ts'
import { RelatedRows } from './related-rows.ts'

/** Stands in for a list tab: the rows it shows. */
class RowsHost extends LitElement {
  rows: { id: string }[] = []
}
customElements.define('cg-rows-host', RowsHost)

type Related = Pick<Tag, 'name' | 'scope'>

/** Tags related to the host's rows by name (the rows' ids), contacts' tags only; every request counted. */
async function setup() {
  const session = await devSession('admin', uniqueSlug('rel'))
  for (const [name, scope] of [
    ['VIP', 'contacts'],
    ['A, "B" (c)', 'contacts'],
    ['Gold', 'conversations'],
    ['Other', 'contacts'],
  ]) {
    await rest(session.access_token, 'tags', { method: 'POST', body: { name, scope } })
  }
  let offline = false
  const urls: string[] = []
  const fetcher: typeof fetch = (input, init) => {
    urls.push(String(input))
    return offline ? Promise.reject(new TypeError('offline')) : fetch(input, init)
  }
  const { tab: host } = await mountTab<RowsHost>('cg-rows-host', session, '', fetcher)
  const related = new RelatedRows<Related>(
    host,
    { name: 'tags', columns: ['name', 'scope'], key: 'name', filters: () => ({ scope: 'eq.contacts' }) },
    () => host.rows,
  )
  const show = async (ids: string[]) => {
    host.rows = ids.map((id) => ({ id }))
    host.requestUpdate()
    await host.updateComplete
    await related.loaded
  }
  return { host, related, show, urls, setOffline: (value: boolean) => (offline = value) }
}

describe('RelatedRows', () => {
  it("loads the related rows of the list's rows in one request, filtered, and hands each row its own", async () => {
    const { related, show, urls } = await setup()
    await show(['VIP', 'A, "B" (c)', 'Gold'])
    expect(related.status).to.equal('ready')
    expect(related.has('Gold')).to.equal(true)
    expect(related.has('Other'), 'not asked for').to.equal(false)
    expect(related.of('VIP')).to.deep.equal([{ name: 'VIP', scope: 'contacts' }])
    expect(related.of('A, "B" (c)'), 'commas, quotes and parentheses are text').to.deep.equal([
      { name: 'A, "B" (c)', scope: 'contacts' },
    ])
    expect(related.of('Gold'), 'filtered out').to.deep.equal([])
    expect(related.of('Other'), 'not a row of the list').to.deep.equal([])
    const params = new URL(urls.at(-1)!).searchParams
    expect(params.get('select')).to.equal('name,scope')
    expect(params.get('scope')).to.equal('eq.contacts')
    expect(params.get('name')).to.equal('in.("VIP","A, \\"B\\" (c)","Gold")')
  })

  it('loads again only when the list shows other rows, and says when a load failed', async () => {
    const { host, related, show, urls, setOffline } = await setup()
    await show(['VIP'])
    const count = urls.length
    host.requestUpdate() // the same rows: nothing to load
    await host.updateComplete
    expect(urls.length).to.equal(count)
    setOffline(true)
    await show(['VIP', 'Other'])
    expect(related.status).to.equal('failed')
    setOffline(false)
    await show(['Other'])
    expect(related.status).to.equal('ready')
    expect(related.of('Other')).to.deep.equal([{ name: 'Other', scope: 'contacts' }])
    expect(related.of('VIP')).to.deep.equal([])
  })
})
