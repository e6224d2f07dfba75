/**
 * @module Delete-all-data benchmark: one `POST /functions/v1/delete-all-data` to the Node host for an org of
 * 100,000 domain rows beside a second org of as many, timed end to end, against the same deletes as raw SQL in one
 * transaction through the same libSQL client, each on its own copy of one seeded database file.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { DELETE_ALL_DATA_PHRASE } from '@connectgain/contracts'
import { newId } from '@connectgain/db'
import { openDb } from '@connectgain/db/client'
import { migrateDb } from '@connectgain/db/migrate'
import { sql } from 'drizzle-orm'
import { getTableConfig, type SQLiteColumn } from 'drizzle-orm/sqlite-core'
import Database from 'libsql'
import { registry } from '../packages/api/src/app.ts'
import { systemClock } from '../packages/api/src/clock.ts'
import { deletionOrder } from '../packages/api/src/features/domain/danger-zone.ts'
import { demoEmail, ensureMember, ensureOrg } from '../packages/api/src/features/sessions/members.ts'
import type { Resource } from '../packages/api/src/rest/registry.ts'
import { type Child, freePort, startChild } from './lib/child.ts'
import { type Machine, machine } from './lib/machine.ts'
import { benchOptions } from './lib/options.ts'
import { distribution } from './lib/stats.ts'

const { smoke, out } = benchOptions()
/** Domain rows of each org. */
const ROWS = smoke ? 1_000 : 100_000
/** Runs of each side, alternating which goes first. */
const ROUNDS = smoke ? 1 : 3
/** Rows per multi-row INSERT while seeding (× at most a dozen columns, far below SQLite's 32,766 variables). */
const CHUNK = 400

/**
 * Rows per 100,000 of each org, as a help desk's data might be split. A domain table not named here gets
 * {@link UNPLANNED} of them and messages give up as many, so that every declared table has rows and the total stays.
 */
const PLAN: Record<string, number> = {
  contacts: 20_000,
  conversations: 20_000,
  companies: 5_000,
  deals: 5_000,
  tasks: 5_000,
  automations: 300,
  bot_flows: 200,
}
const REMAINDER = 'messages'
const UNPLANNED = 1_000

const node = process.execPath
const tsx = join('node_modules', 'tsx', 'dist', 'cli.mjs')
const SLUGS = { a: 'bench-delete-a', b: 'bench-delete-b' } as const

export interface DeleteRun {
  /** Each run's time, in order. */
  runsMs: number[]
  /** The median of {@link runsMs}. */
  medianMs: number
}

export interface DeleteAllDataResults {
  name: 'delete-all-data'
  date: string
  machine: Machine
  settings: {
    /** Domain rows of each org (the one deleted and the one that stays). */
    rowsPerOrg: number
    /** Rows of each org per table, in the order the product deletes them. */
    tables: Record<string, number>
    rounds: number
    smoke: boolean
  }
  /** The seeded file: its size, and how long migrating and seeding it took. */
  database: { megabytes: number; seedSeconds: number }
  /** `POST /functions/v1/delete-all-data` to the Node host: request sent to the whole answer read. */
  product: DeleteRun
  /** The same tables' `DELETE … WHERE org_id = ?`, children first, in one transaction of the same client. */
  raw: DeleteRun
  /** raw.medianMs ÷ product.medianMs: 1 is the product as fast as raw SQL; the goal is ≥ 0.5. */
  ratio: number
}

const dataDir = mkdtempSync(join(tmpdir(), 'cg-bench-delete-'))
let host: Child | undefined
let interrupted = false
process.on('SIGINT', () => {
  interrupted = true
  void (host?.stop() ?? Promise.resolve()).then(() => {
    rmSync(dataDir, { recursive: true, force: true })
    process.exit(130)
  })
})

const order = deletionOrder(registry)
const tableName = (r: Resource) => getTableConfig(r.table).name
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/** Rows per org of each domain table, in deletion order: {@link PLAN} scaled to {@link ROWS}, messages the rest. */
function planRows(): Map<Resource, number> {
  const scale = (n: number) => Math.max(1, Math.round((n * ROWS) / 100_000))
  const rows = new Map(order.map((r) => [r, scale(PLAN[r.name] ?? UNPLANNED)]))
  const remainder = order.find((r) => r.name === REMAINDER)
  if (!remainder) throw new Error(`no domain resource '${REMAINDER}' to take the remainder of ${ROWS} rows`)
  const others = [...rows].reduce((sum, [r, n]) => (r === remainder ? sum : sum + n), 0)
  if (others >= ROWS) throw new Error(`the plan leaves no rows for ${REMAINDER}`)
  rows.set(remainder, ROWS - others)
  return rows
}

