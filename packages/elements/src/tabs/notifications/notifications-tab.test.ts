import type { NotificationPreferences } from '@connectgain/contracts/notification-preferences'
import type { PushSubscriptionRow } from '@connectgain/contracts/push'
import { expect, fixtureCleanup, html, oneEvent } from '@open-wc/testing'
import { accepting, FakePlatform, gone, refusing, subscriptionAt } from '../../../test/push-platform.ts'
import { apiUrl, type DevSession, devSession, uniqueSlug, until } from '../../../test/session.ts'
import { hostPage, listOf, openTab, rest } from '../../../test/tabs.ts'
import { ApiClient } from '../../api/client.ts'
import { useLocale } from '../../i18n/localization.ts'
import type { CgDialog } from '../../kit/cg-dialog.ts'
import { readSession } from '../../session.ts'
import './notifications-tab.ts'
import type { CgNotificationsTab } from './notifications-tab.ts'
import { browserPushPlatform, type PushPlatform } from './push-platform.ts'

type Device = Pick<PushSubscriptionRow, 'endpoint' | 'device_label'>
const devicesOf = (session: DevSession) =>
  rest<Device[]>(session.access_token, 'push_subscriptions?select=endpoint,device_label&order=created_at')

/** Subscribes a device of `session`'s member over REST, as that device's browser would. */
async function seedDevice(session: DevSession, endpoint: string, device_label: string) {
  await rest(session.access_token, 'push_subscriptions', {
    method: 'POST',
    body: { ...(await subscriptionAt(endpoint)), device_label },
  })
}

type Toggle = HTMLElement & { value: boolean; label: string; help: string }

/** The tab for a fresh member (an agent unless said) with `platform` as their browser, once it has looked. */
async function open(
  platform: PushPlatform,
  {
    role = 'agent' as DevSession['role'],
    slug = uniqueSlug('notif'),
    prefs = undefined as Partial<NotificationPreferences> | undefined,
    seed = async (_session: DevSession) => {},
  } = {},
) {
  const session = await devSession(role, slug)
  if (prefs)
    await rest(session.access_token, 'notification_preferences?on_conflict=user_id', {
      method: 'POST',
      body: prefs,
    })
  await seed(session)
  const api = new ApiClient({ baseUrl: apiUrl(), token: session.access_token })
  const tab = document.createElement('cg-notifications-tab')
  tab.platform = platform
  // The shell's tab heading is an h2: the tab's sections are h3s under it.
  const page = await hostPage(
    html`<h2>Notifications</h2>
      <cg-test-context .api=${api} .session=${readSession(session.access_token)}>${tab}</cg-test-context>`,
  )
  const root = tab.shadowRoot as ShadowRoot
  const list = listOf(root)
  await until(
    () =>
      !!root.querySelector('form') &&
      list.list?.status !== 'loading' &&
      !root.textContent?.includes('Checking…') &&
      root.querySelector('[data-action="test"]')?.getAttribute('aria-disabled') === 'false',
    'the tab',
  )
  /** A button of this device's section (Enable, Disable, Send test). */
  const control = (action: string) => root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)
  const status = () => root.querySelector('p[role="status"]') as HTMLElement
  const said = () => status().textContent?.trim() ?? ''
  /** This device's state as the member reads it: "Permission: Allowed", "Notifications here: Off"… */
  const described = () =>
    [...root.querySelectorAll('dt')].map((dt) =>
      `${dt.textContent}: ${dt.nextElementSibling?.textContent}`.replace(/\s+/g, ' ').trim(),
    )
  const field = (name: string) => root.querySelector(`[name="${name}"]`) as Toggle
  const confirm = root.querySelector('#cg-confirm') as CgDialog
  const part = (name: string) => confirm.shadowRoot?.querySelector<HTMLButtonElement>(`[part="${name}"]`)
  const toasts = () => root.querySelector('cg-toast-region')?.shadowRoot?.textContent ?? ''
  /** Enable, Disable or Send test, then waits until it is done. */
  const press = async (action: string) => {
    control(action)?.click()
    await tab.updateComplete
    await until(() => control('test')?.getAttribute('aria-disabled') === 'false', `${action} done`)
  }
  return {
    page,
    tab,
    root,
    session,
    slug,
    control,
    said,
    status,
    described,
    field,
    confirm,
    part,
    toasts,
    press,
    ...list,
  }
}

