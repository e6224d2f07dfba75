/** @module The API contract suite against the Worker host's fetch handler (SELF), inside workerd with a local D1. */
import { SELF } from 'cloudflare:test'
import { systemClock } from '../clock.ts'
import { workerTarget } from '../test-utils/worker-contract-target.ts'
import { describeApiContract } from './suite.ts'

describeApiContract('workerd', () =>
  workerTarget((path, init) => SELF.fetch(`http://cg.test${path}`, init) as Promise<Response>, systemClock),
)