/** A few columns get values of a realistic size; every other one a value its type and name call for. */
const realistic: Record<string, (i: number) => unknown> = {
  content: (i) =>
    `Hi, this is message ${i}: my order arrived yesterday but the box was damaged, could you send a replacement?`,
  email: (i) => `customer${i}@example.com`,
  phone: (i) => `+1 555 ${String(i % 10_000).padStart(4, '0')}`,
  domain: (i) => `company${i}.example`,
  currency: () => 'USD',
  definition: () => JSON.stringify({ start: { say: 'Hi! How can we help?', next: 'route' } }),
  conditions: () => JSON.stringify([{ field: 'status', op: 'eq', value: 'open' }]),
  actions: () => JSON.stringify([{ type: 'assign', team: 'support' }]),
}

interface Org {
  id: string
  ownerId: string
}

/**
 * One column's value in row `i` of `org`. A foreign key to a domain table names a parent of the same org, spread
 * evenly over them (`parents` maps the column to their ids); one to another table (users, teams, stages: null in
 * `parents`) stays null. A column this cannot fill is an error naming it, so that a new domain table with one is
 * noticed here rather than seeded wrong.
 */
function columnValue(
  r: Resource,
  column: SQLiteColumn,
  parents: ReadonlyMap<string, string[] | null>,
  org: Org,
  i: number,
): unknown {
  const name = column.name
  if (name === 'id') return newId(r.idPrefix)
  if (name === r.orgColumn) return org.id
  if (parents.has(name)) {
    const ids = parents.get(name)
    if (ids) return ids[i % ids.length]
    if (column.notNull)
      throw new Error(`${r.name}.${name}: a required key to a table outside the domain data`)
    return null
  }
  if (name === 'created_by') return org.ownerId
  if (name.endsWith('_at')) return new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()
  const real = realistic[name]
  if (real) return real(i)
  if (column.enumValues?.length) return column.enumValues[i % column.enumValues.length]
  switch (column.columnType) {
    case 'SQLiteBoolean':
      return i % 2
    case 'SQLiteInteger':
      return (i % 1000) * 100
    case 'SQLiteTextJson':
      return '{}'
    case 'SQLiteText':
      return `${name} ${i}`
  }
  if (!column.notNull) return null
  throw new Error(
    `${r.name}.${name}: no value for a ${column.columnType} column (add one to bench/delete-all-data.ts)`,
  )
}

/**
 * Seeds each org with {@link ROWS} domain rows, parents first, with multi-row INSERTs in one transaction per
 * table and foreign keys on. The two orgs' rows alternate within every statement, so that each page holds both,
 * as a shared database's pages do.
 */
function seed(file: string, orgs: readonly Org[], rows: ReadonlyMap<Resource, number>): void {
  const db = new Database(file)
  db.exec('PRAGMA foreign_keys = ON')
  const ids = new Map<Resource, string[][]>()
  for (const r of [...order].reverse()) {
    const count = rows.get(r) ?? 0
    const config = getTableConfig(r.table)
    const columns = config.columns
    // Parent ids per referencing column, for each org.
    const parents = orgs.map(() => new Map<string, string[] | null>())
    for (const fk of config.foreignKeys) {
      const ref = fk.reference()
      const column = ref.columns[0]
      if (!column || ref.columns.length !== 1 || column.name === r.orgColumn) continue
      const parent = order.find((p) => p.table === ref.foreignTable)
      orgs.forEach((_, o) => {
        parents[o]?.set(column.name, parent ? (ids.get(parent)?.[o] ?? null) : null)
      })
    }
    const own = orgs.map(() => [] as string[])
    const row = `(${columns.map(() => '?').join(', ')})`
    const insert = (n: number) =>
      db.prepare(
        `INSERT INTO ${quote(config.name)} (${columns.map((c) => quote(c.name)).join(', ')}) VALUES ${Array(n).fill(row).join(', ')}`,
      )
    const full = insert(CHUNK * orgs.length)
    db.exec('BEGIN')
    for (let start = 0; start < count; start += CHUNK) {
      const values: unknown[] = []
      const end = Math.min(count, start + CHUNK)
      for (let i = start; i < end; i++) {
        orgs.forEach((org, o) => {
          const parentsOf = parents[o] ?? new Map()
          for (const column of columns) {
            const value = columnValue(r, column, parentsOf, org, i)
            if (column.name === 'id') own[o]?.push(value as string)
            values.push(value)
          }
        })
      }
      ;(end - start === CHUNK ? full : insert((end - start) * orgs.length)).run(values)
    }
    db.exec('COMMIT')
    ids.set(r, own)
  }
  const broken = db.prepare('PRAGMA foreign_key_check').all()
  if (broken.length > 0)
    throw new Error(`the seed broke ${broken.length} foreign keys: ${JSON.stringify(broken[0])}`)
  // Every page into the file itself, so that a copy of the file alone is the whole database.
  const checkpoint = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number }
  if (Number(checkpoint.busy) !== 0) throw new Error('the seeded file could not be checkpointed')
  db.close()
}

