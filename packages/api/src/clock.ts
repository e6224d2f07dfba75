/** @module Time, injectable so tests can move it (token expiry, key expiry, retries). */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }
