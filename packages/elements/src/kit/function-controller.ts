/**
 * @module FunctionController: a tab's calls to one function (`POST /functions/v1/<name>`): the form that builds
 * its body, the contract's check before sending, and the server's field issues mapped onto the fields.
 */
import type { FieldIssue } from '@connectgain/contracts/errors'
import { toFieldIssues } from '@connectgain/contracts/issues'
import { canCall, type FunctionName } from '@connectgain/contracts/permissions'
import { ContextConsumer } from '@lit/context'
import type { ReactiveElement } from 'lit'
import * as z from 'zod/mini'
import { type ApiClient, ApiRequestError } from '../api/client.ts'
import { apiContext, sessionContext } from '../context.ts'
import type { FieldChangeDetail } from '../form/field-element.ts'
import type { Schema } from './resource.ts'

type Values = Record<string, unknown>

/** How a call went, as a value: its answer, a body the contract refused (nothing sent), or the server's refusal. */
export type CallResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'failed'; error: ApiRequestError }

/** A failed call. */
export type CallFailure = Exclude<CallResult<unknown>, { ok: true }>

/** The function a tab calls. */
export interface FunctionSpec {
  name: FunctionName
  /** The contract's request schema: a body is checked with it (and sent as it parses) before it goes. */
  schema?: Schema
  /** The body from the form's values (the values themselves by default): e.g. "30 days" → an `expires_at`. */
  body?: (values: Values) => Values
  /** The form's values when it starts (`reset()`), e.g. a preset chosen. */
  initial?: () => Values
}

/** `POST /functions/v1/<name>` with `body`; resolves to the answer, throws `ApiRequestError`. */
export function callFunction<T>(api: ApiClient, name: FunctionName, body: unknown): Promise<T> {
  return api.request<T>(`/functions/v1/${name}`, { method: 'POST', body })
}

/** The first issue of each field. */
const byField = (issues: readonly FieldIssue[]): Record<string, FieldIssue> => {
  const out: Record<string, FieldIssue> = {}
  for (const issue of issues) out[issue.field] ??= issue
  return out
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? '') === JSON.stringify(b ?? '')

/**
 * Takes the API client and session from the shell's context, like `ResourceController`. Its form half
 * (`values`, `errors`, `onFieldChange`, `submit()`) is what `renderField` binds a dialog's fields to; `call()`
 * sends a body of the tab's own (a row action). Failures are values; field issues land in `errors`.
 */
export class FunctionController<Result> {
  /** The form's values and the issues shown under its fields. */
  values: Values = {}
  errors: Record<string, FieldIssue> = {}
  /** A call is in flight. */
  busy = false

  private initial: Values = {}
  /** The body the issues in `errors` are about. */
  private checked: Values = {}
  private readonly api: ContextConsumer<typeof apiContext, ReactiveElement>
  private readonly session: ContextConsumer<typeof sessionContext, ReactiveElement>

  constructor(
    private readonly host: ReactiveElement,
    readonly spec: FunctionSpec,
  ) {
    this.api = new ContextConsumer(host, { context: apiContext, subscribe: true })
    this.session = new ContextConsumer(host, { context: sessionContext, subscribe: true })
  }

  /** Whether the member's role may call the function (the server checks again). */
  get canCall(): boolean {
    const session = this.session.value
    return session ? canCall(session.role, this.spec.name) : false
  }

  /** Whether the form differs from where it started. */
  get dirty(): boolean {
    return Object.keys(this.values).some((k) => !same(this.values[k], this.initial[k]))
  }

  /** Starts the form over from `values` (the spec's `initial` ones by default). */
  reset(values: Values = this.spec.initial?.() ?? {}): void {
    this.initial = { ...values }
    this.values = { ...values }
    this.errors = {}
    this.host.requestUpdate()
  }

  /** Use as `@cg-field-change=${fn.onFieldChange}` on the form. */
  readonly onFieldChange = (event: CustomEvent<FieldChangeDetail>): void => {
    this.set(event.detail.name, event.detail.value)
  }

  set(name: string, value: unknown): void {
    this.values = { ...this.values, [name]: value }
    this.recheck()
    this.host.requestUpdate()
  }

  /**
   * A field that shows an issue is checked again once its value in the body changes (one form value may feed
   * several body fields, e.g. a preset and a date); an issue about a value still unchanged stays.
   */
  private recheck(): void {
    const body = this.body()
    const changed = Object.keys(this.errors).filter((field) => !same(body[field], this.checked[field]))
    if (!changed.length) return
    const parsed = this.parse(body)
    const now = parsed.success ? {} : byField(toFieldIssues(parsed.error))
    const errors = { ...this.errors }
    for (const field of changed) {
      const issue = now[field]
      if (issue) errors[field] = issue
      else delete errors[field]
    }
    this.errors = errors
    this.checked = body
  }

  private body(): Values {
    return this.spec.body ? this.spec.body(this.values) : this.values
  }

  private parse(body: Values) {
    const { schema } = this.spec
    return schema ? z.safeParse(schema, body) : ({ success: true, data: body } as const)
  }

  /** Sends the form's body: checked by the contract first; issues (the browser's or the server's) go to `errors`. */
  submit(): Promise<CallResult<Result>> {
    return this.call(this.body())
  }

  /** Sends `body` (checked by the contract first). */
  async call(body: Values): Promise<CallResult<Result>> {
    const api = this.api.value
    if (!api)
      return { ok: false, reason: 'failed', error: new ApiRequestError(401, 'PGRST301', 'Not signed in') }
    const parsed = this.parse(body)
    this.checked = body
    if (!parsed.success) {
      this.errors = byField(toFieldIssues(parsed.error))
      this.host.requestUpdate()
      return { ok: false, reason: 'invalid' }
    }
    this.busy = true
    this.errors = {}
    this.host.requestUpdate()
    try {
      return { ok: true, value: await callFunction<Result>(api, this.spec.name, parsed.data) }
    } catch (err) {
      if (!(err instanceof ApiRequestError)) throw err // not an HTTP failure: a bug, not a value
      this.errors = err.fieldIssues
      return { ok: false, reason: 'failed', error: err }
    } finally {
      this.busy = false
      this.host.requestUpdate()
    }
  }
}
