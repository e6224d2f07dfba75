/** @module What every section does through the tab it is in: speak in its toasts, define its form's controls. */
import { msg } from '@lit/localize'
import type { ReactiveElement } from 'lit'
import type { CgToastRegion, ToastKind } from '../../form/cg-toast.ts'
import { controlsReady, type FieldSpec } from '../fields.ts'

/** Shows `text` in the tab's `<cg-toast-region>` (the tab renders one, once). */
export function toast(host: ReactiveElement, text: string, kind: ToastKind): void {
  host.renderRoot.querySelector<CgToastRegion>('cg-toast-region')?.show(text, kind)
}

/** What a form that could not load its controls says: a chunk that did not come is the network's fault. */
export const offlineText = (): string =>
  msg('Could not reach the server. Check your connection.', { id: 'kit.offline' })

/**
 * Defines the form controls `fields` draw (each kind's module once per page); resolves to whether they are.
 * False means a module could not be fetched: the member is told, and may try again.
 */
export async function controlsLoaded(fields: () => FieldSpec[] | Promise<FieldSpec[]>): Promise<boolean> {
  try {
    await controlsReady(await fields())
    return true
  } catch {
    return false
  }
}