/** Migrates a new file as the Node host does, and creates the two orgs with an owner each. */
async function migrated(file: string): Promise<{ a: Org; b: Org }> {
  const { db, close } = await openDb(`file:${file}`)
  try {
    await migrateDb(db)
    const org = async (slug: string): Promise<Org> => {
      const { org } = await ensureOrg(db, systemClock, registry, slug)
      const owner = await ensureMember(db, systemClock, {
        orgId: org.id,
        email: demoEmail('owner', slug),
        role: 'owner',
      })
      return { id: org.id, ownerId: owner.userId }
    }
    return { a: await org(SLUGS.a), b: await org(SLUGS.b) }
  } finally {
    close()
  }
}

/** Rows of `orgId` per domain table of the file. */
function countRows(file: string, orgId: string): Map<Resource, number> {
  const db = new Database(file)
  try {
    return new Map(
      order.map((r) => {
        const sql = `SELECT count(*) AS n FROM ${quote(tableName(r))} WHERE ${quote(r.orgColumn)} = ?`
        return [r, Number((db.prepare(sql).get(orgId) as { n: number | bigint }).n)]
      }),
    )
  } finally {
    db.close()
  }
}

/** After a run: org A has nothing left in any domain table, org B every row it was seeded with. */
function checkAfter(
  file: string,
  side: string,
  orgs: { a: Org; b: Org },
  rows: ReadonlyMap<Resource, number>,
) {
  const left = countRows(file, orgs.a.id)
  const kept = countRows(file, orgs.b.id)
  for (const r of order) {
    if (left.get(r) !== 0) throw new Error(`${side}: org A still has ${left.get(r)} ${r.name}`)
    if (kept.get(r) !== rows.get(r))
      throw new Error(`${side}: org B has ${kept.get(r)} ${r.name}, seeded with ${rows.get(r)}`)
  }
}

/** A JSON POST over node:http, which waits for an answer as long as it takes: fetch gives up after 300 s. */
function post(url: string, token: string, body: unknown): Promise<{ status: number; text: string }> {
  const payload = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const headers = {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(payload),
      Authorization: `Bearer ${token}`,
    }
    const req = request(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      )
    })
    req.on('error', reject)
    req.end(payload)
  })
}

let runs = 0
/** A fresh data folder holding a copy of the seeded file and nothing else. */
function copyOf(template: string): { dir: string; file: string } {
  const dir = join(dataDir, `run-${runs++}`)
  mkdirSync(dir)
  const file = join(dir, 'connectgain.db')
  copyFileSync(template, file)
  return { dir, file }
}

