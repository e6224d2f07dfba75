/**
 * @module The resource kit over HTTP: write hooks in the write's batch (and a fault that leaves nothing),
 * the audit log, secret columns that never leave (encrypted, masked by afterRead), and scope.
 */
import { REDACTED } from '@connectgain/contracts'
import { auditLog } from '@connectgain/db'
import { sql } from 'drizzle-orm'
import type { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createApp } from '../app.ts'
import { auditHook } from '../features/audit/audit-log.ts'
import { decryptSecret, encryptSecret, maskSecret } from '../secrets/encryption.ts'
import { createTestContext, type TestContext } from '../test-utils/index.ts'
import type { AppEnv } from '../types.ts'
import { createRegistry, defineResource, type RowHook } from './registry.ts'
import { createNotesTable, NoteInsert, NoteRow, NoteUpdate, notes, notesResource } from './test-resource.ts'

const PLAIN = 'correct-horse-battery-staple'
const CONTEXT = 'vault.secret_hash'

/** A notes resource with a secret: `secret` in, encrypted at rest, only its last 4 characters out. */
function vaultResource(key: string) {
  return defineResource({
    ...notesResource,
    name: 'vault',
    row: NoteRow.extend({ secret_hint: z.string().nullable() }),
    insert: NoteInsert.extend({ secret: z.string().min(8) }),
    update: NoteUpdate.extend({ secret: z.string().min(8).optional() }),
    async beforeWrite({ secret, ...values }) {
      return secret === undefined
        ? values
        : { ...values, secret_hash: await encryptSecret(key, String(secret), CONTEXT) }
    },
    async afterRead(row, { config }) {
      const stored = row.secret_hash as string | null
      const hint = stored ? maskSecret(await decryptSecret(config.ENCRYPTION_KEY, stored, CONTEXT)) : null
      return { ...row, secret_hint: hint }
    },
  })
}

/** A hook whose statement always fails: a fault injected after the write, inside its batch. */
const failingHook: RowHook = (_event, ctx) => [ctx.db.run(sql`INSERT INTO no_such_table VALUES (1)`)]

let t: TestContext
let app: Hono<AppEnv>
let faulty: Hono<AppEnv>
let faultyRegistryHook: Hono<AppEnv>

