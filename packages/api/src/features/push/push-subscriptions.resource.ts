/**
 * @module push_subscriptions: each member's browsers (user scope: nobody sees another's). The body is
 * `PushSubscription.toJSON()`; its endpoint passes the outbound URL guard (https and public in production);
 * its keys are stored for sending and never read back.
 */
import { PushSubscriptionInsert, PushSubscriptionRow, PushSubscriptionUpdate } from '@connectgain/contracts'
import { pushSubscriptions } from '@connectgain/db'
import { and, eq, ne } from 'drizzle-orm'
import { ApiError } from '../../errors.ts'
import { checkUrl } from '../../net/url-guard.ts'
import { defineResource, type Row } from '../../rest/registry.ts'

export const pushSubscriptionsResource = defineResource({
  name: 'push_subscriptions',
  singular: 'push subscription',
  description:
    "Your own devices' Web Push subscriptions. POST exactly what `PushSubscription.toJSON()` gives (`{ endpoint, expirationTime, keys: { p256dh, auth } }`), plus an optional `device_label`; send it as an upsert (`?on_conflict=endpoint`, `Prefer: resolution=merge-duplicates`) so that the same browser subscribing again updates its row. The keys are never read back.",
  scope: 'user',
  table: pushSubscriptions,
  row: PushSubscriptionRow,
  insert: PushSubscriptionInsert,
  update: PushSubscriptionUpdate,
  deletable: true,
  secret: ['p256dh', 'auth'],
  idPrefix: 'psub',
  beforeWrite({ keys, expirationTime, ...values }, { config }) {
    const stored: Row = { ...values }
    if (typeof values.endpoint === 'string') {
      const checked = checkUrl(values.endpoint, config.CG_MODE)
      if (!checked.ok) {
        throw new ApiError('22P02', `Invalid endpoint: ${checked.reason}`, {
          details: [
            { field: 'endpoint', message: checked.reason, issue: 'custom', params: { id: checked.issue } },
          ],
        })
      }
      stored.endpoint = checked.url.href
    }
    if (expirationTime !== undefined) stored.expiration_time = expirationTime
    if (keys && typeof keys === 'object') Object.assign(stored, keys as { p256dh: string; auth: string })
    return stored
  },
  // A browser has one subscription: when another member of the org signs in on it and subscribes, the browser
  // is theirs now, and the member before stops getting pushes on a screen someone else is using.
  onWrite: [
    ({ after }, { db, caller }) =>
      after && caller.kind === 'session'
        ? [
            db
              .delete(pushSubscriptions)
              .where(
                and(
                  eq(pushSubscriptions.org_id, caller.orgId),
                  eq(pushSubscriptions.endpoint, String(after.endpoint)),
                  ne(pushSubscriptions.user_id, caller.userId),
                ),
              ),
          ]
        : [],
  ],
  sample: (n) => ({
    endpoint: `https://push.example.com/send/${n}`,
    expirationTime: null,
    keys: {
      p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
      auth: 'tBHItJI5svbpez7KI4CCXg',
    },
    device_label: `Browser ${n}`,
  }),
})
