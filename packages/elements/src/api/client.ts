/**
 * @module The API client tabs use: fetch with PostgREST conventions, typed envelope errors, token refresh on
 * 401, and a time limit on every request and every tokenProvider call.
 */
import type { FieldIssue } from '@connectgain/contracts/errors'
import { readSession } from '../session.ts'

/**
 * The server's error envelope, or a failure that never reached it as one (`status` 0): `network`, `timeout`,
 * `bad_response` (an answer that is not the API's JSON), `token_provider`, `token_missing`, `token_invalid`,
 * `token_expired`.
 */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
    readonly hint: string | null = null,
  ) {
    super(message)
    this.name = 'ApiRequestError'
  }

  /** The field issues in `details` (`[{ field, message, issue?, params? }]`), first per field, for forms. */
  get fieldIssues(): Record<string, FieldIssue> {
    if (!Array.isArray(this.details)) return {}
    const issues: Record<string, FieldIssue> = {}
    for (const item of this.details as unknown[]) {
      const issue = (item ?? {}) as Partial<FieldIssue>
      if (typeof issue.field === 'string' && typeof issue.message === 'string')
        issues[issue.field] ??= issue as FieldIssue
    }
    return issues
  }
}

/** Called when the element has no token, or the server answered 401; returns a fresh session token. */
export type TokenProvider = () => Promise<string>

/** How long a request or a tokenProvider call may take before it fails with `timeout`, by default. */
export const DEFAULT_TIMEOUT = 15_000

/** `promise`, or `onTimeout()`'s error once `ms` have passed without it settling. */
export function timed<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms)
  })
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer))
}

const providerError = (message: string) =>
  new ApiRequestError(0, 'token_provider', `tokenProvider ${message}`)

export interface ApiClientOptions {
  baseUrl: string
  token?: string | undefined
  tokenProvider?: TokenProvider | undefined
  /** Told about every new token, so the element can keep its session in step. */
  onToken?: (token: string) => void
  /** Told about every failed request (the element turns them into `cg-error` events). */
  onError?: (error: ApiRequestError) => void
  /** Milliseconds a request (or a tokenProvider call) may take; `DEFAULT_TIMEOUT` when unset. */
  timeout?: number | undefined
  fetch?: typeof fetch
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  body?: unknown
  /** `Accept: application/vnd.pgrst.object+json`: one object, 406 unless exactly one row. */
  single?: boolean
  /** `Prefer: return=representation`. */
  returnRepresentation?: boolean
  /** `Prefer: resolution=merge-duplicates`: a POST that updates the row it conflicts with (with `on_conflict=`). */
  upsert?: boolean
  /** `Accept: text/csv`: a GET answers the CSV text itself (a failure still comes as the JSON envelope). */
  csv?: boolean
  /** A POST's `Idempotency-Key`: the one of the action it sends again (`ActionKey`), else a fresh one. */
  idempotencyKey?: string | undefined
  signal?: AbortSignal
}

/** A page of rows and the total the server counted (`Content-Range: 0-24/57`). */
export interface Page<T> {
  rows: T[]
  total: number | null
}

const pageHeaders = (offset: number, limit: number) => ({
  Range: `${offset}-${offset + limit - 1}`,
  Prefer: 'count=exact',
})

/** The total of a `Content-Range` (`0-24/57` → 57, an empty page → 0); null when the server did not count. */
export function totalOf(contentRange: string | null): number | null {
  const total = contentRange?.split('/')[1]
  return total && total !== '*' ? Number(total) : null
}

type Answer = { body: unknown; headers: Headers }

/** What makes two GETs the same request: the path and the headers that change the answer. */
const requestKey = (path: string, options: RequestOptions, extra: Record<string, string>) =>
  JSON.stringify([path, !!options.single, !!options.csv, extra.Range ?? ''])

export class ApiClient {
  private token: string | undefined
  private refreshing: Promise<string> | undefined
  /** GETs sent ahead (`preload`), each taken by the first identical request. */
  private readonly preloaded = new Map<string, Promise<Answer>>()

  constructor(private readonly options: ApiClientOptions) {
    this.token = options.token
  }

  get baseUrl(): string {
    return this.options.baseUrl.replace(/\/+$/, '')
  }

  /** The current token, asking the provider when there is none. */
  async currentToken(): Promise<string | undefined> {
    return this.token ?? (this.options.tokenProvider ? this.refresh() : undefined)
  }

  private get timeout(): number {
    return this.options.timeout || DEFAULT_TIMEOUT
  }

  /** Asks the provider (one call at a time); what it gives must be a session token, in time. */
  private refresh(): Promise<string> {
    const provider = this.options.tokenProvider
    if (!provider) return Promise.reject(new ApiRequestError(401, 'PGRST301', 'No session token'))
    this.refreshing ??= timed(
      Promise.resolve()
        .then(provider)
        .catch((err: unknown) => {
          throw providerError(`failed: ${err instanceof Error ? err.message : String(err)}`)
        }),
      this.timeout,
      () => providerError(`did not answer in ${this.timeout} ms`),
    )
      .then((token: unknown) => {
        if (typeof token !== 'string') throw providerError(`returned ${typeof token}, not a token string`)
        if (!readSession(token)) throw providerError('returned a string that is not a session token')
        this.token = token
        this.options.onToken?.(token)
        return token
      })
      .finally(() => {
        this.refreshing = undefined
      })
    return this.refreshing
  }

