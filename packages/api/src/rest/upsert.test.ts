/**
 * @module Upserts as PostgREST does them, through `@supabase/postgrest-js`'s `.upsert()`: tags (org scope,
 * unique name) and chat preferences (user scope, one row per member); the conflict target always holds the scope.
 */
import { auditLog, chatPreferences, tags } from '@connectgain/db'
import { PostgrestClient } from '@supabase/postgrest-js'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../test-utils/index.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

/** A postgrest-js client for `token` that reaches the app in-process. */
const client = (token: string) =>
  new PostgrestClient('http://localhost/rest/v1', {
    fetch: async (input, init) => t.app.request(input instanceof Request ? input : String(input), init),
    headers: { Authorization: `Bearer ${token}` },
  })

const tagsOf = (orgId: string) => t.db.select().from(tags).where(eq(tags.org_id, orgId)).orderBy(tags.name)

describe('.upsert() on tags (on_conflict=name within the org)', () => {
  it('inserts, then merges the sent columns into the existing row (a default does not overwrite)', async () => {
    const admin = client(t.orgA.tokens.admin)
    const first = await admin
      .from('tags')
      .upsert({ name: 'VIP', color: '#b42318', scope: 'contacts' }, { onConflict: 'name' })
      .select()
    expect(first.error).toBeNull()
    expect(first.status).toBe(201)
    const [created] = first.data ?? []
    const second = await admin
      .from('tags')
      .upsert({ name: 'vip', color: '#067647' }, { onConflict: 'name' })
      .select()
    expect(second.error).toBeNull()
    // The name is unique case-insensitively: "vip" is the same tag, updated, not a second one.
    expect(second.data).toEqual([
      expect.objectContaining({ id: created?.id, name: 'vip', color: '#067647', scope: 'contacts' }),
    ])
    expect((await tagsOf(t.orgA.id)).map((r) => r.name)).toEqual(['vip'])
  })

  it('ignoreDuplicates leaves the existing row alone and answers only the inserted ones', async () => {
    const admin = client(t.orgA.tokens.admin)
    const { data, error } = await admin
      .from('tags')
      .upsert(
        [
          { name: 'VIP', color: '#000000' },
          { name: 'Churn risk', color: '#b54708' },
        ],
        { onConflict: 'name', ignoreDuplicates: true },
      )
      .select('name,color')
    expect(error).toBeNull()
    expect(data).toEqual([{ name: 'Churn risk', color: '#b54708' }])
    expect((await tagsOf(t.orgA.id)).map((r) => [r.name, r.color])).toEqual([
      ['Churn risk', '#b54708'],
      ['vip', '#067647'],
    ])
  })

  it("never meets another org's row: org B's same name is a new tag of B", async () => {
    const before = await tagsOf(t.orgA.id)
    const { data, error } = await client(t.orgB.tokens.admin)
      .from('tags')
      .upsert({ name: 'VIP', color: '#111111' }, { onConflict: 'name' })
      .select('name,color')
    expect(error).toBeNull()
    expect(data).toEqual([{ name: 'VIP', color: '#111111' }])
    expect(await tagsOf(t.orgA.id)).toEqual(before)
  })

  it('is audited: an insert, then an update with the before values', async () => {
    const [vip] = (await tagsOf(t.orgA.id)).filter((r) => r.name === 'vip')
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.row_id, vip?.id ?? ''))
    expect(entries.map((e) => [e.action, e.before?.color ?? null, e.after?.color])).toEqual([
      ['insert', null, '#b42318'],
      ['update', '#b42318', '#067647'],
    ])
  })

  it('refuses what cannot be a conflict target, and a role that may not write, writing nothing', async () => {
    const before = await tagsOf(t.orgA.id)
    const byColor = await client(t.orgA.tokens.admin)
      .from('tags')
      .upsert({ name: 'New', color: '#123456' }, { onConflict: 'color' })
    expect(byColor.error).toMatchObject({ code: '42P10' })
    expect(byColor.error?.hint).toContain('on_conflict=name')
    const unknown = await client(t.orgA.tokens.admin)
      .from('tags')
      .upsert({ name: 'New' }, { onConflict: 'nope' })
    expect(unknown.error).toMatchObject({ code: '42703' })
    const twice = await client(t.orgA.tokens.admin)
      .from('tags')
      .upsert([{ name: 'Twice' }, { name: 'Twice' }], { onConflict: 'name' })
    expect(twice.error).toMatchObject({ code: '21000' })
    const agent = await client(t.orgA.tokens.agent)
      .from('tags')
      .upsert({ name: 'VIP' }, { onConflict: 'name' })
    expect(agent.error).toMatchObject({ code: '42501' })
    expect(agent.status).toBe(403)
    const invalid = await client(t.orgA.tokens.admin)
      .from('tags')
      .upsert({ name: 'VIP', color: 'red' }, { onConflict: 'name' })
    expect(invalid.error).toMatchObject({ code: '22P02' })
    const scope = await client(t.orgA.tokens.admin)
      .from('tags')
      .upsert({ name: 'VIP', scope: 'nope' }, { onConflict: 'name' })
    // English for API callers, and the stable issue code and params a client translates by.
    expect(scope.error?.details).toEqual([
      {
        field: 'scope',
        message: 'Invalid option: expected one of "conversations"|"contacts"|"both"',
        issue: 'invalid_value',
        params: { values: ['conversations', 'contacts', 'both'] },
      },
    ])
    expect(await tagsOf(t.orgA.id)).toEqual(before)
  })
})

