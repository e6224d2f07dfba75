/**
 * @module How a contract's field is shown: its label and help in English with the message id the element translates
 * them by, the control when the type alone does not say, and its options' labels. Declared once, here, beside the
 * rule; the element derives a tab's form fields and list columns from it (kit/contract-fields.ts).
 */
import * as z from 'zod/mini'

/** The control for a field whose type does not decide it (a color and a long text are both strings). */
export type FieldFormat =
  | 'text'
  | 'multiline'
  | 'color'
  | 'datetime'
  | 'radio'
  | 'select'
  | 'toggle'
  | 'secret'

export interface FieldUi {
  /** The label's message id; `<id>.help` names the help and `<id>.<value>` each option's label. */
  id: string
  /** The label in English. */
  label: string
  /** One sentence under the control, in English. */
  help?: string
  format?: FieldFormat
  /** An enum's values' labels in English, in the order the control lists them. */
  options?: Readonly<Record<string, string>>
}

/** Every field's `FieldUi`, by schema (a WeakMap inside: the element reads it where it has the schema). */
export const fieldUi = z.registry<FieldUi>()

/** Every declared `FieldUi`, by message id: what the element's string catalog test reads. */
export const declaredFieldUi = new Map<string, FieldUi>()

/**
 * `schema`, shown as `ui` says. Put it on the field as its insert contract declares it (outside a default). Its
 * registrations only matter for a schema in use, so bundlers may drop a call whose schema nothing uses.
 */
/* @__NO_SIDE_EFFECTS__ */
export function ui<T extends z.ZodMiniType>(schema: T, meta: FieldUi): T {
  fieldUi.add(schema, meta)
  declaredFieldUi.set(meta.id, meta)
  return schema
}
