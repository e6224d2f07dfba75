import { expect } from '@open-wc/testing'

/**
 * The built worker (dist/cg-sw.js) as a browser registers it: a classic script, installed and activated in a
 * real service worker. `npm test` builds first; a run without a build skips this.
 */
describe('cg-sw.js, built', () => {
  it('registers as a classic service worker and activates', async function () {
    const url = '/dist/cg-sw.js'
    const built = await fetch(url).then((res) => (res.ok ? res.text() : null))
    if (!built) this.skip()
    // A module (an import or export statement) would not parse as a classic script.
    expect(() => new Function(built!)).not.to.throw()

    const registration = await navigator.serviceWorker.register(url, { scope: '/dist/cg-sw-test/' })
    try {
      const worker = registration.installing ?? registration.waiting ?? registration.active
      expect(worker).to.exist
      if (worker!.state !== 'activated') {
        await new Promise<void>((resolve, reject) => {
          worker!.addEventListener('statechange', () => {
            if (worker!.state === 'activated') resolve()
            if (worker!.state === 'redundant') reject(new Error('cg-sw.js became redundant'))
          })
        })
      }
      expect(registration.active?.scriptURL).to.equal(new URL(url, location.href).href)
    } finally {
      await registration.unregister()
    }
  })
})
