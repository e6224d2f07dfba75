/** @module FormController: binds a form to a contract zod schema; the same schema the server validates with. */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { z } from 'zod'
import { ApiRequestError } from '../api/client.ts'
import type { FieldChangeDetail } from './field-element.ts'

type Values = Record<string, unknown>

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Holds a form's values, the values last loaded or saved, per-field errors (from the client parse
 * and from the server's envelope `details`), and whether a save is in flight.
 */
export class FormController<S extends z.ZodType<Values>> implements ReactiveController {
  values: Values = {}
  errors: Record<string, string> = {}
  saving = false
  private initial: Values = {}

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly schema: S,
  ) {
    host.addController(this)
  }

  hostConnected(): void {}

  /** Starts over from `values` (after a load or a save). */
  reset(values: Values): void {
    this.initial = { ...values }
    this.values = { ...values }
    this.errors = {}
    this.host.requestUpdate()
  }

  /** The fields whose value differs from the last load or save. */
  get changes(): Values {
    return Object.fromEntries(Object.entries(this.values).filter(([k, v]) => !same(v, this.initial[k])))
  }

  get dirty(): boolean {
    return Object.keys(this.changes).length > 0
  }

  /** Use as `@cg-field-change=${form.onFieldChange}` on a container of controls. */
  readonly onFieldChange = (event: CustomEvent<FieldChangeDetail>): void => {
    this.set(event.detail.name, event.detail.value)
  }

  set(name: string, value: unknown): void {
    this.values = { ...this.values, [name]: value }
    // A field that showed an error is re-checked as the user fixes it.
    if (this.errors[name]) this.errors = { ...this.errors, [name]: this.check()[name] ?? '' }
    this.host.requestUpdate()
  }

  /** Errors of the changed fields by the schema, keyed by field. */
  private check(): Record<string, string> {
    const result = this.schema.safeParse(this.changes)
    if (result.success) return {}
    const errors: Record<string, string> = {}
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '')
      errors[field] ??= issue.message
    }
    return errors
  }

  /**
   * Validates the changes and sends them with `save`; the result becomes the new baseline.
   * Returns null (nothing sent) when the client parse fails; server field errors land in `errors`.
   */
  async submit(save: (changes: z.output<S>) => Promise<Values>): Promise<Values | null> {
    this.errors = this.check()
    const parsed = this.schema.safeParse(this.changes)
    if (!parsed.success) {
      this.host.requestUpdate()
      return null
    }
    this.saving = true
    this.host.requestUpdate()
    try {
      const saved = await save(parsed.data)
      this.reset(saved)
      return saved
    } catch (err) {
      if (err instanceof ApiRequestError) this.errors = err.fieldErrors
      throw err
    } finally {
      this.saving = false
      this.host.requestUpdate()
    }
  }
}
