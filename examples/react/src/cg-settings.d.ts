// Teaches JSX about <cg-settings>: its attributes as React 19 passes them to a custom element.
// Properties that are not attributes (tokenProvider) are set through a ref.
import type { CgSettings } from '@connectgain/elements'
import type { DetailedHTMLProps, HTMLAttributes } from 'react'

interface CgSettingsAttributes extends HTMLAttributes<CgSettings> {
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
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'cg-settings': DetailedHTMLProps<CgSettingsAttributes, CgSettings>
    }
  }
}