describe('Notifications tab: this device', () => {
  afterEach(() => useLocale('en'))

  it('asks for permission only when Enable is clicked, then subscribes this browser on the server', async () => {
    const platform = new FakePlatform()
    const { page, tab, root, session, control, said, described, press, rows } = await open(platform)
    expect(platform.asked, 'never on load').to.equal(0)
    expect(described()).to.deep.equal([
      'Permission: Not asked yet',
      'Service worker: Not registered',
      'Notifications here: Off',
    ])
    expect(await devicesOf(session)).to.deep.equal([])
    await expect(page).to.be.accessible()

    const enable = control('enable')!
    expect(enable.textContent?.trim()).to.equal('Enable notifications')
    enable.focus()
    const saved = oneEvent(tab, 'cg-saved')
    await press('enable')
    expect(platform.asked).to.equal(1)
    const { vapid_public_key } = await (
      await fetch(`${apiUrl()}/functions/v1/push-config`, {
        headers: { authorization: `Bearer ${session.access_token}` },
      })
    ).json()
    expect(platform.key, "subscribed with the server's VAPID key").to.equal(vapid_public_key)
    expect(await devicesOf(session)).to.deep.equal([
      { endpoint: platform.current!.endpoint, device_label: 'Chrome on Linux' },
    ])
    expect((await saved).detail).to.deep.include({ tab: 'notifications', resource: 'push_subscriptions' })
    expect(described()).to.deep.equal([
      'Permission: Allowed',
      'Service worker: Registered',
      'Notifications here: On',
    ])
    expect(said()).to.equal('Notifications are on for this device.')
    expect(rows()).to.have.length(1)
    expect(rows()[0]![0]).to.include('Chrome on Linux').and.include('This device')
    const disable = control('disable')!
    expect(disable.textContent?.trim()).to.equal('Disable on this device')
    expect(root.activeElement, 'the same button, still focused').to.equal(disable)
    await expect(page).to.be.accessible()
  })

  it('says when the member closed the question without choosing, without calling it an error', async () => {
    const platform = new FakePlatform({ answer: 'default' })
    const { session, control, said, status, press } = await open(platform)
    await press('enable')
    expect(platform.asked).to.equal(1)
    expect(platform.subscribed).to.equal(0)
    expect(said()).to.equal(
      'You closed the question without choosing. Select Enable notifications to be asked again.',
    )
    expect(status().className).to.equal('muted')
    expect(control('enable')).not.to.equal(null)
    expect(await devicesOf(session)).to.deep.equal([])
  })

  it('explains how to unblock notifications when they are blocked, and subscribes nothing', async () => {
    const platform = new FakePlatform({ answer: 'denied' })
    const { page, root, session, control, described, press } = await open(platform)
    await press('enable')
    const guidance = root.querySelector('#cg-blocked')!
    expect(guidance.textContent).to.include('lock or tune icon in the address bar')
    expect(guidance.textContent).to.include('set Notifications to Allow, then reload this page')
    expect(root.activeElement, 'the focus moves to it from the button that went').to.equal(guidance)
    expect(control('enable')).to.equal(null)
    expect(described()[0]).to.equal('Permission: Blocked')
    expect(platform.subscribed).to.equal(0)
    expect(await devicesOf(session)).to.deep.equal([])
    await expect(page).to.be.accessible()
  })

  it('says what to do on an iPhone outside the Home Screen, and in a browser without Web Push', async () => {
    const ios = new FakePlatform({ support: 'ios-needs-install', permission: 'granted' })
    const { page, root, control } = await open(ios)
    const note = root.querySelector('.note')!.textContent!.replace(/\s+/g, ' ')
    expect(note).to.include('iOS and iPadOS 16.4 or later')
    expect(note).to.include('tap Share').and.include('Add to Home Screen').and.include('new icon')
    expect(control('enable')).to.equal(null)
    expect(control('test'), 'other devices can still be tested').not.to.equal(null)
    expect(ios.asked + ios.subscribed, 'nothing asked, nothing subscribed').to.equal(0)
    await expect(page).to.be.accessible()

    const old = new FakePlatform({ support: 'unsupported' })
    const other = await open(old)
    expect(other.root.querySelector('.note')!.textContent).to.include(
      'This browser cannot show notifications here: private windows and older browsers lack Web Push',
    )
    expect(other.control('enable')).to.equal(null)
    expect(old.asked + old.subscribed).to.equal(0)
  })

  it('subscribes on load when notifications are allowed and auto-subscribe is on, without asking', async () => {
    const platform = new FakePlatform({ permission: 'granted' })
    const { session, described } = await open(platform) // auto_subscribe is on by default
    await until(() => described().includes('Notifications here: On'), 'subscribed')
    expect(platform.asked).to.equal(0)
    expect(platform.subscribed).to.equal(1)
    expect(await devicesOf(session)).to.deep.equal([
      { endpoint: platform.current!.endpoint, device_label: 'Chrome on Linux' },
    ])
  })

  it('does not subscribe on load when auto-subscribe is off, nor after the member turned it off here', async () => {
    const off = new FakePlatform({ permission: 'granted' })
    const first = await open(off, { prefs: { auto_subscribe: false } })
    await new Promise((r) => setTimeout(r, 300))
    expect(first.described()).to.deep.equal([
      'Permission: Allowed',
      'Service worker: Not registered',
      'Notifications here: Off',
    ])
    expect(off.subscribed + off.asked).to.equal(0)
    expect(await devicesOf(first.session)).to.deep.equal([])

    const disabled = new FakePlatform({ permission: 'granted' })
    const slug = uniqueSlug('notif')
    const member = readSession((await devSession('agent', slug)).access_token)!.userId
    disabled.off.add(member)
    const second = await open(disabled, { slug })
    await new Promise((r) => setTimeout(r, 300))
    expect(disabled.subscribed).to.equal(0)
    expect(second.control('enable')).not.to.equal(null)
  })

  it('Disable unsubscribes this browser and deletes its row, and signing in again leaves it off', async () => {
    const platform = new FakePlatform({ permission: 'granted' })
    const { session, slug, control, described, said, press } = await open(platform)
    await until(() => described().includes('Notifications here: On'), 'subscribed')
    await seedDevice(session, gone(), 'Safari on iPhone')
    await press('disable')
    expect(said()).to.equal('Notifications are off for this device.')
    expect(platform.current).to.equal(null)
    const left = await devicesOf(session)
    expect(
      left.map((device) => device.device_label),
      'only this one',
    ).to.deep.equal(['Safari on iPhone'])
    expect(described()).to.include('Notifications here: Off')
    expect(control('enable')).not.to.equal(null)

    const again = await open(platform, { slug })
    await new Promise((r) => setTimeout(r, 300))
    expect(platform.subscribed, 'auto-subscribe respects Disable').to.equal(1)
    expect(again.control('enable')).not.to.equal(null)
  })
})

