/** @module The audit log: read by owners and admins over REST, written by REST writes and by functions that change settings. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../test-utils/index.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

interface Entry {
  actor_type: string
  actor_id: string
  action: string
  resource: string
  row_id: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

const read = async (token: string, query = '') => {
  const res = await t.request('GET', `/rest/v1/audit_log${query}`, { token })
  expect(res.status).toBe(200)
  return (await res.json()) as Entry[]
}

describe('audit_log over REST', () => {
  it('lists the changes of the caller org, newest last, with the actor and before/after', async () => {
    const patch = await t.request('PATCH', `/rest/v1/organizations?id=eq.${t.orgA.id}`, {
      token: t.orgA.tokens.owner,
      body: { timezone: 'Europe/Madrid' },
    })
    expect(patch.status).toBe(204)
    const entries = await read(t.orgA.tokens.admin, '?resource=eq.organizations&order=created_at')
    expect(entries.at(-1)).toMatchObject({
      actor_type: 'user',
      actor_id: t.orgA.userIds.owner,
      action: 'update',
      resource: 'organizations',
      row_id: t.orgA.id,
      before: expect.objectContaining({ timezone: 'UTC' }),
      after: expect.objectContaining({ timezone: 'Europe/Madrid' }),
    })
    expect(await read(t.orgB.tokens.owner, '?resource=eq.organizations')).toEqual([])
  })

  it("shows a member's own rows' values to that member only: others see the change, not what it was", async () => {
    const saved = await t.request('POST', '/rest/v1/chat_preferences?on_conflict=user_id', {
      token: t.orgA.tokens.admin,
      body: { message_density: 'compact' },
      headers: { Prefer: 'resolution=merge-duplicates,return=representation' },
    })
    expect(saved.status).toBe(201)
    const [row] = (await saved.json()) as { id: string }[]
    const [mine] = await read(t.orgA.tokens.admin, `?row_id=eq.${row?.id}`)
    expect(mine).toMatchObject({
      actor_id: t.orgA.userIds.admin,
      after: expect.objectContaining({ message_density: 'compact' }),
    })
    for (const other of [t.orgA.tokens.owner, t.orgA.apiKey]) {
      const [theirs] = await read(other, `?row_id=eq.${row?.id}`)
      expect(theirs).toMatchObject({
        action: mine?.action,
        resource: 'chat_preferences',
        before: null,
        after: null,
      })
    }
  })

  it('records a function that changes settings: minting a session that adds a member or changes a role', async () => {
    const mint = (body: object) => t.request('POST', '/functions/v1/sessions', { token: t.orgA.apiKey, body })
    const added = await mint({ email: 'new.member@example.com', role: 'agent' })
    expect(added.status).toBe(201)
    const { user_id } = (await added.json()) as { user_id: string }
    expect((await mint({ email: 'new.member@example.com', role: 'admin' })).status).toBe(201)
    expect((await mint({ email: 'new.member@example.com', role: 'admin' })).status).toBe(201) // no change, no entry
    const entries = (await read(t.orgA.tokens.owner, '?resource=eq.members')).filter(
      (e) => e.after?.user_id === user_id,
    )
    expect(entries.map((e) => [e.action, e.actor_type, e.before?.role ?? null, e.after?.role])).toEqual([
      ['insert', 'api_key', null, 'agent'],
      ['update', 'api_key', 'agent', 'admin'],
    ])
  })

  it.each(['agent', 'project_manager', 'team_admin'] as const)(
    '%s cannot read it (403 42501)',
    async (role) => {
      const res = await t.request('GET', '/rest/v1/audit_log', { token: t.orgA.tokens[role] })
      expect(res.status).toBe(403)
      expect(((await res.json()) as { code: string }).code).toBe('42501')
    },
  )

  it('cannot be written by anyone, an owner or an API key included, and nothing changes', async () => {
    const before = await read(t.orgA.tokens.owner)
    const [first] = before
    for (const token of [t.orgA.tokens.owner, t.orgA.apiKey]) {
      const attempts = [
        t.request('POST', '/rest/v1/audit_log', { token, body: { action: 'insert' } }),
        t.request('PATCH', `/rest/v1/audit_log?row_id=eq.${first?.row_id}`, {
          token,
          body: { action: 'delete' },
        }),
        t.request('DELETE', `/rest/v1/audit_log?row_id=eq.${first?.row_id}`, { token }),
      ]
      // The server writes the log: the methods do not exist for anyone (405 with Allow: GET).
      for (const res of await Promise.all(attempts)) {
        expect(res.status).toBe(405)
        expect(res.headers.get('allow')).toBe('GET')
      }
    }
    expect(await read(t.orgA.tokens.owner)).toEqual(before)
  })
})
