/** @module A clock tests can move (token and key expiry, usage writes, rate-limit windows); runs on Node and in workerd. */
import type { Clock } from '../clock.ts'

export class TestClock implements Clock {
  constructor(private current = new Date('2026-01-15T12:00:00Z')) {}
  now(): Date {
    return new Date(this.current)
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms)
  }
}
