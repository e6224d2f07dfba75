/** @module What `<cg-settings>` provides to every tab through @lit/context. */
import { createContext } from '@lit/context'
import type { ApiClient } from './api/client.ts'
import type { Session } from './session.ts'

export const apiContext = createContext<ApiClient | undefined>(Symbol('cg-api'))
export const sessionContext = createContext<Session | null>(Symbol('cg-session'))
/** Where the push service worker is served (`sw-url`): the Notifications tab registers it to subscribe. */
export const swUrlContext = createContext<string>(Symbol('cg-sw-url'))
/** `sw-url` when not set: `cg-sw.js` (shipped beside the element) copied to the root of the host's origin. */
export const DEFAULT_SW_URL = '/cg-sw.js'
