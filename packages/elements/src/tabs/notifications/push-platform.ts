/** @module PushPlatform: the browser's Web Push APIs behind one small interface, so every state of the tab can be tested. */
import type { PushSubscriptionInsert } from '@connectgain/contracts/push'
import { timed } from '../../api/client.ts'

/** Whether this browser can get Web Push here; `ios-needs-install`: iPhone or iPad, outside a Home Screen web app. */
export type PushSupport = 'supported' | 'unsupported' | 'ios-needs-install'

/** What `PushSubscription.toJSON()` gives: the body `push_subscriptions` takes, without the device label. */
export type BrowserSubscription = Omit<PushSubscriptionInsert, 'device_label'>

/** What the Notifications tab asks of the browser; `browserPushPlatform` is the real one, tests pass fakes. */
export interface PushPlatform {
  support(): PushSupport
  /** The notification permission as it is now (never asks). */
  permission(): NotificationPermission
  /** Asks the member. Only from a click: browsers ignore or block a request nobody asked for. */
  requestPermission(): Promise<NotificationPermission>
  /** This browser's subscription, or null. Registers nothing. */
  subscription(): Promise<BrowserSubscription | null>
  /** Whether the `sw-url` worker is registered in this browser. Registers nothing. */
  registered(): Promise<boolean>
  /** Registers the service worker, waits until it is active and subscribes with the server's VAPID key (base64url). */
  subscribe(applicationServerKey: string): Promise<BrowserSubscription>
  /** Drops this browser's subscription, if it has one. */
  unsubscribe(): Promise<void>
  /** How the member's device list names this browser: "Chrome on Android". */
  deviceLabel(): string
  /** Whether `member` turned notifications off in this browser: signing in must not turn them on again. */
  turnedOff(member: string): boolean
  setTurnedOff(member: string, off: boolean): void
}

/** What support detection reads of the browser. */
export interface PushEnvironment {
  userAgent: string
  maxTouchPoints: number
  /** Running as a Home Screen web app (`navigator.standalone`, or `display-mode: standalone`). */
  standalone: boolean
  /** Service workers, `PushManager` and `Notification` all exist. */
  push: boolean
}

/** iPadOS says "Macintosh" by default: only its touch screen tells it from a Mac. */
const isIPad = (ua: string, touchPoints: number) =>
  /iPad/.test(ua) || (/Macintosh/.test(ua) && touchPoints > 1)

/** Web Push on iPhone and iPad (16.4+) works only in a web app added to the Home Screen. */
export function pushSupport({ userAgent, maxTouchPoints, standalone, push }: PushEnvironment): PushSupport {
  const ios = /iPhone|iPod/.test(userAgent) || isIPad(userAgent, maxTouchPoints)
  if (ios && !standalone) return 'ios-needs-install'
  return push ? 'supported' : 'unsupported'
}

// First match wins: Edge, Opera and Samsung Internet also say Chrome; everything on iOS says Safari or nothing.
const browsers: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/AppleWebKit\//, 'Safari'],
]
const systems: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPod/, 'iPhone'],
  [/Windows/, 'Windows'],
  [/CrOS/, 'ChromeOS'],
  [/Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
]

/** "Chrome on Android", "Safari on iPad", "Firefox on Windows": the browser and the system, from the user agent. */
export function deviceLabel(userAgent: string, maxTouchPoints = 0): string {
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'Browser'
  const system = isIPad(userAgent, maxTouchPoints)
    ? 'iPad'
    : systems.find(([pattern]) => pattern.test(userAgent))?.[1]
  return system ? `${browser} on ${system}` : browser
}

const bytes = (base64url: string) =>
  Uint8Array.from(atob(base64url.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))

const asJson = (subscription: PushSubscription | null | undefined) =>
  subscription ? (subscription.toJSON() as BrowserSubscription) : null

/** `registration` once it has an active worker (subscribing needs one); rejects when the worker fails to install. */
function activated(registration: ServiceWorkerRegistration): Promise<ServiceWorkerRegistration> {
  const worker = registration.installing ?? registration.waiting
  if (registration.active || !worker) return Promise.resolve(registration)
  return new Promise((resolve, reject) =>
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve(registration)
      if (worker.state === 'redundant')
        reject(
          new DOMException(`The service worker ${worker.scriptURL} did not install`, 'InvalidStateError'),
        )
    }),
  )
}

