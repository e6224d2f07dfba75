/**
 * @module Contract: the Danger Zone. `data-summary` counts every domain resource the registry declares and
 * `delete-all-data` deletes them, owner only and on the exact phrase; settings, members, keys, webhooks and other
 * orgs stay. Each describe works in orgs of its own, so the rest of the suite keeps its data.
 */
import { DELETE_ALL_DATA_PHRASE, type Role, roles } from '@connectgain/contracts'
import { beforeAll, describe, expect, it } from 'vitest'
import { registry } from '../app.ts'
import { domainResources } from '../rest/registry.ts'
import {
  createRow,
  devSession,
  expectError,
  expectJson,
  type CreatedRow as Row,
  type Session,
  send,
  type Target,
  unique,
} from './http.ts'

type Counts = Record<string, number>
const SUMMARY = '/functions/v1/data-summary'
const DELETE_ALL = '/functions/v1/delete-all-data'
const DENIED = { status: 403, code: '42501' }
const INVALID = { status: 400, code: '22P02' }

/** The domain resources by the registry's declarations: what the summary must name. */
const domainNames = domainResources(registry)
  .map((r) => r.name)
  .sort()

export function registerDangerZoneContract(target: Target): void {
  /** One member per role in a new org. */
  async function newOrg(): Promise<Record<Role, Session>> {
    const slug = `dz-${unique()}`
    const members = {} as Record<Role, Session>
    for (const role of roles) members[role] = await devSession(target, role, slug)
    return members
  }

  const post = (s: Session, resource: string, body: unknown): Promise<Row> =>
    createRow(target, s.access_token, resource, body)

  const list = async (s: Session, path: string): Promise<Row[]> =>
    expectJson<Row[]>(await send(target, path, { token: s.access_token }), 200)

  const summary = async (s: Session): Promise<Counts> =>
    (await expectJson<{ counts: Counts }>(await send(target, SUMMARY, { token: s.access_token }), 200)).counts

  const deleteAll = (s: Session, body: unknown = { confirmation: DELETE_ALL_DATA_PHRASE }) =>
    send(target, DELETE_ALL, { method: 'POST', token: s.access_token, body })

  /** One row of every domain resource, the children naming their parents. */
  async function seed(agent: Session, admin: Session): Promise<void> {
    const contact = await post(agent, 'contacts', { name: `Ana ${unique()}` })
    const company = await post(agent, 'companies', { name: `Globex ${unique()}` })
    const conversation = await post(agent, 'conversations', { contact_id: contact.id, subject: 'Refund' })
    await post(agent, 'messages', { conversation_id: conversation.id, content: 'Hello' })
    await post(agent, 'deals', {
      title: 'Annual plan',
      value: 120000,
      company_id: company.id,
      contact_id: contact.id,
    })
    await post(agent, 'tasks', { title: 'Call back', contact_id: contact.id, assignee_id: admin.user_id })
    await post(agent, 'automations', { name: 'Route', event: 'conversation.created' })
    await post(agent, 'bot_flows', { name: 'Welcome', definition: { start: { say: 'Hi' } } })
    // Owners and admins write templates, as they do the settings.
    await post(admin, 'message_templates', { name: `Welcome ${unique()}`, body: 'Hi {{contact.first_name}}' })
  }

  const ones = (): Counts => Object.fromEntries(domainNames.map((name) => [name, 1]))
  const zeros = (): Counts => Object.fromEntries(domainNames.map((name) => [name, 0]))

  describe('Danger Zone: data-summary and delete-all-data', () => {
    let a: Record<Role, Session>
    let b: Record<Role, Session>
    beforeAll(async () => {
      a = await newOrg()
      b = await newOrg()
      await seed(a.agent, a.admin)
      await seed(b.agent, b.admin)
    })

    it('the summary names every domain resource the registry declares, and only those, with its count', async () => {
      expect(domainNames).toEqual(
        expect.arrayContaining(['contacts', 'conversations', 'messages', 'companies', 'deals', 'tasks']),
      )
      for (const never of [
        'organizations',
        'members',
        'api_keys',
        'webhook_configurations',
        'audit_log',
        'tags',
      ])
        expect(domainNames).not.toContain(never)
      expect(await summary(a.owner)).toEqual(ones())
      expect(await summary(a.admin)).toEqual(ones())
    })

    it("the summary names the caller's organization, so a confirmation can say whose data goes", async () => {
      const [org] = await list(a.owner, '/rest/v1/organizations?select=id,name')
      const answer = await expectJson<{ organization: unknown }>(
        await send(target, SUMMARY, { token: a.admin.access_token }),
        200,
      )
      expect(answer.organization).toEqual({ id: org?.id, name: org?.name })
    })

    it('only owners and admins read the summary: the other roles get 403', async () => {
      for (const role of roles.filter((r) => r !== 'owner' && r !== 'admin'))
        await expectError(await send(target, SUMMARY, { token: a[role].access_token }), DENIED)
    })

    it('only an owner deletes: an admin or any other role gets 403 and nothing is deleted', async () => {
      for (const role of roles.filter((r) => r !== 'owner'))
        await expectError(await deleteAll(a[role]), DENIED)
      expect(await summary(a.owner)).toEqual(ones())
    })

    it("an API key, which acts as an admin, reads the summary but cannot delete: 403, the demo org's data kept", async () => {
      const key = target().keys.active
      const before = (await expectJson<{ counts: Counts }>(await send(target, SUMMARY, { token: key }), 200))
        .counts
      expect(Object.keys(before).sort()).toEqual(domainNames)
      await expectError(
        await send(target, DELETE_ALL, {
          method: 'POST',
          token: key,
          body: { confirmation: DELETE_ALL_DATA_PHRASE },
        }),
        DENIED,
      )
      expect(
        (await expectJson<{ counts: Counts }>(await send(target, SUMMARY, { token: key }), 200)).counts,
      ).toEqual(before)
    })

    it('anything but the exact phrase is 400 naming confirmation, and nothing is deleted', async () => {
      const wrong = [
        'delete all data',
        ` ${DELETE_ALL_DATA_PHRASE}`,
        `${DELETE_ALL_DATA_PHRASE} `,
        'DELETE  ALL DATA',
        '',
      ]
      for (const confirmation of wrong)
        await expectError(await deleteAll(a.owner, { confirmation }), { ...INVALID, field: 'confirmation' })
      await expectError(await deleteAll(a.owner, {}), { ...INVALID, field: 'confirmation' })
      await expectError(await deleteAll(a.owner, { confirmation: 1 }), { ...INVALID, field: 'confirmation' })
      expect(await summary(a.owner)).toEqual(ones())
    })

    it("another org's domain references are refused: org B's contact, company and member", async () => {
      const [contactB] = await list(b.agent, '/rest/v1/contacts?limit=1')
      const [companyB] = await list(b.agent, '/rest/v1/companies?limit=1')
      for (const [resource, body, field] of [
        ['deals', { title: 'X', contact_id: contactB?.id }, 'contact_id'],
        ['deals', { title: 'X', company_id: companyB?.id }, 'company_id'],
        ['tasks', { title: 'X', contact_id: contactB?.id }, 'contact_id'],
        ['tasks', { title: 'X', assignee_id: b.admin.user_id }, 'assignee_id'],
      ] as const) {
        await expectError(
          await send(target, `/rest/v1/${resource}`, { method: 'POST', token: a.agent.access_token, body }),
          { status: 409, code: '23503', field },
        )
      }
      expect(await summary(a.owner)).toEqual(ones())
    })

    it("a deal without a currency is in the org's currency", async () => {
      const org = await devSession(target, 'owner', `dz-${unique()}`)
      await send(target, `/rest/v1/organizations?id=eq.${org.org_id}`, {
        method: 'PATCH',
        token: org.access_token,
        body: { currency: 'JPY' },
      })
      expect(await post(org, 'deals', { title: 'Yen deal' })).toMatchObject({
        currency: 'JPY',
        stage: 'open',
        value: 0,
      })
      expect(await post(org, 'deals', { title: 'Euro deal', currency: 'EUR' })).toMatchObject({
        currency: 'EUR',
      })
    })

    it("the owner's delete answers the counts, leaves zero of each, and keeps settings, members, keys, webhooks and org B", async () => {
      const key = await expectJson<{ id: string }>(
        await send(target, '/functions/v1/generate-api-key', {
          method: 'POST',
          token: a.owner.access_token,
          body: { name: 'CRM sync' },
        }),
        201,
      )
      await post(a.admin, 'webhook_configurations', {
        url: `https://hooks.example.com/${unique()}`,
        events: ['data.deleted'],
      })
      await post(a.admin, 'tags', { name: `VIP ${unique()}`, color: '#112233' })
      const kept = [
        'organizations',
        'members',
        'api_keys',
        'webhook_configurations',
        'tags',
        'lifecycle_stages',
      ]
      const before = new Map<string, Row[]>()
      for (const resource of kept) before.set(resource, await list(a.owner, `/rest/v1/${resource}?order=id`))
      expect(before.get('api_keys')?.map((k) => k.id)).toContain(key.id)
      const orgB = await summary(b.owner)

      const answer = await expectJson<{ deleted: Counts }>(await deleteAll(a.owner), 200)
      expect(answer.deleted).toEqual(ones())
      expect(await summary(a.owner)).toEqual(zeros())
      for (const name of domainNames) expect(await list(a.owner, `/rest/v1/${name}`)).toEqual([])
      for (const resource of kept)
        expect(await list(a.owner, `/rest/v1/${resource}?order=id`), resource).toEqual(before.get(resource))
      expect(await summary(b.owner)).toEqual(orgB)
      expect(orgB).toEqual(ones())

      // One audit entry with the counts, not one per row.
      const audit = await list(a.owner, '/rest/v1/audit_log?resource=eq.delete-all-data')
      expect(audit).toHaveLength(1)
      expect(audit[0]).toMatchObject({
        action: 'delete',
        actor_id: a.owner.user_id,
        before: { deleted: ones() },
      })
      const perRow = await list(
        a.owner,
        '/rest/v1/audit_log?action=eq.delete&resource=in.(contacts,deals,messages)',
      )
      expect(perRow).toEqual([])

      // A second time deletes nothing and says so.
      expect((await expectJson<{ deleted: Counts }>(await deleteAll(a.owner), 200)).deleted).toEqual(zeros())
    })
  })
}
