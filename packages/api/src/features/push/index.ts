/** @module Browser notifications (spec Use Case 4): subscriptions, preferences, the push outbox and its send job. */
import type { Feature } from '../../feature.ts'
import { checkPushConfig, pushConfig } from './config.ts'
import { pushJob } from './deliver.ts'
import { pushConfigFunction, testPushFunction } from './functions.ts'
import { notificationPreferencesResource } from './notification-preferences.resource.ts'
import { dispatchPushOutbox, PUSH_JOB } from './outbox.ts'
import { pushSubscriptionsResource } from './push-subscriptions.resource.ts'

export const pushFeature: Feature = {
  name: 'push',
  resources: [pushSubscriptionsResource, notificationPreferencesResource],
  functions: [pushConfigFunction, testPushFunction],
  jobs: { [PUSH_JOB]: pushJob },
  outboxes: [(db, _clock, queue) => dispatchPushOutbox(db, queue)],
  config: pushConfig,
  checkConfig: checkPushConfig,
}