/** How long a push call may take, in ms: browsers give none, and an unreachable push service never answers. */
export const PUSH_DEADLINE = 20_000

/** A push call that did not settle before its deadline. */
export class PushTimeout extends Error {
  override name = 'TimeoutError'
  constructor(readonly ms: number) {
    super(`The browser's push APIs did not answer in ${ms} ms`)
  }
}

/** `work`, or a `PushTimeout` once `ms` have passed. */
const within = <T>(ms: number, work: () => Promise<T>): Promise<T> =>
  timed(work(), ms, () => new PushTimeout(ms))

/**
 * What a push call's failure means for the member: `refused` (NotAllowedError: the permission, or a window that
 * refuses push, as private ones do), `push-service` (AbortError: the push service failed the registration),
 * `timeout`, or `other` (InvalidStateError: the service worker is not active; a worker that would not register).
 */
export type PushFailure = 'refused' | 'push-service' | 'timeout' | 'other'

export function failureOf(err: unknown): PushFailure {
  if (err instanceof PushTimeout) return 'timeout'
  const name = (err as Error | undefined)?.name
  return name === 'NotAllowedError' ? 'refused' : name === 'AbortError' ? 'push-service' : 'other'
}

/** localStorage throws in some sandboxed frames and private modes: then nothing is remembered. */
function stored<T>(use: () => T): T | undefined {
  try {
    return use()
  } catch {
    return undefined
  }
}

/**
 * The browser's own APIs, with the service worker at `swUrl()` (read at each use, so it follows `sw-url`). Each
 * call but the permission question (the member answers that) fails with a `PushTimeout` after `deadline` ms.
 */
export function browserPushPlatform(swUrl: () => string, deadline = PUSH_DEADLINE): PushPlatform {
  const workers = () => navigator.serviceWorker
  /** Our registration, when the worker at `swUrl` is registered: another worker's scope does not count. */
  const ours = async () => {
    const url = new URL(swUrl(), location.href).href
    const registration = await workers().getRegistration(url)
    const worker = registration && (registration.active ?? registration.waiting ?? registration.installing)
    return worker?.scriptURL === url ? registration : undefined
  }
  const current = async () => (await ours())?.pushManager.getSubscription()
  const offKey = (member: string) => `cg-push-off:${member}`
  return {
    support: () =>
      pushSupport({
        userAgent: navigator.userAgent,
        maxTouchPoints: navigator.maxTouchPoints,
        standalone:
          (navigator as { standalone?: boolean }).standalone === true ||
          matchMedia('(display-mode: standalone)').matches,
        push: 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window,
      }),
    permission: () => Notification.permission,
    requestPermission: () => Notification.requestPermission(),
    subscription: () => within(deadline, async () => asJson(await current())),
    registered: () => within(deadline, async () => !!(await ours())),
    subscribe: (applicationServerKey) =>
      within(deadline, async () => {
        const { pushManager } = await activated(await workers().register(swUrl()))
        const options = { userVisibleOnly: true, applicationServerKey: bytes(applicationServerKey) }
        try {
          return asJson(await pushManager.subscribe(options)) as BrowserSubscription
        } catch (err) {
          // Subscribed before with another key (the server's VAPID keys changed): start again with this one.
          const old = await pushManager.getSubscription()
          if (!old || (err as Error).name !== 'InvalidStateError') throw err
          await old.unsubscribe()
          return asJson(await pushManager.subscribe(options)) as BrowserSubscription
        }
      }),
    unsubscribe: () =>
      within(deadline, async () => {
        await (await current())?.unsubscribe()
      }),
    deviceLabel: () => deviceLabel(navigator.userAgent, navigator.maxTouchPoints),
    turnedOff: (member) => stored(() => localStorage.getItem(offKey(member)) === '1') ?? false,
    setTurnedOff: (member, off) =>
      stored(() =>
        off ? localStorage.setItem(offKey(member), '1') : localStorage.removeItem(offKey(member)),
      ),
  }
}
