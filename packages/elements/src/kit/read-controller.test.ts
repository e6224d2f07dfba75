import type { DataSummary } from '@connectgain/contracts/danger-zone'
import { expect } from '@open-wc/testing'
import { LitElement } from 'lit'
import { devSession, readOrg, uniqueSlug, until } from '../../test/session.ts'
import { mountTab, rest } from '../../test/tabs.ts'
import { ReadController } from './read-controller.ts'

class ReadHost extends LitElement {
  renders = 0
  protected override render() {
    this.renders++
  }
}
customElements.define('cg-read-host', ReadHost)

/** A controller reading `data-summary` on a bare element, as `role` in a fresh org; `fetcher` stands for the network. */
async function reader(role: 'admin' | 'agent', fetcher?: typeof fetch) {
  const session = await devSession(role, uniqueSlug('read'))
  const { tab: host } = await mountTab<ReadHost>('cg-read-host', session, '', fetcher)
  const read = new ReadController<DataSummary>(host, 'data-summary')
  host.requestUpdate()
  await until(() => read.status !== 'loading', 'the first load')
  return { read, host, session }
}

describe('ReadController', () => {
  it("loads the function's answer once the API and the session are there, and again on load()", async () => {
    const { read, host, session } = await reader('admin')
    expect(read.status).to.equal('ready')
    expect(read.value?.organization.name).to.equal((await readOrg(session.access_token)).name)
    expect(read.value?.counts.contacts).to.equal(0)
    await rest(session.access_token, 'contacts', { method: 'POST', body: { name: 'Ana' } })
    const renders = host.renders
    await read.load()
    expect(read.value?.counts.contacts).to.equal(1)
    await host.updateComplete
    expect(host.renders).to.be.greaterThan(renders)
  })

  it('says why a refused read failed, and that trying again cannot help', async () => {
    const { read } = await reader('agent') // agents may not read the summary
    expect(read.status).to.equal('failed')
    expect(read.loadError).to.equal('Your role does not allow this.')
    expect(read.canRetry).to.equal(false)
    expect(read.value).to.equal(null)
  })

  it("offers Try again after a server's failure, and keeps the last answer while reloading", async () => {
    let failing = false
    const fetcher: typeof fetch = (input, init) =>
      failing
        ? Promise.resolve(Response.json({ code: 'XX000', message: 'boom' }, { status: 500 }))
        : fetch(input, init)
    const { read } = await reader('admin', fetcher)
    expect(read.status).to.equal('ready')
    failing = true
    const reload = read.load()
    expect(read.status).to.equal('loading')
    expect(read.value, 'the last answer, while the next loads').not.to.equal(null)
    await reload
    expect(read.status).to.equal('failed')
    expect(read.loadError).to.equal('Something went wrong on the server. Try again later.')
    expect(read.canRetry).to.equal(true)
  })
})
