import { type ChatPreferences, ChatPreferencesUpdate } from '@connectgain/contracts/chat-preferences'
import { type Tag, TagInsert, TagUpdate } from '@connectgain/contracts/tags'
import { expect } from '@open-wc/testing'
import { LitElement } from 'lit'
import { devSession, uniqueSlug, until } from '../../test/session.ts'
import { mountTab, rest } from '../../test/tabs.ts'
import type { ResourceSpec } from './resource.ts'
import { ResourceController } from './resource-controller.ts'

class TestHost extends LitElement {}
customElements.define('cg-test-host', TestHost)

const tagSpec: ResourceSpec<Tag> = {
  name: 'tags',
  shape: 'list',
  columns: ['id', 'name', 'color', 'scope'],
  order: 'name.asc',
  search: ['name'],
  pageSize: 10,
  schemas: { insert: TagInsert, update: TagUpdate },
}

/** A controller on a bare element, in the API context of `role` in a fresh org with `tags` created first. */
async function controller<Row extends { id: string }>(
  spec: ResourceSpec<Row>,
  { role = 'admin' as const, tags = [] as string[], fetcher = undefined as typeof fetch | undefined } = {},
) {
  const session = await devSession(role, uniqueSlug('kit'))
  for (const name of tags) await rest(session.access_token, 'tags', { method: 'POST', body: { name } })
  const { tab: host } = await mountTab<TestHost>('cg-test-host', session, '', fetcher)
  const resource = new ResourceController<Row>(host, spec)
  host.requestUpdate()
  await until(() => resource.status !== 'loading', 'the first load')
  return { resource, session }
}

const names = (rows: { name: string }[]) => rows.map((r) => r.name)