/** Every phrase that says something of this device's state: a case shows its own and none of the others. */
const statePhrases = [
  'Not asked yet',
  'Allowed',
  'Blocked',
  'Not registered',
  'Registered',
  'Notifications here: On',
  'Notifications here: Off',
  'Enable notifications',
  'Disable on this device',
  'Notifications are blocked for this site',
  'This browser cannot show notifications here',
  'This window refuses push notifications',
]
/** The browser's own words for a refused subscription, which the tab must never show. */
const raw = 'Registration failed'

describe('Notifications tab: one state per case', () => {
  it('shows one status for each case, and nothing that contradicts it', async () => {
    const subscribedHere = new FakePlatform({ permission: 'granted' })
    subscribedHere.current = await subscriptionAt(gone())
    const cases: {
      name: string
      platform: FakePlatform
      prefs?: Partial<NotificationPreferences>
      seed?: (session: DevSession) => Promise<void>
      shows: string[]
    }[] = [
      {
        name: 'no Web Push',
        platform: new FakePlatform({ support: 'unsupported', permission: 'granted' }),
        shows: ['This browser cannot show notifications here'],
      },
      {
        name: 'permission denied',
        platform: new FakePlatform({ permission: 'denied' }),
        shows: [
          'Blocked',
          'Not registered',
          'Notifications here: Off',
          'Notifications are blocked for this site',
        ],
      },
      {
        name: 'not asked yet',
        platform: new FakePlatform(),
        shows: ['Not asked yet', 'Not registered', 'Notifications here: Off', 'Enable notifications'],
      },
      {
        name: 'allowed, not subscribed here',
        platform: new FakePlatform({ permission: 'granted' }),
        prefs: { auto_subscribe: false },
        shows: ['Allowed', 'Not registered', 'Notifications here: Off', 'Enable notifications'],
      },
      {
        name: 'subscribed here',
        platform: subscribedHere,
        seed: (session) =>
          rest(session.access_token, 'push_subscriptions', { method: 'POST', body: subscribedHere.current }),
        shows: ['Allowed', 'Registered', 'Notifications here: On', 'Disable on this device'],
      },
      {
        // The private window: "Permission: Allowed" beside "Registration failed - permission denied".
        name: 'allowed, but push refused in this window',
        platform: new FakePlatform({
          permission: 'granted',
          fails: new DOMException(`${raw} - permission denied`, 'NotAllowedError'),
        }),
        shows: ['This window refuses push notifications'],
      },
    ]
    for (const { name, platform, prefs, seed, shows } of cases) {
      const { page, root, described } = await open(platform, {
        ...(prefs && { prefs }),
        ...(seed && { seed }),
      })
      const device = root.querySelector('section[aria-labelledby="cg-device-heading"]')!
      const text = () => device.textContent!.replace(/\s+/g, ' ')
      // The list read as "Permission: Allowed", then the rest of the section.
      const read = () => [...described(), text()].join(' | ')
      const showing = () =>
        statePhrases.filter((phrase) =>
          // "Not registered" is not "Registered"
          phrase === 'Registered' ? / Registered/.test(read()) : read().includes(phrase),
        )
      await until(() => JSON.stringify(showing()) === JSON.stringify(shows), name, 3000).catch(() => {})
      expect(showing(), name).to.deep.equal(shows)
      expect(text(), `${name}: never the browser's own words`).not.to.include(raw)
      expect(device.querySelectorAll('[role="status"]').length, `${name}: one status area`).to.equal(1)
      expect(device.querySelectorAll('dl, .note').length, `${name}: one account of the state`).to.be.at.most(
        shows.includes('Blocked') ? 2 : 1,
      )
      await expect(page).to.be.accessible()
      fixtureCleanup() // the next case's page alone
    }
  })

  it("turns the browser's refusals into a state or plain words, and gives the buttons back", async () => {
    const refused = new FakePlatform({
      fails: new DOMException(`${raw} - permission denied`, 'NotAllowedError'),
    })
    const privateWindow = await open(refused)
    await privateWindow.press('enable')
    const note = privateWindow.root.querySelector('.note')!
    expect(note.textContent).to.include('This window refuses push notifications')
    expect(note.textContent).to.include('Open this page in a regular window')
    expect(
      privateWindow.root.activeElement === note,
      'the focus moves to it from the button that went',
    ).to.equal(true)
    expect(privateWindow.described(), 'no "Permission: Allowed" beside it').to.deep.equal([])
    expect(privateWindow.control('enable')).to.equal(null)
    expect(privateWindow.said()).to.equal('')
    expect(await devicesOf(privateWindow.session)).to.deep.equal([])

    const failures: [DOMException, string][] = [
      [
        new DOMException(`${raw} - push service error`, 'AbortError'),
        "This browser's push service refused the subscription. Try again, or try another browser.",
      ],
      [
        new DOMException('Subscription failed - no active Service Worker', 'InvalidStateError'),
        'This browser could not do that. Reload the page and try again; if it keeps failing, tell your administrator.',
      ],
    ]
    for (const [error, words] of failures) {
      const { control, said, status, described, press } = await open(new FakePlatform({ fails: error }))
      await press('enable')
      expect(said(), error.name).to.equal(words)
      expect(status().className).to.equal('failed')
      await until(() => described().includes('Service worker: Registered'), 'registered, not subscribed')
      expect(described()).to.deep.equal([
        'Permission: Allowed',
        'Service worker: Registered',
        'Notifications here: Off',
      ])
      expect(control('enable')?.getAttribute('aria-disabled'), 'Enable is back').to.equal('false')
    }
  })
})

