/**
 * @module Contract: kit v2's shared rules, through the two pilots. Ordered lists (new rows last, one reorder that
 * names every row), exactly one default per org, request hooks that refuse (nothing written) or change other rows
 * (audited as writes), and the sidebar every member and API key reads.
 */
import { defaultLifecycleStages, defaultSidebarItems } from '@connectgain/contracts'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  devSession,
  expectError,
  expectJson,
  type CreatedRow as Row,
  type Session,
  send,
  type Target,
  unique,
} from './http.ts'

const REPRESENTATION = { Prefer: 'return=representation' }
const STAGES = '/rest/v1/lifecycle_stages'
const ITEMS = '/rest/v1/sidebar_items'

export function registerOrderedListsContract(target: Target): void {
  describe('Ordered lists, one default, request hooks (lifecycle stages, sidebar menu)', () => {
    let owner: Session
    let admin: Session
    let agent: Session
    let ownerB: Session
    beforeAll(async () => {
      owner = await devSession(target, 'owner', 'kit-v2')
      admin = await devSession(target, 'admin', 'kit-v2')
      agent = await devSession(target, 'agent', 'kit-v2')
      ownerB = await devSession(target, 'owner', 'kit-v2-other')
    })
    const list = async (s: Session | string, path: string) =>
      expectJson<Row[]>(
        await send(target, `${path}?order=position`, { token: typeof s === 'string' ? s : s.access_token }),
        200,
      )
    const call = (s: Session, name: string, body: unknown = {}) =>
      send(target, `/functions/v1/${name}`, { method: 'POST', token: s.access_token, body })
    const post = (s: Session, path: string, body: unknown) =>
      send(target, path, { method: 'POST', token: s.access_token, body, headers: REPRESENTATION })
    const patch = (s: Session, path: string, query: string, body: unknown) =>
      send(target, `${path}?${query}`, {
        method: 'PATCH',
        token: s.access_token,
        body,
        headers: REPRESENTATION,
      })
    const auditOf = async (rowId: string) =>
      expectJson<Row[]>(
        await send(target, `/rest/v1/audit_log?row_id=eq.${rowId}&order=created_at.desc`, {
          token: owner.access_token,
        }),
        200,
      )

    it("a new org starts with HubSpot's eight stages in order, the first the default, and the host app's sections", async () => {
      const stages = await list(owner, STAGES)
      expect(stages.map((s) => s.name)).toEqual(defaultLifecycleStages.map((s) => s.name))
      expect(stages.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
      expect(stages.filter((s) => s.is_default).map((s) => s.name)).toEqual(['Subscriber'])
      const items = await list(owner, ITEMS)
      expect(items.map((i) => i.key)).toEqual(defaultSidebarItems.map((i) => i.key))
      expect(items.every((i) => i.visible === true)).toBe(true)
    })

    it('a new stage goes after the last; two defaults in one POST leave exactly one, the last, and clear the old one (audited)', async () => {
      const [a, b] = await expectJson<Row[]>(
        await post(owner, STAGES, [
          { name: `First ${unique()}`, is_default: true },
          { name: `Second ${unique()}`, is_default: true },
        ]),
        201,
      )
      expect([a?.position, b?.position]).toEqual([8, 9])
      expect([a?.is_default, b?.is_default]).toEqual([false, true])
      const defaults = (await list(owner, STAGES)).filter((s) => s.is_default)
      expect(defaults.map((s) => s.id)).toEqual([b?.id])
      // The stage that lost the default is a write like any other: the audit log holds it.
      const subscriber = (await list(owner, STAGES)).find((s) => s.name === 'Subscriber') as Row
      const [cleared] = await auditOf(subscriber.id)
      expect(cleared).toMatchObject({ action: 'update', resource: 'lifecycle_stages' })
      expect(cleared?.before).toMatchObject({ is_default: true })
      expect(cleared?.after).toMatchObject({ is_default: false })
      // Put Subscriber back as the default for the cases below.
      await expectJson(await patch(owner, STAGES, `id=eq.${subscriber.id}`, { is_default: true }), 200)
      const after = (await list(owner, STAGES)).filter((s) => s.is_default)
      expect(after.map((s) => s.name)).toEqual(['Subscriber'])
    })

    it('the default cannot be unset or deleted without naming another: 409, and nothing changes', async () => {
      const before = await list(owner, STAGES)
      const subscriber = before.find((s) => s.is_default) as Row
      await expectError(await patch(owner, STAGES, `id=eq.${subscriber.id}`, { is_default: false }), {
        status: 409,
        code: 'CG409',
        message: /default/,
      })
      await expectError(
        await send(target, `${STAGES}?id=eq.${subscriber.id}`, {
          method: 'DELETE',
          token: owner.access_token,
        }),
        { status: 409, code: 'CG409', message: /default/ },
      )
      expect(await list(owner, STAGES)).toEqual(before)
    })

    it('reorder sets every position in one call, and a GET shows the new order (audited per moved row)', async () => {
      const before = await list(admin, STAGES)
      const reversed = before.map((s) => s.id).reverse()
      const res = await expectJson<{ ids: string[]; moved: number }>(
        await call(admin, 'reorder', { resource: 'lifecycle_stages', ids: reversed }),
        200,
      )
      expect(res.ids).toEqual(reversed)
      const byId = new Map(before.map((s) => [s.id, s.position]))
      expect(res.moved).toBe(reversed.filter((id, i) => byId.get(id) !== i).length)
      expect((await list(admin, STAGES)).map((s) => s.id)).toEqual(reversed)
      const [moved] = await auditOf(reversed[0] as string)
      expect(moved).toMatchObject({ action: 'update', resource: 'lifecycle_stages' })
    })

    it('a reorder with a missing, repeated or foreign id, or of an unordered resource, is 400 naming the field; nothing moves', async () => {
      const before = await list(owner, STAGES)
      const ids = before.map((s) => s.id)
      const [foreign] = await list(ownerB, STAGES)
      const bad = [
        { ids: ids.slice(1), field: 'ids', message: /missing/ },
        { ids: [...ids, ids[0]], field: 'ids', message: /twice/ },
        {
          ids: [...ids.slice(1), foreign?.id],
          field: 'ids',
          message: /not lifecycle stages of this organization/,
        },
      ]
      for (const { ids: sent, field, message } of bad) {
        const err = await expectError(
          await call(owner, 'reorder', { resource: 'lifecycle_stages', ids: sent }),
          {
            status: 400,
            code: '22P02',
            message,
          },
        )
        expect(JSON.stringify(err.details)).toContain(field)
      }
      await expectError(await call(owner, 'reorder', { resource: 'tags', ids: ['tag_x'] }), {
        status: 400,
        code: '22P02',
        message: /not an ordered resource/,
      })
      expect(await list(owner, STAGES)).toEqual(before)
      // Another org's rows are untouched, and an agent may not reorder settings.
      await expectError(await call(agent, 'reorder', { resource: 'lifecycle_stages', ids }), {
        status: 403,
        code: '42501',
      })
    })

    it('a stage that contacts are in is not deleted (409 naming the count); delete-lifecycle-stage moves them and deletes it in one step', async () => {
      const [stage] = await expectJson<Row[]>(await post(owner, STAGES, { name: `Churned ${unique()}` }), 201)
      const lead = (await list(owner, STAGES)).find((s) => s.name === 'Lead') as Row
      for (const n of [1, 2]) {
        await expectJson(
          await post(agent, '/rest/v1/contacts', {
            name: `In stage ${n} ${unique()}`,
            lifecycle_stage_id: stage?.id,
          }),
          201,
        )
      }
      const err = await expectError(
        await send(target, `${STAGES}?id=eq.${stage?.id}`, { method: 'DELETE', token: owner.access_token }),
        { status: 409, code: 'CG409', message: /2 contacts are in this stage/ },
      )
      expect(err.hint).toContain('delete-lifecycle-stage')
      expect((await list(owner, STAGES)).some((s) => s.id === stage?.id)).toBe(true)
      // Bad moves change nothing: to itself, to another org's stage, by an agent.
      const [foreign] = await list(ownerB, STAGES)
      await expectError(
        await call(owner, 'delete-lifecycle-stage', { id: stage?.id, move_to_id: stage?.id }),
        {
          status: 400,
          code: '22P02',
        },
      )
      await expectError(
        await call(owner, 'delete-lifecycle-stage', { id: stage?.id, move_to_id: foreign?.id }),
        {
          status: 404,
          code: 'CG404',
          message: /move_to_id|lifecycle stage/,
        },
      )
      await expectError(await call(agent, 'delete-lifecycle-stage', { id: stage?.id, move_to_id: lead.id }), {
        status: 403,
        code: '42501',
      })
      const done = await expectJson<{ contacts_moved: number }>(
        await call(owner, 'delete-lifecycle-stage', { id: stage?.id, move_to_id: lead.id }),
        200,
      )
      expect(done.contacts_moved).toBe(2)
      expect((await list(owner, STAGES)).some((s) => s.id === stage?.id)).toBe(false)
      const moved = await expectJson<Row[]>(
        await send(target, `/rest/v1/contacts?lifecycle_stage_id=eq.${lead.id}&name=like.In stage*`, {
          token: owner.access_token,
        }),
        200,
      )
      expect(moved.length).toBeGreaterThanOrEqual(2)
      const [audited] = await auditOf(moved[0]?.id as string)
      expect(audited).toMatchObject({ action: 'update', resource: 'contacts' })
    })

    it('a new contact is in the default stage unless it names one; another org’s stage is refused', async () => {
      const stages = await list(agent, STAGES)
      const [contact] = await expectJson<Row[]>(
        await post(agent, '/rest/v1/contacts', { name: `New ${unique()}` }),
        201,
      )
      expect(contact?.lifecycle_stage_id).toBe(stages.find((s) => s.is_default)?.id)
      const [foreign] = await list(ownerB, STAGES)
      await expectError(
        await post(agent, '/rest/v1/contacts', {
          name: `Foreign ${unique()}`,
          lifecycle_stage_id: foreign?.id,
        }),
        { status: 409, code: '23503' },
      )
    })

    it('every member, a read_only API key and another org read their own sidebar; an agent cannot change it', async () => {
      const ids = (await list(owner, ITEMS)).map((i) => i.id)
      expect((await list(agent, ITEMS)).map((i) => i.id)).toEqual(ids)
      const key = await expectJson<{ api_key: string }>(
        await call(owner, 'generate-api-key', { name: `Sidebar reader ${unique()}`, scope: 'read_only' }),
        201,
      )
      expect((await list(key.api_key, ITEMS)).map((i) => i.id)).toEqual(ids)
      const other = await list(ownerB, ITEMS)
      expect(other.map((i) => i.key)).toEqual(defaultSidebarItems.map((i) => i.key))
      expect(other.some((i) => ids.includes(i.id))).toBe(false)
      await expectError(await patch(agent, ITEMS, `id=eq.${ids[0]}`, { label: 'Mine' }), {
        status: 403,
        code: '42501',
      })
      await expectError(
        await send(target, `${ITEMS}?id=eq.${ids[0]}`, {
          method: 'PATCH',
          headers: { apikey: key.api_key },
          body: { label: 'Mine' },
        }),
        { status: 403, code: '42501', message: /read_only/ },
      )
    })

    it('settings cannot be hidden or deleted; reset-sidebar-menu restores the defaults and removes added sections', async () => {
      const items = await list(admin, ITEMS)
      const settings = items.find((i) => i.key === 'settings') as Row
      const hide = await expectError(await patch(admin, ITEMS, `id=eq.${settings.id}`, { visible: false }), {
        status: 400,
        code: '22P02',
      })
      expect(JSON.stringify(hide.details)).toContain('visible')
      await expectError(
        await send(target, `${ITEMS}?id=eq.${settings.id}`, { method: 'DELETE', token: admin.access_token }),
        { status: 409, code: 'CG409' },
      )
      await expectJson(await patch(admin, ITEMS, `key=eq.deals`, { visible: false, label: 'Pipeline' }), 200)
      await expectJson(
        await post(admin, ITEMS, { key: `kb-${unique().toLowerCase()}`, label: 'Knowledge Base' }),
        201,
      )
      expect((await list(admin, ITEMS)).length).toBe(defaultSidebarItems.length + 1)
      await expectError(await call(agent, 'reset-sidebar-menu'), { status: 403, code: '42501' })
      const reset = await expectJson<{ items: Row[] }>(await call(admin, 'reset-sidebar-menu'), 200)
      expect(reset.items.map((i) => [i.key, i.label, i.visible])).toEqual(
        defaultSidebarItems.map((i) => [i.key, i.label, true]),
      )
      expect((await list(admin, ITEMS)).map((i) => i.key)).toEqual(defaultSidebarItems.map((i) => i.key))
      expect((await list(ownerB, ITEMS)).length).toBe(defaultSidebarItems.length)
    })

    it('a method a resource never allows is 405 with Allow, even for an owner', async () => {
      const res = await send(target, '/rest/v1/audit_log', {
        method: 'POST',
        token: owner.access_token,
        body: {},
      })
      expect(res.headers.get('allow')).toBe('GET')
      await expectError(res, { status: 405, code: 'CG405', message: /POST/ })
    })
  })
}