describe('ResourceController', () => {
  it('lists a page with the total the server counted, pages, and searches on the server', async () => {
    const tags = Array.from({ length: 12 }, (_, i) => `Tag ${String(i + 1).padStart(2, '0')}`)
    const { resource } = await controller(tagSpec, { tags: [...tags, 'Half, (50%) off'] })
    expect(resource.status).to.equal('ready')
    expect(resource.total).to.equal(13)
    expect(names(resource.rows)).to.deep.equal(['Half, (50%) off', ...tags.slice(0, 9)])
    await resource.page(10)
    expect(resource.offset).to.equal(10)
    expect(names(resource.rows)).to.deep.equal(tags.slice(9))
    await resource.search('(50%)') // commas, parentheses and wildcards are text, not syntax
    expect(names(resource.rows)).to.deep.equal(['Half, (50%) off'])
    expect(resource.offset).to.equal(0)
    await resource.search('zzz')
    expect(resource.status).to.equal('empty')
  })

  it("filters a list by the spec's filters, computed again at each load", async () => {
    let scope = 'eq.contacts'
    const { resource, session } = await controller({ ...tagSpec, filters: () => ({ scope }) }, {})
    for (const [name, s] of [
      ['Lead', 'contacts'],
      ['Urgent', 'conversations'],
    ] as const)
      await rest(session.access_token, 'tags', { method: 'POST', body: { name, scope: s } })
    await resource.load()
    expect(names(resource.rows)).to.deep.equal(['Lead'])
    scope = 'eq.conversations'
    await resource.page(0)
    expect(names(resource.rows)).to.deep.equal(['Urgent'])
  })

  it("creates with the contract's defaults, maps the server's 409 to the field, and sends nothing invalid", async () => {
    const { resource, session } = await controller(tagSpec, { tags: ['VIP'] })
    await resource.create()
    expect(resource.values).to.deep.equal({ color: '#6b7280', scope: 'both' })
    resource.set('name', '  ')
    expect(await resource.save()).to.deep.equal({ ok: false, reason: 'invalid' })
    expect(resource.errors.name).to.include({ field: 'name', issue: 'too_small' })
    resource.set('name', 'vip')
    expect(resource.errors.name, 'an issue is checked again as the field changes').to.equal(undefined)
    const taken = await resource.save()
    expect(taken.ok).to.equal(false)
    expect(resource.errors.name).to.include({ field: 'name', issue: 'unique' })
    resource.set('name', 'Gold')
    const created = await resource.save()
    expect(created.ok && created.row).to.include({ name: 'Gold', color: '#6b7280' })
    expect(resource.editing).to.equal(null)
    expect(names(resource.rows)).to.deep.equal(['Gold', 'VIP'])
    expect(names(await rest<Tag[]>(session.access_token, 'tags?order=name'))).to.deep.equal(['Gold', 'VIP'])
  })

  it('saves only the changed fields by id, and removes; a page left empty goes back one', async () => {
    const { resource, session } = await controller(tagSpec, {
      tags: Array.from({ length: 11 }, (_, i) => `T${i + 10}`),
    })
    const first = resource.rows[0] as Tag
    resource.edit(first)
    expect(resource.dirty).to.equal(false)
    resource.set('scope', 'contacts')
    expect(resource.changes).to.deep.equal({ scope: 'contacts' })
    expect((await resource.save()).ok).to.equal(true)
    const stored = await rest<Tag[]>(session.access_token, `tags?id=eq.${first.id}&select=name,scope`)
    expect(stored).to.deep.equal([{ name: 'T10', scope: 'contacts' }])
    await resource.page(10)
    expect(names(resource.rows)).to.deep.equal(['T20'])
    expect(await resource.remove(resource.rows[0] as Tag)).to.deep.equal({ ok: true })
    expect(resource.offset).to.equal(0)
    expect(resource.total).to.equal(10)
  })

  it("maps a spec's own form to the row and back: fields that are not columns, a body from them", async () => {
    // A form whose field `label.text` edits the tag's name (as a JSON column's keys are fields of their own).
    const form: ResourceSpec<Tag>['form'] = {
      values: (tag) => ({ 'label.text': tag.name, scope: tag.scope }),
      body: (values, changes) => {
        const from = changes ?? values
        const { 'label.text': text, ...rest } = from
        return text === undefined ? rest : { ...rest, name: text }
      },
    }
    const { resource, session } = await controller({ ...tagSpec, form }, { tags: ['Old'] })
    resource.edit(resource.rows[0] as Tag)
    expect(resource.values).to.deep.equal({ 'label.text': 'Old', scope: 'both' })
    resource.set('label.text', 'New')
    expect((await resource.save()).ok).to.equal(true)
    expect(names(await rest<Tag[]>(session.access_token, 'tags?select=name'))).to.deep.equal(['New'])

    resource.create()
    resource.set('label.text', '')
    expect(await resource.save()).to.deep.equal({ ok: false, reason: 'invalid' })
    expect(Object.keys(resource.errors), "the contract's issue, by the body's field").to.deep.equal(['name'])
    resource.set('label.text', 'Second')
    expect((await resource.save()).ok).to.equal(true)
    expect(names(await rest<Tag[]>(session.access_token, 'tags?select=name&order=name'))).to.deep.equal([
      'New',
      'Second',
    ])
  })

  it("upserts the member's own row, showing the declared defaults until it exists", async () => {
    const defaults = { message_density: 'comfortable' as const, enter_to_send: true }
    const spec: ResourceSpec<ChatPreferences> = {
      name: 'chat_preferences',
      shape: 'own',
      columns: ['id', 'message_density', 'enter_to_send'],
      defaults,
      schemas: { update: ChatPreferencesUpdate },
    }
    const { resource } = await controller(spec, { role: 'agent' as 'admin' })
    expect(resource.row).to.equal(null)
    expect(resource.values).to.deep.equal(defaults)
    expect(resource.canWrite).to.equal(true)
    resource.set('enter_to_send', false)
    const first = await resource.save()
    expect(first.ok && first.row).to.include({ message_density: 'comfortable', enter_to_send: false })
    resource.set('message_density', 'compact')
    const second = await resource.save()
    expect(second.ok && second.row.id).to.equal(first.ok && first.row.id)
  })

  it('reports a failed load with its message, and loads again on demand', async () => {
    let offline = false
    const fetcher: typeof fetch = (...args) =>
      offline ? Promise.reject(new TypeError('offline')) : fetch(...args)
    const { resource } = await controller(tagSpec, { fetcher })
    expect(resource.status).to.equal('empty')
    offline = true
    await resource.load()
    expect(resource.status).to.equal('failed')
    expect(resource.loadError).to.equal('Could not reach the server. Check your connection.')
    expect(resource.canRetry).to.equal(true)
    offline = false
    await resource.load()
    expect(resource.status).to.equal('empty')
  })

  it("knows from the permission matrix whether the member's role may write", async () => {
    const { resource } = await controller(tagSpec, { role: 'agent' as 'admin' })
    expect(resource.canWrite).to.equal(false)
    expect(resource.status).to.equal('empty') // agents may read tags
  })

  it('saving a new row again after its answer was lost creates it once and answers it, instead of "already in use"', async () => {
    let lose = 1
    // The POST reaches the server and runs; its answer is lost on the way back (a network fault).
    const flaky: typeof fetch = async (input, init) => {
      const res = await fetch(input, init)
      if (init?.method === 'POST' && lose-- > 0) throw new TypeError('Failed to fetch')
      return res
    }
    const { resource, session } = await controller(tagSpec, { fetcher: flaky })
    await resource.create()
    resource.set('name', 'Gold')
    const lost = await resource.save()
    expect(lost.ok === false && lost.reason === 'failed' && lost.error.code).to.equal('network')
    const saved = await resource.save()
    expect(saved.ok && saved.row.name).to.equal('Gold')
    expect(names(await rest<Tag[]>(session.access_token, 'tags?order=name'))).to.deep.equal(['Gold'])
  })

  it('refuses a second save while the first is under way: one request, the second told why', async () => {
    let posts = 0
    const counting: typeof fetch = (input, init) => {
      if (init?.method === 'POST') posts++
      return fetch(input, init)
    }
    const { resource, session } = await controller(tagSpec, { fetcher: counting })
    await resource.create()
    resource.set('name', 'Once')
    const [first, second] = await Promise.all([resource.save(), resource.save()])
    expect(first.ok).to.equal(true)
    expect(second.ok === false && second.reason === 'failed' && second.error.code).to.equal('busy')
    expect(second.ok === false && second.reason === 'failed' && second.error.message).to.equal(
      'Still working on the last request. Try again in a moment.',
    )
    expect(posts).to.equal(1)
    expect(names(await rest<Tag[]>(session.access_token, 'tags?order=name'))).to.deep.equal(['Once'])
  })
})
