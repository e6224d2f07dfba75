/** @module What `<cg-settings>` provides to every tab through @lit/context. */
import { createContext } from '@lit/context'
import type { ApiClient } from './api/client.ts'
import type { Session } from './session.ts'

export const apiContext = createContext<ApiClient | undefined>(Symbol('cg-api'))
export const sessionContext = createContext<Session | null>(Symbol('cg-session'))