const call = (
  target: Hono<AppEnv>,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  prefer?: string,
) =>
  target.request(path, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(prefer ? { Prefer: prefer } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

const everything = async () => ({
  notes: await t.db.select().from(notes).orderBy(notes.id),
  audit: await t.db.select().from(auditLog).orderBy(auditLog.id),
})

beforeAll(async () => {
  t = await createTestContext()
  await createNotesTable(t.db)
  const deps = { db: t.db, clock: t.clock, config: t.config, queue: t.queue }
  const vault = vaultResource(t.config.ENCRYPTION_KEY)
  app = createApp(deps, { registry: createRegistry([notesResource, vault], [auditHook]) })
  faulty = createApp(deps, {
    registry: createRegistry([defineResource({ ...notesResource, onWrite: [failingHook] })], [auditHook]),
  })
  faultyRegistryHook = createApp(deps, {
    registry: createRegistry([notesResource], [auditHook, failingHook]),
  })
})
afterAll(() => t.close())

describe('write hooks run in the same batch as the write', () => {
  it('a resource onWrite sees the op, the before and after rows and the caller, and its statements land', async () => {
    const seen: unknown[] = []
    const tagged = createApp(
      { db: t.db, clock: t.clock, config: t.config, queue: t.queue },
      {
        registry: createRegistry([
          defineResource({
            ...notesResource,
            onWrite: [
              (event, ctx) => {
                seen.push({
                  op: event.op,
                  before: event.before?.title ?? null,
                  after: event.after?.title ?? null,
                })
                return [
                  ctx.db.run(sql`UPDATE notes SET body = 'hooked' WHERE id = ${String(event.after?.id)}`),
                ]
              },
            ],
          }),
        ]),
      },
    )
    const res = await call(
      tagged,
      'POST',
      '/rest/v1/notes',
      t.orgA.tokens.admin,
      { title: 'Hooked', priority: 1 },
      'return=representation',
    )
    const [row] = (await res.json()) as { id: string }[]
    await call(tagged, 'PATCH', `/rest/v1/notes?id=eq.${row?.id}`, t.orgA.tokens.admin, { title: 'Hooked 2' })
    await call(tagged, 'DELETE', `/rest/v1/notes?id=eq.${row?.id}`, t.orgA.tokens.admin)
    expect(seen).toEqual([
      { op: 'insert', before: null, after: 'Hooked' },
      { op: 'update', before: 'Hooked', after: 'Hooked 2' },
      { op: 'delete', before: 'Hooked 2', after: null },
    ])
  })

  it.each([
    ['a resource hook', () => faulty],
    ['a registry hook after the audit log', () => faultyRegistryHook],
  ])(
    'a fault in %s leaves neither the row nor its audit entry (insert, update, delete)',
    async (_label, target) => {
      const created = await call(
        app,
        'POST',
        '/rest/v1/notes',
        t.orgA.tokens.admin,
        { title: `Kept ${_label}`, priority: 2 },
        'return=representation',
      )
      const [row] = (await created.json()) as { id: string }[]
      const before = await everything()
      const attempts = [
        call(target(), 'POST', '/rest/v1/notes', t.orgA.tokens.admin, { title: 'Never', priority: 1 }),
        call(target(), 'PATCH', `/rest/v1/notes?id=eq.${row?.id}`, t.orgA.tokens.admin, { title: 'Changed' }),
        call(target(), 'DELETE', `/rest/v1/notes?id=eq.${row?.id}`, t.orgA.tokens.admin),
      ]
      for (const res of await Promise.all(attempts)) expect(res.status).toBe(500)
      expect(await everything()).toEqual(before)
    },
  )
})

describe('the audit log', () => {
  it('records every REST write with the actor, action, resource, row and before/after values', async () => {
    const admin = t.orgA.tokens.admin
    const res = await call(
      app,
      'POST',
      '/rest/v1/notes',
      admin,
      { title: 'Audited', priority: 1 },
      'return=representation',
    )
    const [row] = (await res.json()) as { id: string }[]
    await call(app, 'PATCH', `/rest/v1/notes?id=eq.${row?.id}`, admin, { priority: 4 })
    await call(app, 'DELETE', `/rest/v1/notes?id=eq.${row?.id}`, t.orgA.apiKey)
    const entries = (await t.db.select().from(auditLog)).filter((e) => e.row_id === row?.id)
    expect(entries.map((e) => [e.action, e.actor_type, e.actor_id, e.resource, e.org_id])).toEqual([
      ['insert', 'user', t.orgA.userIds.admin, 'notes', t.orgA.id],
      ['update', 'user', t.orgA.userIds.admin, 'notes', t.orgA.id],
      ['delete', 'api_key', expect.stringMatching(/^key_/), 'notes', t.orgA.id],
    ])
    const [insert, update, remove] = entries
    expect(insert?.before).toBeNull()
    expect(insert?.after).toMatchObject({ title: 'Audited', priority: 1, done: false, org_id: t.orgA.id })
    expect(update?.before).toMatchObject({ priority: 1 })
    expect(update?.after).toMatchObject({ priority: 4, title: 'Audited' })
    expect(remove?.before).toMatchObject({ priority: 4 })
    expect(remove?.after).toBeNull()
  })

  it('writes nothing for a refused write', async () => {
    const before = await everything()
    expect(
      (await call(app, 'POST', '/rest/v1/notes', t.orgA.tokens.agent, { title: 'No', priority: 1 })).status,
    ).toBe(403)
    expect(
      (await call(app, 'POST', '/rest/v1/notes', t.orgA.tokens.admin, { title: 'No', priority: 99 })).status,
    ).toBe(400)
    expect(await everything()).toEqual(before)
  })
})

describe('secret columns', () => {
  let id: string
  let stored: string
  const vault = '/rest/v1/vault'
  beforeAll(async () => {
    const res = await call(
      app,
      'POST',
      vault,
      t.orgA.tokens.admin,
      { title: 'Vaulted', priority: 1, secret: PLAIN },
      'return=representation',
    )
    expect(res.status).toBe(201)
    const text = await res.text()
    expect(text).not.toContain(PLAIN)
    id = (JSON.parse(text) as { id: string }[])[0]?.id ?? ''
    const [row] = await t.db.select({ s: notes.secret_hash }).from(notes).where(sql`${notes.id} = ${id}`)
    stored = row?.s ?? ''
  })

  it('are encrypted at rest with AES-256-GCM under ENCRYPTION_KEY, and shaped for output by afterRead', async () => {
    expect(stored).toMatch(/^v1\./)
    expect(stored).not.toContain(PLAIN)
    expect(await decryptSecret(t.config.ENCRYPTION_KEY, stored, CONTEXT)).toBe(PLAIN)
    const res = await call(app, 'GET', `${vault}?id=eq.${id}`, t.orgA.tokens.agent)
    const [row] = (await res.json()) as Record<string, unknown>[]
    expect(row?.secret_hint).toBe('••••aple')
    expect(row).not.toHaveProperty('secret_hash')
  })

  it.each([
    ['select=*', 'select=*'],
    ['select the secret', 'select=secret_hash'],
    ['select it under an alias', 'select=x:secret_hash'],
    ['filter on it', 'secret_hash=eq.x'],
    ['filter on it inside or=', 'or=(secret_hash.is.null,title.eq.Vaulted)'],
    ['order by it', 'order=secret_hash.desc'],
    ['filter on the derived hint', 'secret_hint=eq.x'],
  ])('never leave through %s', async (_label, query) => {
    const res = await call(app, 'GET', `${vault}?${query}`, t.orgA.tokens.owner)
    const text = await res.text()
    expect(text).not.toContain(stored)
    expect(text).not.toContain(PLAIN)
    expect(text).not.toContain('"secret_hash"')
    if (query !== 'select=*') {
      expect(res.status).toBe(400)
      expect(JSON.parse(text).code).toBe('42703')
    }
  })

  it('never leave through a write answer or the audit log', async () => {
    const patch = await call(
      app,
      'PATCH',
      `${vault}?id=eq.${id}`,
      t.orgA.tokens.admin,
      { secret: 'another-secret-value' },
      'return=representation',
    )
    const text = await patch.text()
    expect(patch.status).toBe(200)
    expect(text).not.toContain('another-secret-value')
    expect(JSON.parse(text)[0]).toMatchObject({ secret_hint: '••••alue' })
    const entries = await t.db.select().from(auditLog).where(sql`${auditLog.row_id} = ${id}`)
    expect(entries.map((e) => e.action)).toEqual(['insert', 'update'])
    for (const entry of entries) {
      const logged = JSON.stringify(entry)
      expect(logged).not.toContain(PLAIN)
      expect(logged).not.toContain(stored)
      expect(entry.after?.secret_hash).toBe(REDACTED)
    }
  })

  it('are refused in a body by name, with no value echoed', async () => {
    const res = await call(app, 'POST', vault, t.orgA.tokens.admin, {
      title: 'X',
      priority: 1,
      secret: PLAIN,
      secret_hash: 'v1.x.y',
    })
    expect(res.status).toBe(400)
    const text = await res.text()
    expect(JSON.parse(text).code).toBe('PGRST204')
    expect(text).not.toContain(PLAIN)
  })
})
