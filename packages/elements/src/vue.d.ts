/**
 * @module `<cg-settings>` in Vue 3 templates (vue-tsc): its attributes, `tokenProvider` and its events, as a
 * global component. Load once per project: `/// <reference types="@connectgain/elements/vue" />`; tell the
 * template compiler that `cg-*` tags are custom elements (`isCustomElement`, see docs/embedding.md).
 */
import type { HTMLAttributes } from 'vue'
import type {
  CgErrorDetail,
  CgNavigateDetail,
  CgSavedDetail,
  CgSettings,
  TabId,
  TokenProvider,
} from './index.js'

/** The props `<cg-settings>` takes in a Vue template. */
export interface CgSettingsVueProps extends HTMLAttributes {
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
  /** A property, not an attribute: bind it with `:tokenProvider.prop`. */
  tokenProvider?: TokenProvider
  /** `@cg-saved` */
  onCgSaved?: (event: CustomEvent<CgSavedDetail>) => void
  /** `@cg-navigate` */
  onCgNavigate?: (event: CustomEvent<CgNavigateDetail>) => void
  /** `@cg-error` */
  onCgError?: (event: CustomEvent<CgErrorDetail>) => void
}

declare module 'vue' {
  interface GlobalComponents {
    'cg-settings': new () => CgSettings & { $props: CgSettingsVueProps }
  }
}
