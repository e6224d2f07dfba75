/**
 * @module The spec's "automatic subscription on login": the shell runs it once a member is signed in, whichever
 * tab is open, and only when the browser already allows notifications (otherwise this chunk is never loaded);
 * the Notifications tab runs the same on load. It never asks for permission.
 */
import type { PushConfig } from '@connectgain/contracts/push'
import type { ApiClient } from '../../api/client.ts'
import { type BrowserSubscription, browserPushPlatform, type PushPlatform } from './push-platform.ts'

/** The server stores an endpoint as the URL parser writes it: compare them so. */
export const normalEndpoint = (endpoint: string) => new URL(endpoint).href

const running = new Map<string, Promise<BrowserSubscription | null>>()

/**
 * Subscribes this browser without asking when all of these hold: Web Push works here, the member already allowed
 * notifications, their `auto_subscribe` preference is on (it is by default), they did not turn notifications off
 * in this browser, and the server has no row for this browser's subscription. Resolves to the subscription it
 * stored, or null when there was nothing to do. One run at a time per member: the shell and the tab share it.
 */
export function autoSubscribe(
  api: ApiClient,
  platform: PushPlatform,
  member: string,
): Promise<BrowserSubscription | null> {
  let run = running.get(member)
  if (!run) {
    run = attempt(api, platform, member).finally(() => running.delete(member))
    running.set(member, run)
  }
  return run
}

/** The shell's entry: the browser's own push APIs, with the worker at `swUrl`. Failures stay quiet. */
export function autoSubscribeBrowser(api: ApiClient, member: string, swUrl: () => string): Promise<unknown> {
  return autoSubscribe(api, browserPushPlatform(swUrl), member).catch(() => null)
}

async function attempt(
  api: ApiClient,
  platform: PushPlatform,
  member: string,
): Promise<BrowserSubscription | null> {
  if (platform.support() !== 'supported' || platform.permission() !== 'granted') return null
  if (platform.turnedOff(member)) return null
  const [prefs] = await api.request<{ auto_subscribe: boolean }[]>(
    '/rest/v1/notification_preferences?select=auto_subscribe',
  )
  // No row until the member saves once: notificationDefaults.auto_subscribe, which is on.
  if (prefs?.auto_subscribe === false) return null
  const current = await platform.subscription()
  if (current) {
    const endpoint = encodeURIComponent(normalEndpoint(current.endpoint))
    const stored = await api.request<unknown[]>(
      `/rest/v1/push_subscriptions?select=id&endpoint=eq.${endpoint}`,
    )
    if (stored.length) return null
  }
  const { vapid_public_key } = await api.request<PushConfig>('/functions/v1/push-config')
  return (await storeSubscription(api, platform, vapid_public_key)).subscription
}

/** Subscribes this browser with the server's key and stores it (an upsert by endpoint), named after the browser. */
export async function storeSubscription(api: ApiClient, platform: PushPlatform, key: string) {
  const subscription = await platform.subscribe(key)
  const [row] = await api.request<{ id: string }[]>('/rest/v1/push_subscriptions?on_conflict=endpoint', {
    method: 'POST',
    body: { ...subscription, device_label: platform.deviceLabel() },
    upsert: true,
    returnRepresentation: true,
  })
  return { subscription, row }
}
