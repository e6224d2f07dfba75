/**
 * @module ReadController: what a tab reads from a function that answers a GET (`/functions/v1/<name>`, e.g. the
 * Danger Zone's `data-summary`): loading, the answer, or why it failed and whether Try again can help.
 */
import type { FunctionName } from '@connectgain/contracts/permissions'
import { ContextConsumer } from '@lit/context'
import type { ReactiveController, ReactiveElement } from 'lit'
import { ApiRequestError } from '../api/client.ts'
import { canRetry, failureText } from '../api/failure-text.ts'
import { apiContext, sessionContext } from '../context.ts'

/**
 * Loads when the shell's API client and session are both there (and again when either changes, or on `load()`),
 * as `ResourceController` does for rows, and re-renders its host on every change. An answer to an older load is
 * dropped.
 */
export class ReadController<T> implements ReactiveController {
  status: 'loading' | 'ready' | 'failed' = 'loading'
  /** The last answer (kept while a reload is under way). */
  value: T | null = null
  /** Why the last load failed, in words for the member. */
  loadError = ''
  /** Whether Try again can help after the last failed load (not after a refusal). */
  canRetry = false
  private readonly api: ContextConsumer<typeof apiContext, ReactiveElement>
  private readonly session: ContextConsumer<typeof sessionContext, ReactiveElement>
  private loadedFor: unknown[] = []
  private loads = 0

  constructor(
    private readonly host: ReactiveElement,
    readonly name: FunctionName,
  ) {
    host.addController(this)
    this.api = new ContextConsumer(host, { context: apiContext, subscribe: true })
    this.session = new ContextConsumer(host, { context: sessionContext, subscribe: true })
  }

  hostUpdate(): void {
    const key = [this.api.value, this.session.value?.orgId, this.session.value?.userId]
    if (key.some((part) => !part) || key.every((part, i) => part === this.loadedFor[i])) return
    this.loadedFor = key
    void this.load()
  }

  hostDisconnected(): void {
    this.loadedFor = []
    this.loads++
  }

  async load(): Promise<void> {
    const api = this.api.value
    if (!api) return
    const ticket = ++this.loads
    this.status = 'loading'
    this.host.requestUpdate()
    try {
      const value = await api.request<T>(`/functions/v1/${this.name}`)
      if (ticket !== this.loads) return
      this.value = value
      this.status = 'ready'
    } catch (err) {
      if (!(err instanceof ApiRequestError)) throw err // not an HTTP failure: a bug, not a value
      if (ticket !== this.loads) return
      this.loadError = failureText(err)
      this.canRetry = canRetry(err)
      this.status = 'failed'
    }
    this.host.requestUpdate()
  }
}
