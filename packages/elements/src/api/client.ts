/** @module The API client tabs use: fetch with PostgREST conventions, typed envelope errors, token refresh on 401. */
import type { FieldIssue } from '@connectgain/contracts/errors'

/** The server's error envelope, or a network failure as one. */
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

export interface ApiClientOptions {
  baseUrl: string
  token?: string | undefined
  tokenProvider?: TokenProvider | undefined
  /** Told about every new token, so the element can keep its session in step. */
  onToken?: (token: string) => void
  /** Told about every failed request (the element turns them into `cg-error` events). */
  onError?: (error: ApiRequestError) => void
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
  signal?: AbortSignal
}

/** A page of rows and the total the server counted (`Content-Range: 0-24/57`). */
export interface Page<T> {
  rows: T[]
  total: number | null
}

/** The total of a `Content-Range` (`0-24/57` → 57, an empty page → 0); null when the server did not count. */
export function totalOf(contentRange: string | null): number | null {
  const total = contentRange?.split('/')[1]
  return total && total !== '*' ? Number(total) : null
}

export class ApiClient {
  private token: string | undefined
  private refreshing: Promise<string> | undefined

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

  private refresh(): Promise<string> {
    const provider = this.options.tokenProvider
    if (!provider) return Promise.reject(new ApiRequestError(401, 'PGRST301', 'No session token'))
    this.refreshing ??= provider()
      .then((token) => {
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
    const range = `${offset}-${offset + limit - 1}`
    const { body, headers } = await this.exchange<T[]>(
      path,
      { signal },
      { Range: range, Prefer: 'count=exact' },
    )
    return { rows: body, total: totalOf(headers.get('Content-Range')) }
  }

  private async exchange<T>(
    path: string,
    options: RequestOptions,
    extra: Record<string, string> = {},
  ): Promise<{ body: T; headers: Headers }> {
    try {
      return await this.attempt<T>(path, options, extra)
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
    let response = await this.send(path, options, await this.currentToken(), extra)
    if (response.status === 401 && this.options.tokenProvider) {
      response = await this.send(path, options, await this.refresh(), extra)
    }
    const text = await response.text()
    const body: unknown = text ? JSON.parse(text) : null
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

  private async send(
    path: string,
    options: RequestOptions,
    token: string | undefined,
    extra: Record<string, string>,
  ): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: options.single ? 'application/vnd.pgrst.object+json' : 'application/json',
      ...extra,
    }
    if (token) headers.Authorization = `Bearer ${token}`
    if (options.body !== undefined) headers['Content-Type'] = 'application/json'
    const prefer = [
      options.upsert && 'resolution=merge-duplicates',
      options.returnRepresentation && 'return=representation',
    ].filter(Boolean)
    if (prefer.length) headers.Prefer = prefer.join(',')
    try {
      return await (this.options.fetch ?? fetch)(`${this.baseUrl}${path}`, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: options.signal ?? null,
      })
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err
      throw new ApiRequestError(0, 'network', `Cannot reach ${this.baseUrl}`)
    }
  }
}