describe('Notifications tab: the Notifications deadline, with a push service that never answers', () => {
  // A worker of its own scope; the rest is this browser's own Web Push path, but for its push service, a third
  // party we cannot reach: its subscribe() never answers.
  const worker = new URL('./tab-test-sw/sw.js', import.meta.url).pathname
  const { subscribe, getSubscription } = PushManager.prototype
  const ask = Notification.requestPermission
  let subscribing = 0
  beforeEach(() => {
    subscribing = 0
    PushManager.prototype.subscribe = () => {
      subscribing++
      return new Promise<PushSubscription>(() => {})
    }
    Notification.requestPermission = async () => 'granted' // the member allows
  })
  afterEach(async () => {
    PushManager.prototype.subscribe = subscribe
    PushManager.prototype.getSubscription = getSubscription
    Notification.requestPermission = ask
    await (await navigator.serviceWorker.getRegistration(worker))?.unregister()
  })

  it('says why once the deadline passes, in plain words, and gives the buttons back', async () => {
    const platform = browserPushPlatform(() => worker, 500)
    const { control, said, status, described, session } = await open(platform, {
      prefs: { auto_subscribe: false },
    })
    control('enable')!.click()
    await until(() => subscribing === 1, 'subscribing')
    expect(control('enable')!.getAttribute('aria-disabled'), 'greyed out while it waits').to.equal('true')
    expect(control('test')!.getAttribute('aria-disabled')).to.equal('true')
    await until(() => control('test')!.getAttribute('aria-disabled') === 'false', 'the buttons back')
    expect(said()).to.equal(
      'This browser could not reach its push service in 0.5 seconds. Check your connection or try another browser.',
    )
    expect(status().className).to.equal('failed')
    expect(control('enable')!.getAttribute('aria-disabled')).to.equal('false')
    await until(() => described().includes('Service worker: Registered'), 'the worker registered')
    expect(described()).to.deep.equal([
      'Permission: Allowed',
      'Service worker: Registered',
      'Notifications here: Off',
    ])
    expect(await devicesOf(session)).to.deep.equal([])
  })

  it('does not stay on "Checking…" when the browser never says whether it is subscribed', async () => {
    const registration = await navigator.serviceWorker.register(worker) // from before: the tab asks for its subscription
    await until(() => !!registration.active, 'the worker active')
    PushManager.prototype.getSubscription = () => new Promise<PushSubscription | null>(() => {})
    const { control, said, described } = await open(
      browserPushPlatform(() => worker, 500),
      {
        prefs: { auto_subscribe: false },
      },
    )
    expect(said()).to.equal(
      'This browser could not reach its push service in 0.5 seconds. Check your connection or try another browser.',
    )
    expect(described()).to.include('Notifications here: Off')
    expect(control('enable')!.getAttribute('aria-disabled')).to.equal('false')
  })
})

