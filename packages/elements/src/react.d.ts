/**
 * @module `<cg-settings>` in React 19's JSX: its attributes, `tokenProvider` and its events, as React 19 passes
 * them to a custom element. Load once per project: `/// <reference types="@connectgain/elements/react" />`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react'
import type {
  CgErrorDetail,
  CgNavigateDetail,
  CgSavedDetail,
  CgSettings,
  TabId,
  TokenProvider,
} from './index.js'

/** The props `<cg-settings>` takes in React 19. */
export interface CgSettingsReactProps extends DetailedHTMLProps<HTMLAttributes<CgSettings>, CgSettings> {
  /** Base URL of the ConnectGain API; the page's origin when empty. */
  'api-url'?: string
  /** A session token minted by your backend (`POST /functions/v1/sessions`). */
  token?: string
  /** The tab to open; one the member's role may not see opens their first tab instead. */
  tab?: TabId | (string & {})
  /** UI language, a BCP 47 tag ("es", "es-MX"); English when unsupported. */
  locale?: string
  /** Color scheme; `auto` follows the operating system. */
  theme?: 'light' | 'dark' | 'auto'
  /** Keep the open tab in the URL hash (`#settings/<tab>`). */
  'sync-hash'?: boolean
  /** The tabs to show, in order, comma-separated ("organization,api-keys,webhooks"); every tab when empty. */
  tabs?: string
  /** Also list the tabs that are not built yet (each says it is not available yet). */
  'show-unavailable'?: boolean
  /** Milliseconds a request or a `tokenProvider` call may take (15000 by default). */
  'request-timeout'?: number
  /** URL of the push service worker (cg-sw.js) on the page's origin; /cg-sw.js by default. */
  'sw-url'?: string
  /** Called for a session token (React 19 sets it as a property once the element is defined). */
  tokenProvider?: TokenProvider
  /** React 19 adds `on` + an event's exact name as a listener for that event. */
  'oncg-saved'?: (event: CustomEvent<CgSavedDetail>) => void
  'oncg-navigate'?: (event: CustomEvent<CgNavigateDetail>) => void
  'oncg-error'?: (event: CustomEvent<CgErrorDetail>) => void
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'cg-settings': CgSettingsReactProps
    }
  }
}
