/**
 * @module A tab's fields and list columns from its contract. Each field's label, help, control, options, whether it
 * is required and its maximum length are declared once, in packages/contracts, with `ui()`; a tab names the fields it
 * shows, in order, and overrides only what differs.
 */
import { type FieldUi, fieldUi } from '@connectgain/contracts/field-ui'
import { msg } from '@lit/localize'
import type * as z from 'zod/mini'
import type { ListColumn } from './cg-resource-list.ts'
import type { FieldSpec } from './fields.ts'
import type { Schema } from './resource.ts'

type Node = z.core.$ZodType

/** What the contract says of one field. */
interface Described {
  ui: FieldUi
  required: boolean
  type: string
  maxlength?: number
  values?: string[]
}

/** The field `name` of an object schema, unwrapped (optional, default, nullable), with its `ui()` from any layer. */
function describe(schema: Schema, name: string): Described {
  const shape = (schema as unknown as z.core.$ZodObject)._zod.def.shape ?? {}
  let node = shape[name] as Node | undefined
  if (!node) throw new Error(`the contract has no field '${name}'`)
  let ui = fieldUi.get(node)
  const outer = node._zod.def.type
  const required = outer !== 'optional' && outer !== 'default'
  while (['optional', 'default', 'nullable'].includes(node._zod.def.type)) {
    node = (node._zod.def as unknown as { innerType: Node }).innerType
    ui ??= fieldUi.get(node)
  }
  if (!ui) throw new Error(`the contract's field '${name}' declares no ui()`)
  const def = node._zod.def as { type: string; checks?: Node[]; entries?: Record<string, string> }
  const max = def.checks
    ?.map((c) => c._zod.def as { check?: string; maximum?: number })
    .find((c) => c.check === 'max_length')?.maximum
  return {
    ui,
    required,
    type: def.type,
    ...(max !== undefined ? { maxlength: max } : {}),
    ...(def.entries ? { values: Object.values(def.entries) } : {}),
  }
}

// The contract's English, translated by its message ids (the Spanish lives in the tab's .es.ts, checked by the
// catalog test against the contracts' declared ids).
const label = (ui: FieldUi) => msg(ui.label, { id: ui.id })
const help = (ui: FieldUi) => (ui.help ? msg(ui.help, { id: `${ui.id}.help` }) : '')
const optionLabel = (ui: FieldUi, value: string) =>
  msg(ui.options?.[value] ?? value, { id: `${ui.id}.${value}` })

/** The label of a contract field, in the UI's language. */
export const labelOf = (schema: Schema, name: string): string => label(describe(schema, name).ui)

/** The form field for `name`, from the contract; `override` replaces what differs. */
export function fieldOf(schema: Schema, name: string, override: Partial<FieldSpec> = {}): FieldSpec {
  const d = describe(schema, name)
  const base = { name, label: label(d.ui), help: help(d.ui), required: d.required }
  const options = () =>
    (d.ui.options ? Object.keys(d.ui.options) : (d.values ?? [])).map((value) => ({
      value,
      label: optionLabel(d.ui, value),
    }))
  const format = d.ui.format ?? (d.type === 'boolean' ? 'toggle' : d.values ? 'select' : 'text')
  const max = d.maxlength ? { maxlength: d.maxlength } : {}
  const field: FieldSpec =
    format === 'select' || format === 'radio'
      ? { ...base, kind: format, options: options() }
      : format === 'multiline'
        ? { ...base, kind: 'textarea', ...max }
        : format === 'text'
          ? { ...base, kind: 'text', ...max }
          : { ...base, kind: format }
  return { ...field, ...override } as FieldSpec
}

/** The form fields for `names`, in order; `overrides` by name. */
export const fieldsOf = (
  schema: Schema,
  names: readonly string[],
  overrides: Readonly<Record<string, Partial<FieldSpec>>> = {},
): FieldSpec[] => names.map((name) => fieldOf(schema, name, overrides[name]))

/** A list column for `name`: its header from the contract, an enum's value in words; `override` for the rest. */
export function columnOf<Row>(
  schema: Schema,
  name: keyof Row & string,
  override: Partial<ListColumn<Row>> = {},
): ListColumn<Row> {
  const d = describe(schema, name)
  const column: ListColumn<Row> = { key: name, label: label(d.ui) }
  if (d.values || d.ui.options) {
    column.render = (row) => optionLabel(d.ui, String((row as Record<string, unknown>)[name]))
  }
  return { ...column, ...override }
}
