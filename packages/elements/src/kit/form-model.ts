/**
 * @module FormModel: the form half both controllers share (`ResourceController` for REST rows, `FunctionController`
 * for a function's body): the values being edited, where they started, the issues under the fields, and the
 * `@cg-field-change` handler that `renderField`'s controls report to.
 */
import type { FieldIssue } from '@connectgain/contracts/errors'
import { msg } from '@lit/localize'
import type { ReactiveElement } from 'lit'
import { ApiRequestError } from '../api/client.ts'
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

/**
 * What a controller answers to a second request while its first is in flight: nothing is sent. The kit's buttons
 * ignore a second trigger before it gets here; a tab's own second call reads this (a 409, so its words are shown).
 */
export const busyError = (): ApiRequestError =>
  new ApiRequestError(
    409,
    'busy',
    msg('Still working on the last request. Try again in a moment.', { id: 'kit.busy' }),
  )

export abstract class FormModel {
  /** The form's values and the issues shown under its fields. */
  values: Values = {}
  errors: Record<string, FieldIssue> = {}
  /** Where the values started: the last load or save, or the form's initial values. */
  protected initial: Values = {}
  /**
   * Issues the controls report themselves (text typed in a combobox that names no option): each stays shown under
   * its field, and the form is not sent while one does, whatever the contract says of the values.
   */
  protected held: Record<string, FieldIssue> = {}

  constructor(protected readonly host: ReactiveElement) {}

  /** The fields whose value differs from where the form started. */
  get changes(): Values {
    return Object.fromEntries(Object.entries(this.values).filter(([k, v]) => !same(v, this.initial[k])))
  }

  /** Whether the form differs from where it started (text a control holds but could not take counts). */
  get dirty(): boolean {
    return Object.keys(this.changes).length > 0 || Object.keys(this.held).length > 0
  }

  /** Starts the form over from `values`. */
  reset(values: Values): void {
    this.initial = { ...values }
    this.values = { ...values }
    this.errors = {}
    this.held = {}
    this.host.requestUpdate()
  }

  /** Use as `@cg-field-change=${controller.onFieldChange}` on the form. */
  readonly onFieldChange = (event: CustomEvent<FieldChangeDetail>): void => {
    const { name, value, invalid } = event.detail
    if (this.held[name]) {
      // Settled by this change: the controller checks the field anew when the form is sent.
      const { [name]: _held, ...held } = this.held
      const { [name]: _shown, ...errors } = this.errors
      this.held = held
      this.errors = errors
    }
    this.set(name, value)
    if (invalid) {
      const issue: FieldIssue = { field: name, issue: 'invalid_value', message: invalid }
      this.held = { ...this.held, [name]: issue }
      this.errors = { ...this.errors, [name]: issue }
    }
  }

  /** The issues that stop a send: the contract's (`issues`) and those the controls hold; none means send. */
  protected refusals(issues: Record<string, FieldIssue>): Record<string, FieldIssue> | undefined {
    const all = { ...issues, ...this.held }
    return Object.keys(all).length ? all : undefined
  }

  /** Sets one field; the controller decides which issues to check again. */
  abstract set(name: string, value: unknown): void
}
