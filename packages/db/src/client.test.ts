import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getTableName, is, sql } from 'drizzle-orm'
import { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { afterAll, describe, expect, it } from 'vitest'
import { openDb } from './client.ts'
import { newId } from './ids.ts'
import { migrateDb } from './migrate.ts'
import * as schema from './schema/index.ts'
import { memberships, organizations } from './schema/index.ts'

const dir = mkdtempSync(join(tmpdir(), 'cg-db-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const tables = async (url: string) => {
  const { db, close } = await openDb(url)
  await migrateDb(db)
  await migrateDb(db) // idempotent: a restart applies nothing twice
  const rows = await db.all<{ name: string }>(
    sql`select name from sqlite_master where type = 'table' and name not like '\\_%' escape '\\' and name not like 'sqlite%' order by name`,
  )
  return { db, close, names: rows.map((r) => r.name) }
}

/** Every table the schema declares: the migrations must create each, and nothing else. */
const declared = Object.values(schema)
  .filter((value) => is(value, SQLiteTable))
  .map((table) => getTableName(table))
  .sort()

describe('openDb + migrateDb', () => {
  it.each([':memory:', `file:${join(dir, 'a.db')}`])(
    'creates every table the schema declares on %s',
    async (url) => {
      const { names, close } = await tables(url)
      expect(names).toEqual(declared)
      close()
    },
  )

  it('enforces foreign keys and unique slugs', async () => {
    const { db, close } = await tables(`file:${join(dir, 'b.db')}`)
    const now = new Date().toISOString()
    const org = { id: newId('org'), name: 'A', slug: 'a-co', created_at: now, updated_at: now }
    await db.insert(organizations).values(org)
    await expect(db.insert(organizations).values({ ...org, id: newId('org') })).rejects.toThrow()
    await expect(
      db
        .insert(memberships)
        .values({ id: newId('mem'), org_id: org.id, user_id: 'usr_missing', role: 'agent', created_at: now }),
    ).rejects.toThrow()
    close()
  })
})

describe('newId', () => {
  it('is prefixed, 20 base32 characters, and unique', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('org')))
    expect(ids.size).toBe(1000)
    for (const id of ids) expect(id).toMatch(/^org_[0-9a-hjkmnp-tv-z]{20}$/)
  })
})
