/**
 * @module FunctionController: a tab's calls to one function (`POST /functions/v1/<name>`): the form that builds
 * its body, the contract's check before sending, and the server's field issues mapped onto the fields.
 */
import { toFieldIssues } from '@connectgain/contracts/issues'
import { canCall, type FunctionName } from '@connectgain/contracts/permissions'
import { ContextConsumer } from '@lit/context'
import type { ReactiveElement } from 'lit'
import * as z from 'zod/mini'
import { type ApiClient, ApiRequestError } from '../api/client.ts'
import { apiContext, sessionContext } from '../context.ts'
import { ActionKey } from './action-key.ts'
import { busyError, byField, FormModel, same, type Values } from './form-model.ts'
import type { Schema } from './resource.ts'

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
export function callFunction<T>(
  api: ApiClient,
  name: FunctionName,
  body: unknown,
  idempotencyKey?: string,
): Promise<T> {
  return api.request<T>(`/functions/v1/${name}`, { method: 'POST', body, idempotencyKey })
}

/**
 * Takes the API client and session from the shell's context, like `ResourceController`. Its form half
 * (`values`, `errors`, `onFieldChange`, `submit()`) is what `renderField` binds a dialog's fields to; `call()`
 * sends a body of the tab's own (a row action). Failures are values; field issues land in `errors`.
 */
export class FunctionController<Result> extends FormModel {
  /** A call is in flight: another is refused until it settles (one click, one request). */
  busy = false

  /** The body the issues in `errors` are about. */
  private checked: Values = {}
  /** Sending the same body again after a failure (a timeout that did go through) is the same action. */
  private readonly action = new ActionKey()
  private readonly api: ContextConsumer<typeof apiContext, ReactiveElement>
  private readonly session: ContextConsumer<typeof sessionContext, ReactiveElement>

  constructor(
    host: ReactiveElement,
    readonly spec: FunctionSpec,
  ) {
    super(host)
    this.api = new ContextConsumer(host, { context: apiContext, subscribe: true })
    this.session = new ContextConsumer(host, { context: sessionContext, subscribe: true })
  }

  /** Whether the member's role may call the function (the server checks again). */
  get canCall(): boolean {
    const session = this.session.value
    return session ? canCall(session.role, this.spec.name) : false
  }

  /** Starts the form over from `values` (the spec's `initial` ones by default). */
  override reset(values: Values = this.spec.initial?.() ?? {}): void {
    super.reset(values)
  }

  override set(name: string, value: unknown): void {
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

  /** Sends `body` (checked by the contract first); while a call is in flight, a second one sends nothing. */
  async call(body: Values): Promise<CallResult<Result>> {
    if (this.busy) return { ok: false, reason: 'failed', error: busyError() }
    const api = this.api.value
    if (!api)
      return { ok: false, reason: 'failed', error: new ApiRequestError(401, 'PGRST301', 'Not signed in') }
    const parsed = this.parse(body)
    this.checked = body
    const refused = this.refusals(parsed.success ? {} : byField(toFieldIssues(parsed.error)))
    if (refused || !parsed.success) {
      this.errors = refused ?? {}
      this.host.requestUpdate()
      return { ok: false, reason: 'invalid' }
    }
    this.busy = true
    this.errors = {}
    this.host.requestUpdate()
    try {
      const key = this.action.for(parsed.data)
      const value = await callFunction<Result>(api, this.spec.name, parsed.data, key)
      this.action.done()
      return { ok: true, value }
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
