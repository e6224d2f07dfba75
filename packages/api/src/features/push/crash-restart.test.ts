/**
 * @module Pushes survive a crash of the real Node host: SIGKILLed with pushes in flight and restarted on the same data
 * directory, it still delivers a push for every message, each one decrypting on the device.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { jobs, pushOutbox } from '@connectgain/db'
import { openDb } from '@connectgain/db/client'
import { afterAll, describe, expect, it } from 'vitest'
import { devSession, hostCall, type NodeHost, startNodeHost, until } from '../../test-utils/node-host.ts'
import {
  createTestSubscriber,
  type FakePushService,
  startPushService,
} from '../../test-utils/push-service.ts'

const MESSAGES = 4
/** The lease brings back a job the killed process had claimed; it must outlast a push's 10 s timeout. */
const LEASE = { JOB_LEASE_SECONDS: '20' }

const hosts: NodeHost[] = []
let service: FakePushService | undefined
let dataDir: string | undefined
afterAll(async () => {
  for (const host of hosts) await host.stop('SIGKILL')
  await service?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('pushes across a crash of the Node host', () => {
  it('delivers a push for every message after a SIGKILL with pushes in flight and a restart', {
    timeout: 150_000,
  }, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cg-push-crash-'))
    service = await startPushService()
    service.script({ hang: true }) // in flight when the host dies
    const first = await startNodeHost(dataDir, LEASE)
    hosts.push(first)
    const agent = await devSession(first, 'agent')
    const owner = (await devSession(first, 'owner')).access_token
    const device = createTestSubscriber()
    await hostCall(
      first,
      '/rest/v1/push_subscriptions',
      agent.access_token,
      { endpoint: service.endpoint('agent'), expirationTime: null, keys: device.keys },
      201,
    )
    const [contact] = await hostCall<{ id: string }[]>(
      first,
      '/rest/v1/contacts',
      owner,
      { name: 'Ana' },
      201,
    )
    const [conversation] = await hostCall<{ id: string }[]>(
      first,
      '/rest/v1/conversations',
      owner,
      { contact_id: contact?.id, subject: 'Crash', assignee_id: agent.user_id },
      201,
    )
    const bodies = Array.from({ length: MESSAGES }, (_, i) => `message ${i}`)
    for (const content of bodies) {
      await hostCall(
        first,
        '/rest/v1/messages',
        owner,
        { conversation_id: conversation?.id, content, direction: 'incoming' },
        201,
      )
    }
    await until('a push in flight', () => service?.requests.length !== 0, 15_000, first)

    await first.stop('SIGKILL')
    // What reached the service before the crash was never answered: only what comes after the restart counts.
    const hung = service.requests.length
    service.script({ status: 201 })
    const second = await startNodeHost(dataDir, LEASE)
    hosts.push(second)

    const delivered = () =>
      new Set(service?.requests.slice(hung).map((r) => JSON.parse(device.decrypt(r.body)).body as string))
    await until(
      `a push for each of the ${MESSAGES} messages`,
      () => bodies.every((body) => delivered().has(body)),
      60_000,
      second,
    )
    // The assignment's push too (its body is the subject), and nothing else.
    await until('the assignment push', () => delivered().has('Crash'), 30_000, second)
    expect([...delivered()].sort()).toEqual(['Crash', ...bodies].sort())

    // Nothing left behind: no job, no outbox row (read after a graceful stop).
    await second.stop('SIGTERM')
    const { db, close } = await openDb(`file:${join(dataDir, 'connectgain.db')}`)
    try {
      expect(await db.select().from(jobs)).toEqual([])
      expect(await db.select().from(pushOutbox)).toEqual([])
    } finally {
      close()
    }
  })
})
