/**
 * @module Field declarations: a tab says what each field is; `renderField` draws the form-kit control, bound to the
 * form, and loads that control's module the first time a field of its kind is drawn (`controlsReady` awaits them).
 */
import type { FieldIssue } from '@connectgain/contracts/errors'
import { msg } from '@lit/localize'
import { html } from 'lit'
import type { RadioOption } from '../form/cg-radio-group.ts'
import type { SelectOption } from '../form/cg-select.ts'
import { type ControlKind, controls } from '../form/control-loaders.ts'
import { type IssueMessages, localizeIssue } from './issues.ts'

/** What a field reads of its form: a `ResourceController` (REST) or a `FunctionController` (a function's body). */
export interface FormState {
  values: Record<string, unknown>
  errors: Record<string, FieldIssue>
}

interface FieldBase {
  /** The column it edits: the key in the form's values and in the server's error details. */
  name: string
  label: string
  help?: string
  required?: boolean
  /** This field's own wording of some issues (the kit words the rest). */
  messages?: IssueMessages
}

/** One field of a tab's form. */
export type FieldSpec = FieldBase &
  (
    | { kind: 'text'; maxlength?: number; placeholder?: string }
    | { kind: 'textarea'; maxlength?: number; rows?: number }
    | { kind: 'select'; options: SelectOption[] }
    | { kind: 'toggle' }
    | { kind: 'color' }
    | { kind: 'radio'; options: RadioOption[]; inline?: boolean }
    /**
     * A secret typed masked, with Reveal (a password, an access token): write-only, so a saved one shows empty, the
     * placeholder saying so (e.g. "Saved: type a new one to replace it").
     */
    | { kind: 'secret'; placeholder?: string }
    /** An ISO 8601 instant edited in local time; `min` (ISO) is the earliest the picker offers. */
    | { kind: 'datetime'; min?: string }
    /**
     * A control the tab draws itself (its module stays in the tab's chunk): given the raw value, the field's
     * issue in the UI language and whether the form is read-only.
     */
    | { kind: 'custom'; render: (value: unknown, error: string, readonly: boolean) => unknown }
  )

/** The loads asked for, by kind: each module is fetched once per page. */
const loads = new Map<ControlKind, Promise<unknown>>()

function loadControl(kind: ControlKind): Promise<unknown> {
  let load = loads.get(kind)
  if (!load) {
    const control = controls[kind]
    // Defined already (a host or a tab imported it): nothing to fetch.
    load = customElements.get(control.tag)
      ? Promise.resolve()
      : control.load().catch((err: unknown) => {
          loads.delete(kind) // offline, say: the next draw or `controlsReady` asks again
          throw err
        })
    loads.set(kind, load)
  }
  return load
}

/**
 * Resolves once the control of every field in `fields` is defined, so a form drawn after it shows upgraded
 * controls at once (labels, values, focus); rejects when one could not be fetched. A tab awaits it before it
 * first shows a form, under its loading state.
 */
export async function controlsReady(fields: readonly FieldSpec[]): Promise<void> {
  await Promise.all(fields.flatMap((field) => (field.kind === 'custom' ? [] : [loadControl(field.kind)])))
}

/**
 * `field` as a value written and never read back (a password, a token): typed masked; when one is saved, empty,
 * not required, and its placeholder says so.
 */
export const writeOnly = (field: FieldSpec, saved: boolean): FieldSpec =>
  ({
    ...field,
    kind: 'secret',
    required: !!field.required && !saved,
    placeholder: saved ? msg('Saved: type a new one to replace it', { id: 'kit.secret-saved' }) : '',
  }) as FieldSpec

/** Options from labels keyed by value; type the labels `Record<Contract['column'], …>` to cover the contract's enum. */
export const optionsOf = (labels: Record<string, () => string>): SelectOption[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label: label() }))

/**
 * The control for `field`, showing the form's value and the field's issue in the UI's language. Its element
 * upgrades when its module has loaded (started here, if nothing asked before).
 */
export function renderField(field: FieldSpec, form: FormState, readonly: boolean) {
  // A failed load is `controlsReady`'s to report; the next draw asks again.
  if (field.kind !== 'custom' && !loads.has(field.kind)) loadControl(field.kind).catch(() => {})
  const raw = form.values[field.name]
  const value = raw === null || raw === undefined ? '' : String(raw)
  const issue = form.errors[field.name]
  const error = issue ? localizeIssue(issue, field.messages) : ''
  const { name, label, help = '', required = false } = field
  switch (field.kind) {
    case 'text':
      return html`<cg-text-field name=${name} label=${label} help=${help} .value=${value} .error=${error}
        ?readonly=${readonly} ?required=${required} .maxlength=${field.maxlength}
        placeholder=${field.placeholder ?? ''}></cg-text-field>`
    case 'textarea':
      return html`<cg-textarea name=${name} label=${label} help=${help} .value=${value} .error=${error}
        ?readonly=${readonly} ?required=${required} .maxlength=${field.maxlength}
        rows=${field.rows ?? 4}></cg-textarea>`
    case 'select':
      return html`<cg-select name=${name} label=${label} help=${help} .options=${field.options} .value=${value}
        .error=${error} ?readonly=${readonly} ?required=${required}></cg-select>`
    case 'toggle':
      return html`<cg-toggle name=${name} label=${label} help=${help} .value=${raw === true} .error=${error}
        ?readonly=${readonly}></cg-toggle>`
    case 'color':
      return html`<cg-color-field name=${name} label=${label} help=${help} .value=${value} .error=${error}
        ?readonly=${readonly} ?required=${required}></cg-color-field>`
    case 'radio':
      return html`<cg-radio-group name=${name} label=${label} help=${help} .options=${field.options}
        .value=${value} .error=${error} ?readonly=${readonly} ?required=${required}
        ?inline=${field.inline ?? false}></cg-radio-group>`
    case 'datetime':
      return html`<cg-datetime name=${name} label=${label} help=${help} .value=${value} .error=${error}
        min=${field.min ?? ''} ?readonly=${readonly} ?required=${required}></cg-datetime>`
    case 'secret':
      return html`<cg-secret-field name=${name} label=${label} help=${help} .value=${value} .error=${error}
        ?readonly=${readonly} ?required=${required} placeholder=${field.placeholder ?? ''}></cg-secret-field>`
    case 'custom':
      return field.render(raw, error, readonly)
  }
}
