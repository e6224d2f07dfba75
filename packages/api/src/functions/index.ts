/** @module Every function, registered once. */
import { devSessionFunction } from './dev-session.ts'
import type { FunctionDef } from './registry.ts'
import { sessionsFunction } from './sessions.ts'

export const allFunctions: readonly FunctionDef[] = [sessionsFunction, devSessionFunction]

/** The functions a mode serves: demo-only ones do not exist in production. */
export const functionsFor = (mode: 'demo' | 'production') =>
  allFunctions.filter((f) => mode === 'demo' || !f.demoOnly)
