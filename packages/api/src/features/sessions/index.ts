/** @module Sessions for the element: minted by a host's backend with its API key, or (demo mode) by role. */
import type { Feature } from '../../feature.ts'
import { devSessionFunction } from './dev-session.ts'
import { sessionsFunction } from './sessions.ts'

export const sessionsFeature: Feature = {
  name: 'sessions',
  functions: [sessionsFunction, devSessionFunction],
}
