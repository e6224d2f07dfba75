/**
 * @module Security test: an API key's text is shown once (the response that creates it) and then appears nowhere:
 * not in logs, later responses, or any table, through a key's whole life (generate, use, typo, roll, revoke).
 */
import { createHash } from 'node:crypto'
import { format } from 'node:util'
import { apiKeys } from '@connectgain/db'
import { eq, sql } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from '../../app.ts'
import { createTestContext, type RequestOptions, type TestContext } from '../../test-utils/index.ts'
import { KeyUsage } from './key-usage.ts'

const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const

/** Every line written through `console` from now on. */
function captureConsole(): string[] {
  const lines: string[] = []
  for (const method of consoleMethods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(format(...args))
    })
  }
  return lines
}

interface Seen {
  step: string
  text: string
}

/** Every value of every row of every table (and the schema itself), as text. */
async function everyStoredValue(db: TestContext['db']): Promise<{ tables: string[]; values: string[] }> {
  const tables = (
    await db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
  ).map((t) => t.name)
  const values: string[] = []
  for (const table of ['sqlite_master', ...tables]) {
    const rows = await db.all<Record<string, unknown>>(
      sql.raw(`SELECT * FROM "${table.replaceAll('"', '""')}"`),
    )
    for (const row of rows) {
      for (const value of Object.values(row)) {
        values.push(value instanceof ArrayBuffer ? Buffer.from(value).toString('latin1') : String(value))
      }
    }
  }
  return { tables, values }
}

