import type { TabId } from '@connectgain/contracts/tabs'
import { expect, fixture, html } from '@open-wc/testing'
import { apiUrl, devSession, until } from '../../test/session.ts'
import '../index.ts'
import type { CgSettings } from '../cg-settings.ts'
import { controls } from '../form/control-loaders.ts'
import { firstRequests, openingControls } from './first-requests.ts'

const entries = () => performance.getEntriesByType('resource') as PerformanceResourceTiming[]

// One page for the file, and no tab imported before: each tab's module is fetched for the first time here (and
// Organization, the first, fetches the text field and the select for the first time too).
describe('a tab opened first', () => {
  before(() => performance.setResourceTimingBufferSize(10_000)) // the dev server sends each module on its own
  for (const [tab, { name }] of Object.entries(firstRequests) as [TabId, { name: string }][]) {
    it(`${tab}: its data request starts while its chunk loads, and is sent once`, async () => {
      const { access_token } = await devSession('admin')
      performance.clearResourceTimings()
      // Before the tab's module has run (it defines its element), whether its file came from the network or a cache.
      let definedAt = Number.POSITIVE_INFINITY
      void customElements.whenDefined(`cg-${tab}-tab`).then(() => {
        definedAt = performance.now()
      })
      const el = await fixture<CgSettings>(
        html`<cg-settings api-url=${apiUrl()} token=${access_token} tab=${tab}></cg-settings>`,
      )
      const data = () => entries().filter((e) => new URL(e.name).pathname === `/rest/v1/${name}`)
      await until(() => !!el.shadowRoot?.querySelector(`cg-${tab}-tab`) && data().length > 0, 'the tab')
      await new Promise((resolve) => setTimeout(resolve, 300)) // a second request, were one sent, would show by now
      const [first, ...more] = data()
      expect(more.length).to.equal(0)
      expect(first!.startTime < definedAt).to.equal(true)
      for (const kind of openingControls[tab] ?? []) {
        const control = entries().find((e) => e.name.includes(`/form/${controls[kind].tag}.ts`))
        expect(`${kind}: ${!!control && control.startTime < definedAt}`).to.equal(`${kind}: true`)
      }
    })
  }
})
