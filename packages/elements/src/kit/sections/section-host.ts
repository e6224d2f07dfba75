/**
 * @module What every section does through the tab it is in: speak in its toasts, define its form's controls, and
 * submit its form on Enter.
 */
import type { FieldIssue } from '@connectgain/contracts/errors'
import { msg, str } from '@lit/localize'
import { html, type ReactiveElement } from 'lit'
import type { CgToastRegion, ToastKind, ToastMessage } from '../../form/cg-toast.ts'
import { controlsReady, type FieldSpec } from '../fields.ts'

/** Shows `text` in the tab's `<cg-toast-region>` (the tab renders one, once). */
export function toast(host: ReactiveElement, text: ToastMessage, kind: ToastKind): void {
  host.renderRoot.querySelector<CgToastRegion>('cg-toast-region')?.show(text, kind)
}

/**
 * The toast of a form whose fields are at fault: "Check 2 fields: Name, Currency.", each name a button that focuses
 * its field (in `form`, the form's selector). A toast sits in a corner, far from the form, so it names them.
 */
export function checkFields(
  host: ReactiveElement,
  errors: Record<string, FieldIssue>,
  fields: readonly FieldSpec[],
  form = 'form',
) {
  const names = Object.keys(errors)
  const count = names.length
  const lead =
    count === 1
      ? msg('Check 1 field:', { id: 'kit.check-field' })
      : msg(str`Check ${count} fields:`, { id: 'kit.check-fields' })
  const control = (name: string) =>
    host.renderRoot.querySelector<HTMLElement & { label?: string }>(`${form} [name="${CSS.escape(name)}"]`)
  // A field the tab draws itself declares no label: its control has one.
  return html`${lead} ${names.map(
    (name, i) =>
      html`${i ? ', ' : ''}<button type="button" @click=${() => control(name)?.focus()}>${
        fields.find((field) => field.name === name)?.label || control(name)?.label || name
      }</button>`,
  )}.`
}

/** Text inputs whose Enter submits: a native form does so, a form of shadow-DOM controls needs telling. */
const SUBMITS = /^(text|email|url|search|tel|number|password|date|datetime-local|time)$/

/**
 * `@keydown` of a kit form: Enter in a single-line input submits the form, as in a native form; not in a textarea
 * (a new line), a button, a radio, nor while a combobox's list is open or a control took the key.
 */
export function submitOnEnter(event: KeyboardEvent): void {
  const input = event.composedPath()[0]
  if (
    event.key !== 'Enter' ||
    event.defaultPrevented ||
    event.isComposing ||
    event.repeat ||
    !(input instanceof HTMLInputElement) ||
    !SUBMITS.test(input.type) ||
    input.getAttribute('aria-expanded') === 'true'
  )
    return
  event.preventDefault()
  ;(event.currentTarget as HTMLFormElement).requestSubmit()
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
