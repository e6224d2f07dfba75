/**
 * @module One deadline for an outbound call: an AbortSignal and a promise that settle together when the time is up,
 * and `within`, which races any step (the address check, the response, the body) against it. Web-standard only.
 */

/** What a step raced against the deadline answers once the time is up. */
export const timedOut: unique symbol = Symbol('timed out')

export interface Deadline {
  /** Resolves to {@link timedOut} after `ms`, when `signal` aborts. */
  promise: Promise<typeof timedOut>
  signal: AbortSignal
  /** Call once the work is done: the timer stops. */
  clear(): void
}

export function startDeadline(ms: number): Deadline {
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  const promise = new Promise<typeof timedOut>((resolve) => {
    timer = setTimeout(() => {
      controller.abort()
      resolve(timedOut)
    }, ms)
  })
  return { promise, signal: controller.signal, clear: () => clearTimeout(timer) }
}

/**
 * The promise's value, or {@link timedOut} once the deadline passed; `late` then gets the value if it still arrives
 * (to release a response), and a late rejection is swallowed rather than left unhandled.
 */
export async function within<T>(
  promise: Promise<T>,
  deadline: Promise<typeof timedOut>,
  late?: (value: T) => void,
): Promise<T | typeof timedOut> {
  let expired = false
  promise.then(
    (value) => {
      if (expired) late?.(value)
    },
    () => {},
  )
  const result = await Promise.race([promise, deadline])
  if (result === timedOut) expired = true
  return result
}
