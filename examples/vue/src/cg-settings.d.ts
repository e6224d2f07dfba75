// Teaches vue-tsc about <cg-settings>: its attributes, its tokenProvider property and its events,
// so templates are type-checked (vite.config.ts tells the compiler it is a custom element).
import type {
  CgErrorDetail,
  CgNavigateDetail,
  CgSavedDetail,
  CgSettings,
  TokenProvider,
} from '@connectgain/elements'
import type { HTMLAttributes } from 'vue'

interface CgSettingsProps extends HTMLAttributes {
  /** Base URL of the ConnectGain API; the page's origin when empty. */
  'api-url'?: string
  /** A session token minted by your backend (`POST /functions/v1/sessions`). */
  token?: string
  /** The tab to open, e.g. "organization" (see docs/embedding.md for every id). */
  tab?: string
  /** UI language, a BCP 47 tag ("es", "es-MX"); English when unsupported. */
  locale?: string
  theme?: 'light' | 'dark' | 'auto'
  /** Keep the open tab in the URL hash (`#settings/<tab>`). */
  'sync-hash'?: boolean
  /** A property, not an attribute: bind it with `:tokenProvider.prop`. */
  tokenProvider?: TokenProvider
  onCgSaved?: (event: CustomEvent<CgSavedDetail>) => void
  onCgNavigate?: (event: CustomEvent<CgNavigateDetail>) => void
  onCgError?: (event: CustomEvent<CgErrorDetail>) => void
}

declare module 'vue' {
  interface GlobalComponents {
    'cg-settings': new () => CgSettings & { $props: CgSettingsProps }
  }
}