describe('Notifications tab: my devices', () => {
  it("lists the member's devices only, marks this one, and removes one after asking", async () => {
    const slug = uniqueSlug('notif')
    const colleague = await devSession('project_manager', slug)
    await seedDevice(colleague, gone(), 'Colleague phone')
    const platform = new FakePlatform({ permission: 'granted', endpoint: gone() })
    const { page, root, session, rows, button, confirm, part, toasts, described } = await open(platform, {
      slug,
      seed: (me) => seedDevice(me, gone(), 'Firefox on Android'),
    })
    await until(() => rows().length === 2, 'this device subscribed too')
    const names = rows().map((cells) => cells[0]!.replace(/\s+/g, ' '))
    expect(names).to.deep.equal(['Chrome on Linux This device', 'Firefox on Android'])
    expect(rows().every((cells) => cells[1] !== '')).to.equal(true)
    expect(JSON.stringify(rows()), "a colleague's device is not mine").not.to.include('Colleague')
    await expect(page).to.be.accessible()

    const remove = button('remove', 'Firefox on Android')!
    expect(remove.getAttribute('aria-label')).to.equal('Remove Firefox on Android')
    remove.click()
    await until(() => confirm.open, 'the question')
    expect(confirm.heading).to.equal('Remove Firefox on Android?')
    expect(await devicesOf(session), 'nothing removed yet').to.have.length(2)
    part('cancel')!.click()
    await until(() => !confirm.open, 'cancelled')
    expect(await devicesOf(session)).to.have.length(2)

    button('remove', 'Firefox on Android')!.click()
    await until(() => confirm.open, 'the question again')
    part('confirm')!.click()
    await until(() => rows().length === 1, 'the row gone')
    await until(() => toasts().includes('Firefox on Android removed.'), 'the toast')
    expect(root.activeElement?.id).to.equal('cg-devices-heading')
    expect((await devicesOf(session)).map((d) => d.device_label)).to.deep.equal(['Chrome on Linux'])
    expect(await devicesOf(colleague), "the colleague's device stays").to.have.length(1)

    // Removing this device from the list turns it off here as well.
    button('remove', 'This device')!.click()
    await until(() => confirm.open, 'the question for this device')
    part('confirm')!.click()
    await until(() => described().includes('Notifications here: Off'), 'off here')
    expect(platform.current).to.equal(null)
    expect(await devicesOf(session)).to.deep.equal([])
    await until(() => rows().length === 0 && listOf(root).list.status === 'empty', 'empty')
    expect(listOf(root).list.shadowRoot!.textContent).to.include(
      'Enable notifications on a device to see it here.',
    )
  })

  it("sends a test to each of the member's devices and says how each went", async () => {
    const slug = uniqueSlug('notif')
    const colleague = await devSession('project_manager', slug)
    await seedDevice(colleague, gone(), 'Colleague phone')
    const { rows, said, status, press, root, session } = await open(new FakePlatform(), {
      slug,
      seed: async (me) => {
        await seedDevice(me, gone(), 'Old laptop')
        await seedDevice(me, refusing(), 'Work PC')
      },
    })
    expect(rows()).to.have.length(2)
    await press('test')
    expect(said()).to.equal('Test sent: 0 delivered, 1 removed, 1 failed.')
    expect(status().className).to.equal('failed')
    const results = [...root.querySelectorAll('ul li')].map((li) => li.textContent!.replace(/\s+/g, ' '))
    expect(results).to.have.length(2)
    expect(results.find((r) => r.startsWith('Old laptop'))).to.equal(
      'Old laptop: Removed: its push service says this subscription is gone',
    )
    expect(results.find((r) => r.startsWith('Work PC'))).to.match(/^Work PC: Failed: .*answered 401/)
    await until(() => rows().length === 1, 'the gone device left the list')
    expect((await devicesOf(session)).map((d) => d.device_label)).to.deep.equal(['Work PC'])
    expect(await devicesOf(colleague), 'not sent to, not removed').to.have.length(1)
  })

  it('says "delivered" when the push service accepts, and that no device is on when there is none', async () => {
    const { said, press, root, session } = await open(new FakePlatform())
    await press('test')
    expect(said()).to.equal('None of your devices has notifications on yet.')
    await seedDevice(session, accepting(), '')
    await press('test')
    expect(said()).to.equal('Test sent: 1 delivered, 0 removed, 0 failed.')
    expect(root.querySelector('ul li')!.textContent!.replace(/\s+/g, ' ')).to.equal(
      'Unnamed device: Delivered',
    )
  })
})

