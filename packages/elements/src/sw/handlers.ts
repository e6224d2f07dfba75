/**
 * @module The push service worker's handlers (`cg-sw.js`), with the worker's globals passed in: a push shows a
 * notification, a click opens its page. Tests hand them fakes; cg-sw.ts hands them `self`.
 */

/** The part of an `ExtendableEvent` the handlers use: the worker stays alive until the promise settles. */
export interface Extendable {
  waitUntil(promise: Promise<unknown>): void
}

export interface PushEventLike extends Extendable {
  /** The decrypted payload; null when the push carried none. */
  readonly data: { text(): string } | null
}

export interface NotificationClickLike extends Extendable {
  readonly notification: { readonly data: unknown; close(): void }
}

export interface WindowClientLike {
  readonly url: string
  readonly focused?: boolean
  focus(): Promise<unknown>
  /** Missing in some browsers; rejects for a window this worker does not control. */
  navigate?: (url: string) => Promise<unknown>
}

export interface ClientsLike {
  matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly WindowClientLike[]>
  openWindow(url: string): Promise<unknown>
  claim(): Promise<void>
}

/** What the handlers need of the service worker's global scope. */
export interface WorkerContext {
  /** The worker's own origin: a click opens pages of this origin only. */
  readonly origin: string
  readonly registration: {
    /** The registration's scope URL: where a click goes when the push named no usable page. */
    readonly scope: string
    showNotification(title: string, options?: NotificationOptions): Promise<void>
  }
  readonly clients: ClientsLike
}

/** The service worker's global scope (`self`), as far as `listen` uses it. */
export interface WorkerScope {
  readonly location: { readonly origin: string; readonly pathname: string }
  readonly registration: WorkerContext['registration']
  readonly clients: ClientsLike
  skipWaiting(): Promise<void>
  addEventListener(type: string, listener: (event: never) => void): void
}

/** What the server sends (packages/api/src/push/send.ts `PushPayload`). */
export interface PushPayload {
  title: string
  body: string
  url: string
  tag: string
}

/** Shown when a push arrives without a payload we can read: Chrome penalises a push that shows nothing. */
export const GENERIC_TITLE = 'New notification'

/** Marks the notifications this worker shows, so that a host worker importing it keeps the clicks on its own. */
export const MARK = 'connectgain'

/** `NotificationOptions` with `renotify`, which Chrome honours and TypeScript's DOM types leave out. */
interface ShowOptions extends NotificationOptions {
  renotify?: boolean
}

/** The notification a push shows: the payload's, or the generic one when there is none or it is not ours. */
export function notificationFor(data: PushEventLike['data']): { title: string; options: ShowOptions } {
  const payload = parsePayload(data)
  if (!payload.title) return { title: GENERIC_TITLE, options: { data: { [MARK]: true } } }
  const options: ShowOptions = { data: { [MARK]: true, url: payload.url ?? '' } }
  if (payload.body) options.body = payload.body
  // A tag replaces the notification before it; renotify alerts again (a second test, a conversation's new message).
  if (payload.tag) {
    options.tag = payload.tag
    options.renotify = true
  }
  return { title: payload.title, options }
}

function parsePayload(data: PushEventLike['data']): Partial<PushPayload> {
  let parsed: unknown
  try {
    parsed = JSON.parse(data?.text() ?? '')
  } catch {
    return {}
  }
  if (!parsed || typeof parsed !== 'object') return {}
  const payload: Partial<PushPayload> = {}
  for (const key of ['title', 'body', 'url', 'tag'] as const) {
    const value = (parsed as Record<string, unknown>)[key]
    if (typeof value === 'string' && value) payload[key] = value
  }
  return payload
}

/** `push`: shows the payload's notification, or the generic one, before the worker may stop. */
export function onPush(event: PushEventLike, { registration }: WorkerContext): void {
  const { title, options } = notificationFor(event.data)
  event.waitUntil(registration.showNotification(title, options))
}

/**
 * Where a click goes: the payload's `url` resolved against the worker's origin, if it is http(s) on that
 * origin; the scope's root otherwise (a `javascript:` URL, another site, nothing).
 */
export function clickTarget(url: unknown, { origin, registration }: WorkerContext): string {
  if (typeof url !== 'string' || !url) return registration.scope
  let target: URL
  try {
    target = new URL(url, origin)
  } catch {
    return registration.scope
  }
  const web = target.protocol === 'https:' || target.protocol === 'http:'
  return web && target.origin === origin ? target.href : registration.scope
}

const sameOrigin = (url: string, origin: string): boolean => {
  try {
    return new URL(url).origin === origin
  } catch {
    return false
  }
}

/**
 * A window already at `url` is focused; else a window of this origin is focused and sent there; else a new
 * window opens. `navigate` rejects for a window this worker does not control (it opened before the worker
 * was installed): then a new window opens, so the click still lands on `url`.
 */
export async function focusOrOpen(url: string, { origin, clients }: WorkerContext): Promise<unknown> {
  const windows = (await clients.matchAll({ type: 'window', includeUncontrolled: true })).filter((w) =>
    sameOrigin(w.url, origin),
  )
  const there = windows.find((w) => w.url === url)
  if (there) return there.focus()
  const other = windows.find((w) => w.focused) ?? windows[0]
  if (!other) return clients.openWindow(url)
  await other.focus()
  if (!other.navigate) return other
  return other.navigate(url).catch(() => clients.openWindow(url))
}

/** `notificationclick`: closes the notification and opens its page. Notifications this worker did not show are left alone. */
export function onNotificationClick(event: NotificationClickLike, context: WorkerContext): void {
  const data = event.notification.data as Record<string, unknown> | null | undefined
  if (!data?.[MARK]) return
  event.notification.close()
  event.waitUntil(focusOrOpen(clickTarget(data.url, context), context))
}

/**
 * Registers the handlers on `scope` (the worker's `self`). As the worker of its own registration (its script is
 * `…/cg-sw.js`) a new version takes over at once and claims the open pages, so that a click can navigate them;
 * it has no fetch handler and no cache for an old version to finish with. Imported into a host's own worker
 * (`importScripts`), that worker's install and activate stay its own.
 */
export function listen(scope: WorkerScope): void {
  const context: WorkerContext = {
    origin: scope.location.origin,
    registration: scope.registration,
    clients: scope.clients,
  }
  scope.addEventListener('push', (event: PushEventLike) => onPush(event, context))
  scope.addEventListener('notificationclick', (event: NotificationClickLike) =>
    onNotificationClick(event, context),
  )
  if (!/\/cg-sw\.js$/.test(scope.location.pathname)) return
  scope.addEventListener('install', (event: Extendable) => event.waitUntil(scope.skipWaiting()))
  scope.addEventListener('activate', (event: Extendable) => event.waitUntil(scope.clients.claim()))
}
