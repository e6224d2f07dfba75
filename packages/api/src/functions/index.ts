/** @module Every function, registered once. */
import { generateApiKeyFunction, revokeApiKeyFunction, rollApiKeyFunction } from './api-keys.ts'
import { devSessionFunction } from './dev-session.ts'
import { pushConfigFunction, testPushFunction } from './push.ts'
import type { FunctionDef } from './registry.ts'
import { sessionsFunction } from './sessions.ts'
import {
  redeliverWebhookFunction,
  revealWebhookSecretFunction,
  rotateWebhookSecretFunction,
  testWebhookFunction,
  webhookEventsFunction,
} from './webhooks.ts'

export const allFunctions: readonly FunctionDef[] = [
  sessionsFunction,
  generateApiKeyFunction,
  revokeApiKeyFunction,
  rollApiKeyFunction,
  webhookEventsFunction,
  revealWebhookSecretFunction,
  rotateWebhookSecretFunction,
  testWebhookFunction,
  redeliverWebhookFunction,
  pushConfigFunction,
  testPushFunction,
  devSessionFunction,
]

/** The functions a mode serves: demo-only ones do not exist in production. */
export const functionsFor = (mode: 'demo' | 'production') =>
  allFunctions.filter((f) => mode === 'demo' || !f.demoOnly)