describe('Notifications tab: preferences', () => {
  afterEach(() => useLocale('en'))

  it('saves the toggles as the member’s own row, and shows them again next time', async () => {
    const platform = new FakePlatform({ permission: 'granted' })
    const opened = await open(platform, { prefs: { auto_subscribe: false } })
    const { tab, root, field, session, slug } = opened
    expect(field('enabled').value).to.equal(true)
    expect(field('all_new_conversations').value).to.equal(false)
    expect(field('auto_subscribe').label).to.equal('Subscribe automatically')
    expect(field('auto_subscribe').help).to.equal(
      'Subscribe this browser automatically when you sign in, if notifications are already allowed.',
    )
    const flip = (name: string) =>
      field(name).shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')!.click()
    flip('all_new_conversations')
    flip('conversation_assigned_to_me')
    await tab.updateComplete
    expect(tab.hasUnsavedChanges).to.equal(true)
    const saved = oneEvent(tab, 'cg-saved')
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click()
    expect((await saved).detail).to.deep.include({
      tab: 'notifications',
      resource: 'notification_preferences',
    })
    await until(() => !tab.hasUnsavedChanges, 'saved')
    const [row] = await rest<NotificationPreferences[]>(
      session.access_token,
      'notification_preferences?select=enabled,all_new_conversations,conversation_assigned_to_me,auto_subscribe',
    )
    expect(row).to.deep.equal({
      enabled: true,
      all_new_conversations: true,
      conversation_assigned_to_me: false,
      auto_subscribe: false,
    })

    const again = await open(platform, { slug })
    expect(again.field('all_new_conversations').value).to.equal(true)
    expect(again.field('conversation_assigned_to_me').value).to.equal(false)
    expect(platform.subscribed, 'auto-subscribe still off').to.equal(0)
  })

  it('speaks Spanish, and stays accessible with notifications blocked', async () => {
    await useLocale('es')
    const { page, root, described, field } = await open(new FakePlatform({ permission: 'denied' }))
    expect(described()[0]).to.equal('Permiso: Bloqueadas')
    expect(root.querySelector('#cg-blocked')!.textContent).to.include('pon Notificaciones en Permitir')
    expect(field('auto_subscribe').label).to.equal('Suscribir automáticamente')
    await expect(page).to.be.accessible()
  })

  it('speaks Spanish, and stays accessible with notifications on', async () => {
    await useLocale('es')
    const { page, control, described, rows } = await open(new FakePlatform({ permission: 'granted' }))
    await until(() => described().includes('Notificaciones aquí: Activadas'), 'subscribed')
    expect(control('disable')!.textContent!.trim()).to.equal('Desactivar en este dispositivo')
    expect(rows()[0]![0]).to.include('Este dispositivo')
    await expect(page).to.be.accessible()
  })
})

describe('Notifications tab in <cg-settings>', () => {
  it("opens under My Preferences with this browser's own push APIs, and follows the shell's sw-url", async () => {
    const { shell, tab, root } = await openTab<CgNotificationsTab>('notifications', 'agent')
    const nav = shell.shadowRoot!.querySelector('nav')!
    expect(nav.querySelector('a[aria-current="page"]')!.textContent!.trim()).to.equal('Notifications')
    expect(root.querySelector('dl'), 'headless Chromium has Web Push').not.to.equal(null)
    const swUrl = () => (tab as unknown as { swUrl: { value?: string } }).swUrl.value
    expect(swUrl()).to.equal('/cg-sw.js')
    shell.setAttribute('sw-url', '/app/push-worker.js')
    await shell.updateComplete
    expect(swUrl()).to.equal('/app/push-worker.js')
  })
})
