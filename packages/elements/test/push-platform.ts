/** @module A browser's push APIs in a given state, for the Notifications tab's tests: what it answers, what it was asked. */
import type {
  BrowserSubscription,
  PushPlatform,
  PushSupport,
} from '../src/tabs/notifications/push-platform.ts'
import { apiUrl } from './session.ts'

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')

/** What a browser's `PushSubscription.toJSON()` gives: a real P-256 public key and a 16-byte auth secret. */
export async function subscriptionAt(endpoint: string): Promise<BrowserSubscription> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])
  const p256dh = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))
  const auth = crypto.getRandomValues(new Uint8Array(16))
  return { endpoint, expirationTime: null, keys: { p256dh: base64url(p256dh), auth: base64url(auth) } }
}

/**
 * Endpoints on the API host itself, so the server's test push really goes out and answers the same each time:
 * an unknown path answers 404 (the push service's "gone"), a REST path 401 (refused).
 */
export const gone = () => `${apiUrl()}/nowhere/${crypto.randomUUID()}`
export const refusing = () => `${apiUrl()}/rest/v1/tags?device=${crypto.randomUUID()}`
/** An endpoint on the tests' push service (a third party on 127.0.0.1), which accepts every push. */
export const accepting = () => `${window.CG_PUSH_URL}/push/${crypto.randomUUID()}`

/** A browser in a given state: what it answers, and every question the tab asked it. */
export class FakePlatform implements PushPlatform {
  asked = 0
  subscribed = 0
  key = ''
  current: BrowserSubscription | null = null
  /** The service worker is registered: by a subscribe, or with a subscription from before. */
  worker = false
  readonly off = new Set<string>()

  constructor(
    private readonly state: {
      support?: PushSupport
      permission?: NotificationPermission
      /** The member's answer to the permission question. */
      answer?: NotificationPermission
      endpoint?: string
      /** What `subscribe()` rejects with, as a browser does (a `DOMException` named NotAllowedError…). */
      fails?: Error
    } = {},
  ) {}

  support() {
    return this.state.support ?? 'supported'
  }
  permission() {
    return this.state.permission ?? 'default'
  }
  async requestPermission() {
    this.asked++
    this.state.permission = this.state.answer ?? 'granted'
    return this.state.permission
  }
  async subscription() {
    return this.current
  }
  async registered() {
    return this.worker || this.current !== null
  }
  async subscribe(applicationServerKey: string) {
    this.subscribed++
    this.key = applicationServerKey
    this.worker = true
    if (this.state.fails) throw this.state.fails
    this.current ??= await subscriptionAt(this.state.endpoint ?? gone())
    return this.current
  }
  async unsubscribe() {
    this.current = null
  }
  deviceLabel() {
    return 'Chrome on Linux'
  }
  turnedOff(member: string) {
    return this.off.has(member)
  }
  setTurnedOff(member: string, off: boolean) {
    if (off) this.off.add(member)
    else this.off.delete(member)
  }
}
