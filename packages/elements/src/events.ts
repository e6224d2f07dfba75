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
  /** One of ours, or the id of a host page's slotted tab (`slot="tab:<id>"`). */
  tab: TabId | (string & {})
  previous: TabId | (string & {}) | null
}

export interface CgErrorDetail {
  /**
   * The API's error code (`PGRST301` for a refused token, `42501` for a refused role, …), or one of the
   * element's own: `network`, `timeout`, `bad_response`, `token_missing`, `token_invalid`, `token_expired`,
   * `token_provider`.
   */
  code: string
  /** What went wrong, for the developer (the user is shown plain words instead). */
  message: string
  /** The HTTP status; `0` when no answer came (the network, a timeout, a token problem found before sending). */
  status: number
}

/** The events `<cg-settings>` fires, by name. */
export interface CgEventMap {
  'cg-saved': CustomEvent<CgSavedDetail>
  'cg-navigate': CustomEvent<CgNavigateDetail>
  'cg-error': CustomEvent<CgErrorDetail>
}

// The events bubble and are composed: typed on the element, and on the document and window they reach.
declare global {
  interface HTMLElementEventMap extends CgEventMap {}
  interface DocumentEventMap extends CgEventMap {}
  interface WindowEventMap extends CgEventMap {}
}

/** Dispatches a typed event that crosses shadow roots to reach the host page. */
export function emit<K extends keyof CgEventMap>(
  target: EventTarget,
  name: K,
  detail: CgEventMap[K]['detail'],
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }),
  )
}
