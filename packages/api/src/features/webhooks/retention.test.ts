/** @module The delivery log keeps 30 days: older attempts and dispatched messages go, newer ones and undelivered messages stay. */
import { newId, webhookConfigurations, webhookDeliveries, webhookMessages } from '@connectgain/db'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../test-utils/index.ts'
import { pruneWebhookLog } from './retention.ts'

let t: TestContext
afterEach(() => t?.close())

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString()

describe('pruneWebhookLog', () => {
  it('deletes attempts and dispatched messages older than 30 days, and nothing newer or undispatched', async () => {
    t = await createTestContext()
    const now = t.clock.now()
    const org = t.orgA.id
    await t.db.insert(webhookConfigurations).values({
      id: 'whk_1',
      org_id: org,
      url: 'https://hooks.example.com/x',
      events: ['*'],
      secret: 'v1.x.y',
      created_at: daysAgo(now, 40),
      updated_at: daysAgo(now, 40),
    })
    const message = (id: string, age: number, dispatched: boolean) => ({
      id,
      org_id: org,
      event_type: 'contact.created',
      data: {},
      created_at: daysAgo(now, age),
      dispatched_at: dispatched ? daysAgo(now, age) : null,
    })
    await t.db
      .insert(webhookMessages)
      .values([message('whm_old', 31, true), message('whm_new', 29, true), message('whm_stuck', 31, false)])
    const attempt = (messageId: string, age: number) => ({
      id: newId('whd'),
      org_id: org,
      webhook_id: 'whk_1',
      message_id: messageId,
      event_type: 'contact.created',
      attempt: 1,
      status_code: 200,
      duration_ms: 5,
      created_at: daysAgo(now, age),
    })
    await t.db
      .insert(webhookDeliveries)
      .values([attempt('whm_new', 31), attempt('whm_new', 29), attempt('whm_old', 31)])

    await pruneWebhookLog(t.db, now)

    const messages = (await t.db.select().from(webhookMessages)).map((m) => m.id).sort()
    expect(messages).toEqual(['whm_new', 'whm_stuck'])
    const attempts = await t.db.select().from(webhookDeliveries)
    expect(attempts.map((a) => [a.message_id, a.created_at])).toEqual([['whm_new', daysAgo(now, 29)]])
  })
})
