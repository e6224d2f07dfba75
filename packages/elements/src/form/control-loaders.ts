/**
 * @module Each form control's tag and its module, a chunk of its own: the kit loads one when it first draws a
 * field of its kind, and the shell may load a tab's controls beside the tab (tabs/first-requests.ts).
 */

/** The kinds of field the kit draws with a control of its own. */
export type ControlKind =
  | 'text'
  | 'textarea'
  | 'select'
  | 'toggle'
  | 'color'
  | 'radio'
  | 'datetime'
  | 'secret'

export const controls: Record<ControlKind, { tag: string; load: () => Promise<unknown> }> = {
  text: { tag: 'cg-text-field', load: () => import('./cg-text-field.ts') },
  textarea: { tag: 'cg-textarea', load: () => import('./cg-textarea.ts') },
  select: { tag: 'cg-select', load: () => import('./cg-select.ts') },
  toggle: { tag: 'cg-toggle', load: () => import('./cg-toggle.ts') },
  color: { tag: 'cg-color-field', load: () => import('./cg-color-field.ts') },
  radio: { tag: 'cg-radio-group', load: () => import('./cg-radio-group.ts') },
  datetime: { tag: 'cg-datetime', load: () => import('./cg-datetime.ts') },
  secret: { tag: 'cg-secret-field', load: () => import('./cg-secret-field.ts') },
}