describe('API key secrecy', () => {
  let ctx: TestContext | undefined
  afterEach(() => {
    vi.restoreAllMocks()
    ctx?.close()
    ctx = undefined
  })

  it('shows a key once; its text is in no log line, later response or table row through generate, use, typo, roll and revoke', async () => {
    const logs = captureConsole()
    ctx = await createTestContext()
    const { db, clock, config, queue, orgA } = ctx
    // Our own KeyUsage, so the test can flush it; it logs its failures with console.error (captured).
    const keyUsage = new KeyUsage(db)
    const app = createApp({ db, clock, config, queue }, { keyUsage })
    const owner = orgA.tokens.owner

    const seen: Seen[] = []
    async function call(step: string, method: string, path: string, opts: RequestOptions = {}) {
      const headers: Record<string, string> = { ...opts.headers }
      if (opts.token) headers.Authorization = `Bearer ${opts.token}`
      let body: string | undefined
      if (opts.body !== undefined) {
        body = JSON.stringify(opts.body)
        headers['Content-Type'] = 'application/json'
      }
      const res = await app.request(path, { method, headers, body })
      const text = await res.text()
      seen.push({ step, text: `${[...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${text}` })
      return { status: res.status, headers: res.headers, json: () => JSON.parse(text) }
    }

    // Generate: the one response that holds the first key.
    const generated = await call('generate', 'POST', '/functions/v1/generate-api-key', {
      token: owner,
      body: { name: 'secrecy' },
    })
    expect(generated.status).toBe(201)
    const { api_key: first, id: firstId } = generated.json() as { api_key: string; id: string }
    expect(first).toMatch(/^ak_[0-9A-Za-z]{38}$/)

    // Use it.
    const used = await call('use', 'GET', '/rest/v1/tags', { token: first })
    expect(used.status).toBe(200)
    expect(used.headers.get('RateLimit')).toMatch(/^"api-key";r=\d+;t=\d+$/)

    // A typo'd copy (one character changed) fails the checksum.
    const i = 20
    const typo = `${first.slice(0, i)}${first[i] === 'x' ? 'y' : 'x'}${first.slice(i + 1)}`
    const typoed = await call('typo', 'GET', '/rest/v1/tags', { token: typo })
    expect(typoed.status).toBe(401)
    expect(typoed.json()).toMatchObject({ code: 'PGRST301', message: 'invalid API key format' })

    // Roll: the one response that holds the second key; the first keeps working for the overlap.
    const rolled = await call('roll', 'POST', '/functions/v1/roll-api-key', {
      token: owner,
      body: { id: firstId },
    })
    expect(rolled.status).toBe(201)
    const { api_key: second, id: secondId } = rolled.json() as { api_key: string; id: string }
    expect(second).toMatch(/^ak_[0-9A-Za-z]{38}$/)
    expect(second).not.toBe(first)
    const rolledAt = seen.length

    // Revoke the new key, then try it.
    const revoked = await call('revoke', 'POST', '/functions/v1/revoke-api-key', {
      token: owner,
      body: { id: secondId },
    })
    expect(revoked.status).toBe(200)
    const refused = await call('use revoked', 'GET', '/rest/v1/tags', { token: second })
    expect(refused.status).toBe(401)
    expect(refused.json()).toMatchObject({ code: 'PGRST301', message: expect.stringMatching(/revoked/) })

    // The first key again a minute later, while the database refuses the usage write: a line is logged.
    await db.run(
      sql.raw(
        `CREATE TRIGGER refuse_key_updates BEFORE UPDATE ON api_keys BEGIN SELECT RAISE(ABORT, 'disk is on fire'); END`,
      ),
    )
    clock.advance(61_000)
    expect((await call('use in overlap', 'GET', '/rest/v1/tags', { token: first })).status).toBe(200)
    await vi.waitFor(() => expect(logs.join('\n')).toContain(firstId))
    await db.run(sql.raw('DROP TRIGGER refuse_key_updates'))

    // What an owner can read about keys afterwards.
    for (const path of ['/rest/v1/api_keys', '/rest/v1/audit_log', '/rest/v1/api_key_usage']) {
      expect((await call(`read ${path}`, 'GET', path, { token: owner })).status, path).toBe(200)
    }
    await keyUsage.flush(clock.now().getTime())

    // Both uses of the first key are counted (the failed write's count was kept); the revoked key's is not.
    const rows = await db.select().from(apiKeys).where(eq(apiKeys.org_id, orgA.id))
    const firstRow = rows.find((r) => r.id === firstId)
    const secondRow = rows.find((r) => r.id === secondId)
    expect(firstRow?.usage_count).toBe(2)
    expect(secondRow?.usage_count).toBe(0)

    // Stored as the SHA-256 of the text in hex, with the first 7 characters and the last 4 for display.
    for (const [row, key] of [
      [firstRow, first],
      [secondRow, second],
    ] as const) {
      expect(row).toMatchObject({
        hash: createHash('sha256').update(key).digest('hex'),
        prefix: key.slice(0, 7),
        last4: key.slice(-4),
      })
    }

    const secrets = { first, second, typo }
    const texts = (key: string) => [key, key.slice(3)]

    // No log line holds a key, a key's body, or anything shaped like a key.
    expect(logs.length).toBeGreaterThan(0)
    for (const line of logs) {
      for (const [name, key] of Object.entries(secrets)) {
        for (const text of texts(key)) expect(line, `log line holds the ${name} key`).not.toContain(text)
      }
      expect(line).not.toMatch(/ak_[0-9A-Za-z]{38}/)
    }

    // No response after the one that showed a key holds it again (body or header).
    expect(seen[0]?.text).toContain(first) // the scan reads what a client would
    expect(seen[rolledAt - 1]?.text).toContain(second)
    for (const [index, response] of seen.entries()) {
      for (const text of texts(first)) {
        if (index > 0) expect(response.text, `${response.step} shows the first key`).not.toContain(text)
      }
      for (const text of texts(second)) {
        if (index >= rolledAt)
          expect(response.text, `${response.step} shows the second key`).not.toContain(text)
      }
      for (const text of texts(typo))
        expect(response.text, `${response.step} echoes the typo`).not.toContain(text)
    }

    // No row of any table holds either key's text or body.
    const { tables, values } = await everyStoredValue(db)
    expect(tables).toEqual(expect.arrayContaining(['api_keys', 'api_key_usage', 'audit_log']))
    expect(values).toContain(firstRow?.hash) // the scan reads what a table holds
    const stored = values.join('\n')
    for (const [name, key] of Object.entries(secrets)) {
      for (const text of texts(key)) expect(stored, `a table holds the ${name} key`).not.toContain(text)
    }
    expect(stored).not.toMatch(/ak_[0-9A-Za-z]{38}/)
  })
})