describe('.upsert() on chat_preferences (user scope, on_conflict=user_id)', () => {
  const prefsOf = () => t.db.select().from(chatPreferences).orderBy(chatPreferences.user_id)

  it("keeps one row per member: a second upsert merges into the caller's own row", async () => {
    const agent = client(t.orgA.tokens.agent)
    const first = await agent
      .from('chat_preferences')
      .upsert({ message_density: 'compact' }, { onConflict: 'user_id' })
      .select()
      .single()
    expect(first.error).toBeNull()
    expect(first.data).toMatchObject({
      user_id: t.orgA.userIds.agent,
      message_density: 'compact',
      enter_to_send: true,
      show_avatars: true,
    })
    const second = await agent
      .from('chat_preferences')
      .upsert({ enter_to_send: false }, { onConflict: 'user_id' })
      .select()
      .single()
    expect(second.data).toMatchObject({
      id: first.data?.id,
      message_density: 'compact',
      enter_to_send: false,
    })
    expect((await prefsOf()).length).toBe(1)
  })

  it("another member of the same org gets a row of their own and never sees or changes the first one's", async () => {
    const agentRow = (await prefsOf())[0]
    const admin = client(t.orgA.tokens.admin)
    expect((await admin.from('chat_preferences').select()).data).toEqual([])
    expect(
      (
        await admin
          .from('chat_preferences')
          .select()
          .eq('id', agentRow?.id ?? '')
      ).data,
    ).toEqual([])
    const patched = await admin
      .from('chat_preferences')
      .update({ show_avatars: false })
      .eq('id', agentRow?.id ?? '')
      .select()
    expect(patched.data).toEqual([])
    const removed = await admin
      .from('chat_preferences')
      .delete()
      .eq('id', agentRow?.id ?? '')
      .select()
    expect(removed.data).toEqual([])
    const own = await admin
      .from('chat_preferences')
      .upsert({ show_avatars: false }, { onConflict: 'user_id' })
      .select()
    expect(own.data).toEqual([
      expect.objectContaining({ user_id: t.orgA.userIds.admin, show_avatars: false }),
    ])
    const rows = await prefsOf()
    expect(rows).toHaveLength(2)
    expect(rows.find((r) => r.id === agentRow?.id)).toEqual(agentRow)
  })

  it('refuses a user_id in the body (the server sets it) and API keys, writing nothing', async () => {
    const before = await prefsOf()
    const forged = await client(t.orgA.tokens.agent)
      .from('chat_preferences')
      .upsert({ user_id: t.orgA.userIds.owner, show_avatars: false }, { onConflict: 'user_id' })
    expect(forged.error).toMatchObject({
      code: 'PGRST204',
      message: expect.stringContaining('set by the server'),
    })
    const key = await client(t.orgA.apiKey).from('chat_preferences').upsert({}, { onConflict: 'user_id' })
    expect(key.status).toBe(403)
    expect(key.error?.message).toContain("each member's own rows")
    expect(await prefsOf()).toEqual(before)
  })
})
