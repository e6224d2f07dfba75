import { expect } from '@open-wc/testing'
import {
  type ClientsLike,
  type Extendable,
  GENERIC_TITLE,
  listen,
  MARK,
  type NotificationClickLike,
  onNotificationClick,
  onPush,
  type PushEventLike,
  type WindowClientLike,
  type WorkerContext,
  type WorkerScope,
} from './handlers.ts'

const ORIGIN = 'https://app.example.com'
const SCOPE = `${ORIGIN}/`

/** A browser window as `clients.matchAll` gives it, recording what the worker does with it. */
class FakeWindow implements WindowClientLike {
  calls: string[] = []
  focused: boolean
  navigate?: (url: string) => Promise<unknown>
  constructor(
    public url: string,
    {
      focused = false,
      navigate = 'works',
    }: { focused?: boolean; navigate?: 'works' | 'rejects' | 'missing' } = {},
  ) {
    this.focused = focused
    if (navigate !== 'missing') {
      this.navigate = async (to: string) => {
        this.calls.push(`navigate ${to}`)
        if (navigate === 'rejects') throw new TypeError('This service worker is not the client’s active one')
        this.url = to
        return this
      }
    }
  }
  async focus() {
    this.calls.push('focus')
    return this
  }
}

/** The worker's globals, faked: what was shown, which windows were opened, how clients were asked for. */
function fakeWorker(windows: FakeWindow[] = []) {
  const shown: { title: string; options: NotificationOptions | undefined }[] = []
  const opened: string[] = []
  const queries: unknown[] = []
  let showing: Promise<void> | undefined
  const clients: ClientsLike = {
    async matchAll(options) {
      queries.push(options)
      return windows
    },
    async openWindow(url) {
      opened.push(url)
      return null
    },
    async claim() {},
  }
  const context: WorkerContext = {
    origin: ORIGIN,
    registration: {
      scope: SCOPE,
      showNotification(title, options) {
        shown.push({ title, options })
        showing = Promise.resolve()
        return showing
      },
    },
    clients,
  }
  return { context, shown, opened, queries, showing: () => showing }
}

function pushEvent(text: string | null) {
  const waited: Promise<unknown>[] = []
  const event: PushEventLike = {
    data: text === null ? null : { text: () => text },
    waitUntil: (promise) => waited.push(promise),
  }
  return { event, waited }
}

function clickEvent(data: unknown) {
  const waited: Promise<unknown>[] = []
  let closed = false
  const event: NotificationClickLike = {
    notification: {
      data,
      close: () => {
        closed = true
      },
    },
    waitUntil: (promise) => waited.push(promise),
  }
  return { event, waited, closed: () => closed }
}

/** Clicks a notification this worker showed for `url`, and waits for what the click does. */
async function click(url: unknown, windows: FakeWindow[] = []) {
  const worker = fakeWorker(windows)
  const clicked = clickEvent({ [MARK]: true, url })
  onNotificationClick(clicked.event, worker.context)
  expect(clicked.waited).to.have.length(1)
  await clicked.waited[0]
  return { ...worker, closed: clicked.closed() }
}

describe('cg-sw: push', () => {
  it('shows the payload’s title, body, tag and url inside waitUntil', async () => {
    const worker = fakeWorker()
    const { event, waited } = pushEvent(
      JSON.stringify({
        title: 'New message from Ana',
        body: 'Hi, I would like a refund for order 1042.',
        url: '/inbox/cnv_1',
        tag: 'cnv_1',
      }),
    )
    onPush(event, worker.context)
    expect(worker.shown).to.deep.equal([
      {
        title: 'New message from Ana',
        options: {
          body: 'Hi, I would like a refund for order 1042.',
          tag: 'cnv_1',
          renotify: true,
          data: { [MARK]: true, url: '/inbox/cnv_1' },
        },
      },
    ])
    // The worker is kept alive by the very promise showNotification returned.
    expect(waited).to.have.length(1)
    expect(waited[0]).to.equal(worker.showing())
  })

  it('shows a generic notification for a push without a payload it can read', async () => {
    for (const text of [null, '', 'not json', '"a string"', 'null', '{"body":"no title"}', '{"title":42}']) {
      const worker = fakeWorker()
      const { event, waited } = pushEvent(text)
      onPush(event, worker.context)
      expect(worker.shown, String(text)).to.deep.equal([
        { title: GENERIC_TITLE, options: { data: { [MARK]: true } } },
      ])
      expect(waited, String(text)).to.have.length(1)
    }
  })

  it('leaves out fields that are missing or not text', async () => {
    const worker = fakeWorker()
    onPush(pushEvent('{"title":"Assigned to you","body":7,"tag":""}').event, worker.context)
    expect(worker.shown[0]).to.deep.equal({
      title: 'Assigned to you',
      options: { data: { [MARK]: true, url: '' } },
    })
  })
})

