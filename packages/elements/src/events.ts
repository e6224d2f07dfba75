/** @module The events `<cg-settings>` fires for its host page (bubbles + composed), typed in HTMLElementEventMap. */
import type { TabId } from '@connectgain/contracts/tabs'

export interface CgSavedDetail {
  /** The tab whose form was saved. */
  tab: TabId
  /** The resource written, e.g. "organizations". */
  resource: string
  /** The row as the server returned it. */
  value: Record<string, unknown>
}

export interface CgNavigateDetail {
  tab: TabId
  previous: TabId | null
}

export interface CgErrorDetail {
  /** The error envelope's code (`PGRST301`, `42501`, …) or `network`. */
  code: string
  message: string
  status: number
}

declare global {
  interface HTMLElementEventMap {
    'cg-saved': CustomEvent<CgSavedDetail>
    'cg-navigate': CustomEvent<CgNavigateDetail>
    'cg-error': CustomEvent<CgErrorDetail>
  }
}

type CgEventName = 'cg-saved' | 'cg-navigate' | 'cg-error'

/** Dispatches a typed event that crosses shadow roots to reach the host page. */
export function emit<K extends CgEventName>(
  target: EventTarget,
  name: K,
  detail: HTMLElementEventMap[K]['detail'],
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }),
  )
}
