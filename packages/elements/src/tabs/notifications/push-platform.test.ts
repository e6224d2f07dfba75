import { expect } from '@open-wc/testing'
import { browserPushPlatform, deviceLabel, type PushEnvironment, pushSupport } from './push-platform.ts'

const UA = {
  chromeAndroid:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
  safariIPhone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  homeScreenIPhone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  // iPadOS asks for the desktop site by default: it says Macintosh, and only its touch screen gives it away.
  safariIPad:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51',
  chromeIPhone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1',
  samsungAndroid:
    'Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
  chromeOS:
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
}

const env = (userAgent: string, more: Partial<PushEnvironment> = {}): PushEnvironment => ({
  userAgent,
  maxTouchPoints: 0,
  standalone: false,
  push: true,
  ...more,
})

describe('deviceLabel', () => {
  it('names the browser and the system, short', () => {
    expect(deviceLabel(UA.chromeAndroid)).to.equal('Chrome on Android')
    expect(deviceLabel(UA.safariIPhone)).to.equal('Safari on iPhone')
    expect(deviceLabel(UA.homeScreenIPhone), 'a Home Screen app is Safari').to.equal('Safari on iPhone')
    expect(deviceLabel(UA.firefoxWindows)).to.equal('Firefox on Windows')
    expect(deviceLabel(UA.edgeWindows), 'Edge also says Chrome').to.equal('Edge on Windows')
    expect(deviceLabel(UA.samsungAndroid)).to.equal('Samsung Internet on Android')
    expect(deviceLabel(UA.chromeIPhone)).to.equal('Chrome on iPhone')
    expect(deviceLabel(UA.safariMac)).to.equal('Safari on macOS')
    expect(deviceLabel(UA.safariIPad, 5), 'iPadOS saying Macintosh').to.equal('Safari on iPad')
    expect(deviceLabel(UA.firefoxLinux)).to.equal('Firefox on Linux')
    expect(deviceLabel(UA.chromeOS)).to.equal('Chrome on ChromeOS')
  })

  it('says only what it knows', () => {
    expect(deviceLabel('curl/8.5.0')).to.equal('Browser')
    expect(deviceLabel('Mozilla/5.0 (Windows NT 10.0) Something/1.0')).to.equal('Browser on Windows')
  })
})

describe('pushSupport', () => {
  it('supports browsers with service workers, PushManager and Notification', () => {
    expect(pushSupport(env(UA.chromeAndroid))).to.equal('supported')
    expect(pushSupport(env(UA.safariMac))).to.equal('supported')
    expect(pushSupport(env(UA.firefoxWindows, { push: false }))).to.equal('unsupported')
  })

  it('asks iPhone and iPad users to add the app to the Home Screen first, then supports it there', () => {
    expect(pushSupport(env(UA.safariIPhone))).to.equal('ios-needs-install')
    expect(pushSupport(env(UA.chromeIPhone))).to.equal('ios-needs-install')
    expect(pushSupport(env(UA.safariIPad, { maxTouchPoints: 5 }))).to.equal('ios-needs-install')
    expect(pushSupport(env(UA.homeScreenIPhone, { standalone: true }))).to.equal('supported')
    expect(
      pushSupport(env(UA.homeScreenIPhone, { standalone: true, push: false })),
      'installed, but older than iOS 16.4',
    ).to.equal('unsupported')
  })
})

describe('browserPushPlatform', () => {
  const worker = new URL('./push-platform.test-sw.js', import.meta.url).pathname
  // Only this folder's: notifications-tab.test.ts, maybe running in a page beside this one, has a scope of its own.
  const scope = new URL('./', new URL(worker, location.href)).href
  const unregisterAll = async () => {
    for (const registration of await navigator.serviceWorker.getRegistrations())
      if (registration.scope === scope) await registration.unregister()
  }
  afterEach(unregisterAll)

  it('reads this browser: supported here, a permission, and no subscription without a worker', async () => {
    const platform = browserPushPlatform(() => worker)
    expect(platform.support()).to.equal('supported')
    expect(['default', 'granted', 'denied']).to.include(platform.permission())
    expect(await platform.subscription()).to.equal(null)
    await platform.unsubscribe() // nothing to drop: no error
    expect(deviceLabel(navigator.userAgent)).to.match(/^Chrome on /)
    expect(platform.deviceLabel()).to.equal(deviceLabel(navigator.userAgent, navigator.maxTouchPoints))
  })

  it('registers the worker at sw-url and waits for it before subscribing; failures reach the caller', async () => {
    let url = worker.replace('test-sw.js', 'missing-sw.js')
    const platform = browserPushPlatform(() => url)
    const missing = await platform.subscribe('BAAA').then(
      () => null,
      (err: Error) => err,
    )
    expect(missing?.message, 'a worker that is not there').to.match(/404|register/i)

    url = worker
    // A headless browser has no push service to subscribe with: the worker is registered and active by then.
    await platform.subscribe('BAAA').catch(() => {})
    const registration = await navigator.serviceWorker.getRegistration(worker)
    expect(registration?.active?.scriptURL).to.equal(new URL(worker, location.href).href)
    expect(await platform.subscription()).to.equal(null)
  })

  it("counts only the sw-url worker's registration, not another worker's in the same scope", async () => {
    await navigator.serviceWorker.register(worker)
    const other = browserPushPlatform(() => worker.replace('test-sw.js', 'other-sw.js'))
    expect(await other.subscription()).to.equal(null)
  })

  it('remembers per member that notifications were turned off in this browser', () => {
    const platform = browserPushPlatform(() => worker)
    expect(platform.turnedOff('usr_a')).to.equal(false)
    platform.setTurnedOff('usr_a', true)
    expect(platform.turnedOff('usr_a')).to.equal(true)
    expect(platform.turnedOff('usr_b'), 'another member').to.equal(false)
    platform.setTurnedOff('usr_a', false)
    expect(platform.turnedOff('usr_a')).to.equal(false)
  })
})