describe('cg-sw: notificationclick', () => {
  it('focuses a window already at the URL, asking for every window of the origin', async () => {
    const there = new FakeWindow(`${ORIGIN}/inbox/cnv_1`)
    const elsewhere = new FakeWindow(`${ORIGIN}/settings`, { focused: true })
    const result = await click('/inbox/cnv_1', [elsewhere, there])
    expect(result.closed).to.equal(true)
    expect(result.queries).to.deep.equal([{ type: 'window', includeUncontrolled: true }])
    expect(there.calls).to.deep.equal(['focus'])
    expect(elsewhere.calls).to.deep.equal([])
    expect(result.opened).to.deep.equal([])
  })

  it('focuses another window of the origin and navigates it, the focused one first', async () => {
    const background = new FakeWindow(`${ORIGIN}/reports`)
    const front = new FakeWindow(`${ORIGIN}/settings#settings/notifications`, { focused: true })
    const result = await click(`${ORIGIN}/inbox/cnv_1?from=push`, [background, front])
    expect(front.calls).to.deep.equal(['focus', `navigate ${ORIGIN}/inbox/cnv_1?from=push`])
    expect(background.calls).to.deep.equal([])
    expect(result.opened).to.deep.equal([])
  })

  it('opens a window when the origin has none', async () => {
    const result = await click('/inbox/cnv_1')
    expect(result.closed).to.equal(true)
    expect(result.opened).to.deep.equal([`${ORIGIN}/inbox/cnv_1`])
  })

  it('opens a window when the window it found cannot be navigated (a page the worker does not control)', async () => {
    const uncontrolled = new FakeWindow(`${ORIGIN}/settings`, { navigate: 'rejects' })
    const result = await click('/inbox/cnv_1', [uncontrolled])
    expect(uncontrolled.calls).to.deep.equal(['focus', `navigate ${ORIGIN}/inbox/cnv_1`])
    expect(result.opened).to.deep.equal([`${ORIGIN}/inbox/cnv_1`])
  })

  it('only focuses the window where the browser has no navigate', async () => {
    const old = new FakeWindow(`${ORIGIN}/settings`, { navigate: 'missing' })
    const result = await click('/inbox/cnv_1', [old])
    expect(old.calls).to.deep.equal(['focus'])
    expect(result.opened).to.deep.equal([])
  })

  it('opens the scope’s root for a notification without a url (the generic one)', async () => {
    expect((await click(undefined)).opened).to.deep.equal([SCOPE])
    expect((await click('')).opened).to.deep.equal([SCOPE])
    expect((await click(42)).opened).to.deep.equal([SCOPE])
  })

  it('leaves alone a notification it did not show (a host worker that imports cg-sw.js shows its own)', () => {
    const worker = fakeWorker([new FakeWindow(`${ORIGIN}/`)])
    for (const data of [null, undefined, { url: '/theirs' }]) {
      const clicked = clickEvent(data)
      onNotificationClick(clicked.event, worker.context)
      expect(clicked.closed()).to.equal(false)
      expect(clicked.waited).to.have.length(0)
    }
    expect(worker.queries).to.have.length(0)
  })

  it('opens the scope’s root instead of another site or a script URL', async () => {
    for (const url of [
      'https://evil.example/phish',
      '//evil.example/phish',
      'http://app.example.com/inbox', // same host, another scheme: another origin
      'https://app.example.com:8443/inbox',
      'javascript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'blob:https://app.example.com/0f0e',
      'http://[::1',
    ]) {
      const windows = [new FakeWindow(`${ORIGIN}/settings`, { focused: true })]
      const result = await click(url, windows)
      expect(windows[0]!.calls, url).to.deep.equal(['focus', `navigate ${SCOPE}`])
      expect(result.opened, url).to.deep.equal([])
    }
  })

  it('never focuses or navigates a window of another origin', async () => {
    const foreign = new FakeWindow('https://evil.example/inbox/cnv_1')
    const result = await click('/inbox/cnv_1', [foreign])
    expect(foreign.calls).to.deep.equal([])
    expect(result.opened).to.deep.equal([`${ORIGIN}/inbox/cnv_1`])
  })
})

describe('cg-sw: listen', () => {
  /** A worker scope whose listeners the test calls by name. */
  function fakeScope(pathname: string) {
    const worker = fakeWorker()
    const listeners = new Map<string, (event: never) => void>()
    const lifecycle: string[] = []
    const scope: WorkerScope = {
      location: { origin: ORIGIN, pathname },
      registration: worker.context.registration,
      clients: {
        ...worker.context.clients,
        claim: async () => {
          lifecycle.push('claim')
        },
      },
      skipWaiting: async () => {
        lifecycle.push('skipWaiting')
      },
      addEventListener: (type, listener) => listeners.set(type, listener),
    }
    const fire = async (type: string, event: object) => {
      const waited: Promise<unknown>[] = []
      const extendable: Extendable = { waitUntil: (promise) => waited.push(promise) }
      listeners.get(type)?.({ ...event, ...extendable } as never)
      await Promise.all(waited)
      return waited.length
    }
    return { worker, listeners, lifecycle, scope, fire }
  }

  it('handles push and notificationclick on the worker’s scope', async () => {
    const { worker, scope, fire } = fakeScope('/cg-sw.js')
    listen(scope)
    expect(await fire('push', { data: { text: () => '{"title":"Hi","url":"/x"}' } })).to.equal(1)
    expect(worker.shown.map((s) => s.title)).to.deep.equal(['Hi'])
    const data = worker.shown[0]!.options?.data
    expect(await fire('notificationclick', { notification: { data, close() {} } })).to.equal(1)
    expect(worker.opened).to.deep.equal([`${ORIGIN}/x`])
  })

  it('takes over at once as its own registration’s worker, wherever the file is served', async () => {
    for (const path of ['/cg-sw.js', '/static/cg-sw.js']) {
      const { lifecycle, scope, fire } = fakeScope(path)
      listen(scope)
      expect(await fire('install', {})).to.equal(1)
      expect(await fire('activate', {})).to.equal(1)
      expect(lifecycle, path).to.deep.equal(['skipWaiting', 'claim'])
    }
  })

  it('leaves install and activate to a host worker that imports it', () => {
    const { listeners, scope } = fakeScope('/sw.js')
    listen(scope)
    expect([...listeners.keys()]).to.deep.equal(['push', 'notificationclick'])
  })
})
