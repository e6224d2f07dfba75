/** @module The Hono environment every route and middleware shares. */
import type { Caller } from './caller.ts'
import type { Deps } from './deps.ts'

export interface AppEnv {
  Variables: { deps: Deps; caller: Caller | null; requestId: string }
}
