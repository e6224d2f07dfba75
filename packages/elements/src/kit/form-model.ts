/**
 * @module FormModel: the form half both controllers share (`ResourceController` for REST rows, `FunctionController`
 * for a function's body): the values being edited, where they started, the issues under the fields, and the
 * `@cg-field-change` handler that `renderField`'s controls report to.
 */
import type { FieldIssue } from '@connectgain/contracts/errors'
import type { ReactiveElement } from 'lit'
import type { FieldChangeDetail } from '../form/field-element.ts'

export type Values = Record<string, unknown>

/** Equal as a form sees them: a missing value, null and '' are all "empty". */
export const same = (a: unknown, b: unknown) => JSON.stringify(a ?? '') === JSON.stringify(b ?? '')

/** The first issue of each field. */
export const byField = (issues: readonly FieldIssue[]): Record<string, FieldIssue> => {
  const out: Record<string, FieldIssue> = {}
  for (const issue of issues) out[issue.field] ??= issue
  return out
}

export abstract class FormModel {
  /** The form's values and the issues shown under its fields. */
  values: Values = {}
  errors: Record<string, FieldIssue> = {}
  /** Where the values started: the last load or save, or the form's initial values. */
  protected initial: Values = {}

  constructor(protected readonly host: ReactiveElement) {}

  /** The fields whose value differs from where the form started. */
  get changes(): Values {
    return Object.fromEntries(Object.entries(this.values).filter(([k, v]) => !same(v, this.initial[k])))
  }

  /** Whether the form differs from where it started. */
  get dirty(): boolean {
    return Object.keys(this.changes).length > 0
  }

  /** Starts the form over from `values`. */
  reset(values: Values): void {
    this.initial = { ...values }
    this.values = { ...values }
    this.errors = {}
    this.host.requestUpdate()
  }

  /** Use as `@cg-field-change=${controller.onFieldChange}` on the form. */
  readonly onFieldChange = (event: CustomEvent<FieldChangeDetail>): void => {
    this.set(event.detail.name, event.detail.value)
  }

  /** Sets one field; the controller decides which issues to check again. */
  abstract set(name: string, value: unknown): void
}
