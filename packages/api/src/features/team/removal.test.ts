/**
 * @module Removing a member is one batch: with a fault injected among its statements nothing changes (the
 * membership, their assigned conversation, their push subscription and their team seat all stay); without it,
 * all of it goes together.
 */
import { conversations, memberships, pushSubscriptions, teamMembers } from '@connectgain/db'
import { and, eq, sql } from 'drizzle-orm'
import type { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, registry } from '../../app.ts'
import { createRegistry, type RowHook } from '../../rest/registry.ts'
import { createTestContext, type TestContext } from '../../test-utils/index.ts'
import type { AppEnv } from '../../types.ts'

/** A statement that always fails, run in the removal's batch after its own. */
const failing: RowHook = (_event, ctx) => [ctx.db.run(sql`INSERT INTO no_such_table VALUES (1)`)]

let t: TestContext
let faulty: Hono<AppEnv>
beforeAll(async () => {
  t = await createTestContext()
  faulty = createApp(
    { db: t.db, clock: t.clock, config: t.config, queue: t.queue },
    { registry: createRegistry([...registry.values()], [...registry.hooks, failing]) },
  )
})
afterAll(() => t.close())

async function json<T>(res: Response | Promise<Response>, status: number): Promise<T> {
  const answer = await res
  expect(answer.status, await answer.clone().text()).toBe(status)
  return (await answer.json()) as T
}

describe('removing a member', () => {
  it('is one batch: a fault among its statements leaves everything in place; then it all goes at once', async () => {
    const { tokens, userIds, id: orgId } = t.orgA
    const agent = userIds.agent
    const owner = { token: tokens.owner }
    const representation = { Prefer: 'return=representation' }
    const [contact] = await json<{ id: string }[]>(
      t.request('POST', '/rest/v1/contacts', { ...owner, body: { name: 'Ana' }, headers: representation }),
      201,
    )
    const [team] = await json<{ id: string }[]>(
      t.request('POST', '/rest/v1/teams', { ...owner, body: { name: 'Billing' }, headers: representation }),
      201,
    )
    await json(
      t.request('POST', '/functions/v1/add-team-member', {
        ...owner,
        body: { team_id: team?.id, user_id: agent },
      }),
      201,
    )
    const [open] = await json<{ id: string }[]>(
      t.request('POST', '/rest/v1/conversations', {
        ...owner,
        body: { contact_id: contact?.id, assignee_id: agent },
        headers: representation,
      }),
      201,
    )
    const subscribed = await t.request('POST', '/rest/v1/push_subscriptions', {
      token: tokens.agent,
      body: registry.get('push_subscriptions')?.sample?.('removal'),
    })
    expect(subscribed.status).toBe(201)
    const [membership] = await t.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.org_id, orgId), eq(memberships.user_id, agent)))
    const state = async () => ({
      member: (
        await t.db
          .select()
          .from(memberships)
          .where(eq(memberships.id, String(membership?.id)))
      ).length,
      assignee: (
        await t.db
          .select()
          .from(conversations)
          .where(eq(conversations.id, String(open?.id)))
      )[0]?.assignee_id,
      subscriptions: (await t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.user_id, agent)))
        .length,
      seats: (await t.db.select().from(teamMembers).where(eq(teamMembers.user_id, agent))).length,
    })
    const before = await state()
    expect(before).toEqual({ member: 1, assignee: agent, subscriptions: 1, seats: 1 })

    const failed = await faulty.request(`/rest/v1/members?id=eq.${membership?.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${tokens.owner}` },
    })
    expect(failed.status).toBe(500)
    expect(await state()).toEqual(before)

    const removed = await t.request('DELETE', `/rest/v1/members?id=eq.${membership?.id}`, owner)
    expect(removed.status).toBe(204)
    expect(await state()).toEqual({ member: 0, assignee: null, subscriptions: 0, seats: 0 })
  })
})
