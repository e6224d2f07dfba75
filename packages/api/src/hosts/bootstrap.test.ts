/** @module `npm run bootstrap` as an operator runs it: a real process, then the key it printed used for real. */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { openDb } from '@connectgain/db/client'
import { migrateDb } from '@connectgain/db/migrate'
import { createClient } from '@libsql/client'
import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { TableQueue } from '../jobs/table-queue.ts'
import { TestClock, testConfig } from '../test-utils/index.ts'

const run = promisify(execFile)
const tsx = new URL('../../../../node_modules/.bin/tsx', import.meta.url).pathname
const script = new URL('./bootstrap.ts', import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'cg-bootstrap-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const bootstrap = (args: string[], env: Record<string, string> = {}) =>
  run(tsx, [script, ...args], { env: { PATH: process.env.PATH, ...env } }).catch(
    (err: { code: number; stdout: string; stderr: string }) => err,
  )

/** GET organizations with `key` against an app on the database at `url`. */
async function readWithKey(url: string, key: string) {
  const { db, close } = await openDb(url)
  const clock = new TestClock(new Date())
  const config = testConfig({ CG_MODE: 'production' })
  const app = createApp({ db, clock, config, queue: new TableQueue({ db, clock, config }, {}) })
  const res = await app.request('/rest/v1/organizations?select=name,slug', { headers: { apikey: key } })
  const body = await res.json()
  close()
  return { status: res.status, body }
}

const keyIn = (text: string) => /(ak_[0-9A-Za-z]{38})/.exec(text)?.[1] ?? ''

describe('npm run bootstrap', () => {
  it('creates the org, its owner and a working API key in DATABASE_URL', async () => {
    const url = `file:${join(dir, 'direct', 'db.sqlite')}`
    const out = await bootstrap(
      ['--name', "O'Brien & Co", '--slug', 'obrien', '--owner', 'Boss@OBrien.com'],
      {
        DATABASE_URL: url,
      },
    )
    expect(out.stdout).toContain("Organization O'Brien & Co")
    expect(await readWithKey(url, keyIn(out.stdout))).toEqual({
      status: 200,
      body: [{ name: "O'Brien & Co", slug: 'obrien' }],
    })
  })

  it('with --sql prints SQL that gives the same result once applied (the D1 path)', async () => {
    const out = await bootstrap(['--name', 'D1 Co', '--slug', 'd1-co', '--owner', 'owner@d1.co', '--sql'])
    const url = `file:${join(dir, 'sql.sqlite')}`
    const { db, close } = await openDb(url)
    await migrateDb(db)
    close()
    const client = createClient({ url })
    await client.executeMultiple(out.stdout)
    client.close()
    expect(keyIn(out.stdout)).toBe('') // the key goes to stderr, never into the SQL file
    expect(await readWithKey(url, keyIn(out.stderr))).toEqual({
      status: 200,
      body: [{ name: 'D1 Co', slug: 'd1-co' }],
    })
  })

  it('refuses bad arguments, naming each, and writes nothing', async () => {
    const out = await bootstrap(['--name', '', '--slug', 'Not A Slug', '--owner', 'nope'], {
      DATABASE_URL: `file:${join(dir, 'bad', 'db.sqlite')}`,
    })
    expect('code' in out && out.code).toBe(2)
    expect(out.stderr).toContain('--name: Name is required')
    expect(out.stderr).toContain('--slug: Slug must be lowercase')
    expect(out.stderr).toContain('--owner: --owner must be an email address')
    expect(existsSync(join(dir, 'bad'))).toBe(false)
  })
})
