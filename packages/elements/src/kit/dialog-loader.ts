/**
 * @module `<cg-dialog>` is a chunk of its own, loaded the first time a dialog opens: a tab's first open (and every
 * host page) carries none. Call `dialogReady()` before `show()`; until then a `<cg-dialog>` is not drawn
 * (`dialogStyles` in the host's styles hides it and its slotted text).
 */
import { css } from 'lit'

export const dialogReady = (): Promise<unknown> => import('./cg-dialog.ts')

export const dialogStyles = css`
  cg-dialog:not(:defined) {
    display: none;
  }
`
