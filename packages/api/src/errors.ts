/** @module ApiError: the one way code signals an HTTP error; rendered by the app's onError. */
import { type ErrorCode, type ErrorEnvelope, errorStatus } from '@connectgain/contracts'

export class ApiError extends Error {
  readonly code: ErrorCode
  readonly details: unknown
  readonly hint: string | null
  readonly headers: Record<string, string>

  constructor(
    code: ErrorCode,
    message: string,
    opts: { details?: unknown; hint?: string | null; headers?: Record<string, string> } = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.details = opts.details ?? null
    this.hint = opts.hint ?? null
    this.headers = opts.headers ?? {}
  }

  get status(): number {
    return errorStatus[this.code]
  }

  toJSON(): ErrorEnvelope {
    return { code: this.code, message: this.message, details: this.details, hint: this.hint }
  }
}

/** A malformed query string (PGRST100), naming the parameter at fault. */
export const badQuery = (message: string, details?: string, hint?: string) =>
  new ApiError('PGRST100', message, { details: details ?? null, hint: hint ?? null })
