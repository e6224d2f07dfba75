import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibsqlError } from '@libsql/client'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DbHandle, localPath, openDb } from './client.ts'
import { newId } from './ids.ts'
import { migrateDb } from './migrate.ts'
import { organizations } from './schema/index.ts'
import { SqliteClient } from './sqlite-client.ts'

const dir = mkdtempSync(join(tmpdir(), 'cg-sqlite-client-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const org = (slug: string) => {
  const now = new Date().toISOString()
  return { id: newId('org'), name: slug, slug, created_at: now, updated_at: now }
}

describe('SqliteClient behind drizzle (the Node host’s local database)', () => {
  let handle: DbHandle
  beforeAll(async () => {
    handle = await openDb(`file:${join(dir, 'a.db')}`)
    await migrateDb(handle.db)
  })
  afterAll(() => handle.close())

  it('reuses a statement across calls with other values, and after it failed', async () => {
    const { db } = handle
    const a = org('a-co')
    await db.insert(organizations).values(a)
    await expect(db.insert(organizations).values({ ...org('x'), slug: 'a-co' })).rejects.toThrow()
    await db.insert(organizations).values(org('b-co')) // the same INSERT text, prepared once
    const find = (slug: string) => db.select().from(organizations).where(eq(organizations.slug, slug))
    expect((await find('a-co'))[0]).toMatchObject({ id: a.id, timezone: 'UTC' })
    expect(await find('b-co')).toHaveLength(1)
    expect(await find('nope')).toEqual([])
  })

  it('maps constraint failures to LibsqlError with the SQLite message (what the API’s error mapper reads)', async () => {
    const failure = await handle.db
      .insert(organizations)
      .values({ ...org('y'), slug: 'a-co' })
      .catch((e: Error) => e)
    let root: unknown = failure
    while (root instanceof Error && !(root instanceof LibsqlError) && root.cause) root = root.cause
    expect(root).toBeInstanceOf(LibsqlError)
    expect((root as LibsqlError).code).toBe('SQLITE_CONSTRAINT')
    expect((root as LibsqlError).message).toMatch(/UNIQUE constraint failed: organizations.slug/)
  })

  it('runs db.batch atomically: a failing statement rolls the earlier ones back', async () => {
    const { db } = handle
    const c = org('c-co')
    await expect(
      db.batch([
        db.insert(organizations).values(c),
        db.insert(organizations).values({ ...org('z'), slug: 'a-co' }),
      ]),
    ).rejects.toThrow()
    expect(await db.select().from(organizations).where(eq(organizations.id, c.id))).toEqual([])
    await db.batch([db.insert(organizations).values(c)])
    expect(await db.select().from(organizations).where(eq(organizations.id, c.id))).toHaveLength(1)
  })

  it('answers raw SQL with named columns, numbers, nulls and blobs', async () => {
    const [row] = await handle.db.all<Record<string, unknown>>(
      sql`select 1 as one, 9007199254740991 as big, null as empty, x'0102' as bytes, 'x' as one`,
    )
    expect(row?.one).toBe(1) // the first of two columns with the same name wins, as in @libsql/client
    expect(row?.big).toBe(Number.MAX_SAFE_INTEGER)
    expect(row?.empty).toBeNull()
    expect(new Uint8Array(row?.bytes as ArrayBuffer)).toEqual(new Uint8Array([1, 2]))
    const unsafe = await handle.db.all(sql`select 9007199254740993 as unsafe`).catch((e: Error) => e)
    expect((unsafe as Error).cause).toBeInstanceOf(RangeError) // never a silently rounded number
  })

  it('refuses interactive transactions, which would interleave on the one connection', async () => {
    await expect(handle.db.transaction(async () => {})).rejects.toThrow(/db\.batch/)
  })
})

describe('SqliteClient', () => {
  it('keeps :memory: on one connection (a second one would be another, empty database)', async () => {
    const { db, close } = await openDb(':memory:')
    await migrateDb(db)
    await db.insert(organizations).values(org('mem-co'))
    expect(await db.select().from(organizations)).toHaveLength(1)
    close()
  })

  it('drops the oldest statements past its cap, and still answers them', async () => {
    const client = new SqliteClient(':memory:')
    for (let i = 0; i < 600; i++) {
      expect((await client.execute({ sql: `select ? + ${i} as n`, args: [1] })).rows[0]?.n).toBe(i + 1)
    }
    expect((await client.execute('select 1 + 0 as n')).rows[0]?.n).toBe(1)
    client.close()
    await expect(client.execute('select 1')).rejects.toThrow(/closed/)
  })

  it.each([
    ['file:x.db', 'x.db'],
    ['file:/abs/x.db', '/abs/x.db'],
    ['file:///abs/x.db', '/abs/x.db'],
    [':memory:', ':memory:'],
    ['libsql://db.turso.io', null],
    ['http://127.0.0.1:8080', null],
  ])('localPath(%s) is %s', (url, path) => {
    expect(localPath(url)).toBe(path)
  })
})