/** The product: the Node host on the copy, an owner's session of org A, one timed POST. */
async function productRun(template: string, orgs: { a: Org; b: Org }, rows: ReadonlyMap<Resource, number>) {
  const { dir, file } = copyOf(template)
  let ms: number
  // As `npm start` runs it: tsx, demo mode (for the owner's session), the copy's folder as DATA_DIR.
  host = await startChild('node host', node, [tsx, 'packages/api/src/hosts/node.ts'], {
    port: await freePort(),
    env: { CG_MODE: 'demo', DATA_DIR: dir },
  })
  try {
    const session = await fetch(`${host.url}/functions/v1/dev/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'owner', org_slug: SLUGS.a }),
    })
    if (!session.ok) throw new Error(`dev/session answered ${session.status}: ${await session.text()}`)
    const { access_token: token, org_id: orgId } = (await session.json()) as {
      access_token: string
      org_id: string
    }
    if (orgId !== orgs.a.id) throw new Error(`dev/session answered org ${orgId}, not org A (${orgs.a.id})`)
    const started = performance.now()
    const { status, text } = await post(`${host.url}/functions/v1/delete-all-data`, token, {
      confirmation: DELETE_ALL_DATA_PHRASE,
    })
    ms = performance.now() - started
    if (status !== 200) throw new Error(`delete-all-data answered ${status}: ${text}`)
    const { deleted } = JSON.parse(text) as { deleted: Record<string, number> }
    for (const r of order) {
      if (deleted[r.name] !== rows.get(r))
        throw new Error(`delete-all-data says it deleted ${deleted[r.name]} ${r.name}, not ${rows.get(r)}`)
    }
  } finally {
    await host.stop()
    host = undefined
  }
  checkAfter(file, 'product', orgs, rows)
  rmSync(dir, { recursive: true, force: true })
  return ms
}

/** The baseline: the same deletes in the same order, as plain SQL in one transaction of the same client. */
async function rawRun(template: string, orgs: { a: Org; b: Org }, rows: ReadonlyMap<Resource, number>) {
  const { dir, file } = copyOf(template)
  // openDb as the host opens it: the same SqliteClient, WAL, synchronous NORMAL, foreign keys on.
  const { db, close } = await openDb(`file:${file}`)
  let ms: number
  try {
    // Plain SQL text (`DELETE FROM "messages" WHERE "org_id" = ?`), sent as one batch: the client's one transaction.
    const deletes = order.map((r) =>
      db.run(
        sql`DELETE FROM ${sql.identifier(tableName(r))} WHERE ${sql.identifier(r.orgColumn)} = ${orgs.a.id}`,
      ),
    )
    const [first, ...rest] = deletes
    if (!first) throw new Error('no domain tables to delete from')
    const started = performance.now()
    const results = await db.batch([first, ...rest])
    ms = performance.now() - started
    order.forEach((r, i) => {
      if (results[i]?.rowsAffected !== rows.get(r))
        throw new Error(`raw: deleted ${results[i]?.rowsAffected} ${r.name}, not ${rows.get(r)}`)
    })
  } finally {
    close()
  }
  checkAfter(file, 'raw', orgs, rows)
  rmSync(dir, { recursive: true, force: true })
  return ms
}

try {
  const rows = planRows()
  const template = join(dataDir, 'template.db')
  const seedStarted = performance.now()
  const orgs = await migrated(template)
  seed(template, [orgs.a, orgs.b], rows)
  const seedSeconds = (performance.now() - seedStarted) / 1000
  // libsql's close() leaves a connection open while its statements live, and with it the WAL file: empty once
  // checkpointed, and then the file alone is the database.
  if (existsSync(`${template}-wal`) && statSync(`${template}-wal`).size > 0)
    throw new Error('the seeded file kept pages in its WAL: a copy of the file would miss them')
  for (const org of [orgs.a, orgs.b]) {
    const seeded = countRows(template, org.id)
    const empty = order.filter((r) => !seeded.get(r))
    if (empty.length > 0) throw new Error(`the seed left ${empty.map((r) => r.name).join(', ')} empty`)
  }
  const megabytes = statSync(template).size / 2 ** 20
  console.log(
    `seeded 2 × ${ROWS} rows (${order.map((r) => `${r.name} ${rows.get(r)}`).join(', ')}) in ${seedSeconds.toFixed(1)} s, ${megabytes.toFixed(0)} MB`,
  )

  const times = { product: [] as number[], raw: [] as number[] }
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which side goes first, so that neither always meets a machine that drifts the same way.
    const sides = round % 2 === 0 ? (['product', 'raw'] as const) : (['raw', 'product'] as const)
    for (const side of sides) {
      if (interrupted) throw new Error('interrupted')
      const ms =
        side === 'product' ? await productRun(template, orgs, rows) : await rawRun(template, orgs, rows)
      times[side].push(ms)
      console.log(`round ${round + 1} ${side.padEnd(7)} ${ms.toFixed(0)} ms`)
    }
  }
  const summary = (runsMs: number[]): DeleteRun => ({ runsMs, medianMs: distribution(runsMs).p50 })
  const product = summary(times.product)
  const raw = summary(times.raw)
  const results: DeleteAllDataResults = {
    name: 'delete-all-data',
    date: new Date().toISOString(),
    machine: machine(),
    settings: {
      rowsPerOrg: ROWS,
      tables: Object.fromEntries(order.map((r) => [r.name, rows.get(r) ?? 0])),
      rounds: ROUNDS,
      smoke,
    },
    database: { megabytes, seedSeconds },
    product,
    raw,
    ratio: raw.medianMs / product.medianMs,
  }
  console.log(
    `delete-all-data ${ROWS} rows  ·  product ${product.medianMs.toFixed(0)} ms  ·  raw ${raw.medianMs.toFixed(0)} ms  ·  ${results.ratio.toFixed(2)}× (raw ÷ product)`,
  )
  writeFileSync(join(out, 'delete-all-data.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log(`wrote ${join(out, 'delete-all-data.json')}`)
} catch (err) {
  if (!interrupted) throw err
} finally {
  await host?.stop()
  rmSync(dataDir, { recursive: true, force: true })
}