  /** Sends a request; on a 401 with a tokenProvider, gets a new token and retries once. */
  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return (await this.exchange<T>(path, options)).body
  }

  /** GETs rows `offset`…`offset + limit - 1` (a `Range` header) with `Prefer: count=exact`. */
  async page<T>(path: string, offset: number, limit: number, signal?: AbortSignal): Promise<Page<T>> {
    const { body, headers } = await this.exchange<T[]>(path, { signal }, pageHeaders(offset, limit))
    return { rows: body, total: totalOf(headers.get('Content-Range')) }
  }

  /**
   * Sends a GET now that a tab will make once its chunk has loaded (a page of rows when `limit` is given): the
   * tab's first identical request takes this answer instead of waiting for a new one. Unused after 10 s.
   */
  preload(
    path: string,
    options: Pick<RequestOptions, 'single'> & { offset?: number; limit?: number } = {},
  ): void {
    const { offset = 0, limit } = options
    const extra = limit ? pageHeaders(offset, limit) : {}
    const key = requestKey(path, options, extra)
    if (this.preloaded.has(key)) return
    const answer = this.attempt(path, options, extra)
    answer.catch(() => {}) // reported when taken, like any request
    this.preloaded.set(key, answer)
    setTimeout(() => this.preloaded.get(key) === answer && this.preloaded.delete(key), 10_000)
  }

  private async exchange<T>(
    path: string,
    options: RequestOptions,
    extra: Record<string, string> = {},
  ): Promise<{ body: T; headers: Headers }> {
    const key = (options.method ?? 'GET') === 'GET' ? requestKey(path, options, extra) : ''
    const preloaded = this.preloaded.get(key)
    this.preloaded.delete(key)
    try {
      return (await (preloaded ?? this.attempt<T>(path, options, extra))) as { body: T; headers: Headers }
    } catch (err) {
      if (err instanceof ApiRequestError) this.options.onError?.(err)
      throw err
    }
  }

  private async attempt<T>(
    path: string,
    options: RequestOptions,
    extra: Record<string, string>,
  ): Promise<{ body: T; headers: Headers }> {
    // One key for the action, the retry after a new token included, so the server runs it once. No
    // randomUUID outside a secure context (a plain http page): then the header is left out.
    const key = options.method === 'POST' && (options.idempotencyKey ?? crypto.randomUUID?.())
    if (key) extra = { ...extra, 'Idempotency-Key': key }
    let answer = await this.send(path, options, await this.currentToken(), extra)
    if (answer.response.status === 401 && this.options.tokenProvider) {
      answer = await this.send(path, options, await this.refresh(), extra)
    }
    const { response, text } = answer
    if (options.csv && response.ok) return { body: text as T, headers: response.headers }
    let body: unknown = null
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      // An HTML page (a wrong api-url served by the host app, a proxy's error page) is not the API.
      throw new ApiRequestError(response.status, 'bad_response', `${this.baseUrl}${path} did not answer JSON`)
    }
    if (!response.ok) {
      const envelope = (body ?? {}) as {
        code?: string
        message?: string
        details?: unknown
        hint?: string | null
      }
      throw new ApiRequestError(
        response.status,
        envelope.code ?? String(response.status),
        envelope.message ?? response.statusText,
        envelope.details ?? null,
        envelope.hint ?? null,
      )
    }
    return { body: body as T, headers: response.headers }
  }

  /** One fetch, its body read, within the time limit; the caller's `signal` aborts it as an AbortError. */
  private async send(
    path: string,
    options: RequestOptions,
    token: string | undefined,
    extra: Record<string, string>,
  ): Promise<{ response: Response; text: string }> {
    const headers: Record<string, string> = {
      Accept: options.csv
        ? 'text/csv'
        : options.single
          ? 'application/vnd.pgrst.object+json'
          : 'application/json',
      ...extra,
    }
    if (token) headers.Authorization = `Bearer ${token}`
    if (options.body !== undefined) headers['Content-Type'] = 'application/json'
    const prefer = [
      options.upsert && 'resolution=merge-duplicates',
      options.returnRepresentation && 'return=representation',
    ].filter(Boolean)
    if (prefer.length) headers.Prefer = prefer.join(',')
    const { signal } = options
    signal?.throwIfAborted()
    const controller = new AbortController()
    const abort = () => controller.abort(signal?.reason)
    signal?.addEventListener('abort', abort)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, this.timeout)
    try {
      const response = await (this.options.fetch ?? fetch)(`${this.baseUrl}${path}`, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: controller.signal,
      })
      return { response, text: await response.text() }
    } catch (err) {
      if (signal?.aborted) throw err
      if (timedOut)
        throw new ApiRequestError(0, 'timeout', `${this.baseUrl} did not answer in ${this.timeout} ms`)
      throw new ApiRequestError(0, 'network', `Cannot reach ${this.baseUrl}`)
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', abort)
    }
  }
}
