/** @module Runs the API contract suite against the Node host: the app in-process on a temp libSQL file, with a test clock. */
import { createTestContext, type TestContext } from '../test-utils/index.ts'
import { describeApiContract } from './suite.ts'

let ctx: TestContext | undefined

describeApiContract(
  'node',
  async () => {
    const started = await createTestContext()
    ctx = started
    const { revoked, expired } = await started.deadKeys()
    return {
      fetch: async (path, init) => started.app.request(path, init),
      keys: { active: started.orgA.apiKey, revoked, expired },
      advanceClock: (ms) => started.clock.advance(ms),
    }
  },
  () => ctx?.close(),
)
