/**
 * @module The limit of this stack: Hono on @hono/node-server doing only the work the API's request must do
 * (one HMAC verify with a cached key and the membership's read, or one SHA-256; SQLite statements prepared once,
 * JSON), nothing else:
 * no middleware, no query parsing, no ORM. The API's overhead is the distance to this.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import Database from 'libsql'

const dataDir = process.env.DATA_DIR ?? '.data'
const { SESSION_SECRET } = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8'))
const db = new Database(join(dataDir, 'connectgain.db'))
db.exec('PRAGMA busy_timeout = 5000')

const columns = 'id, name, slug, timezone, currency, created_at, updated_at'
const readOrg = db.prepare(`select ${columns} from organizations where id = ? and id = ?`)
const findKey = db.prepare('select id, org_id, revoked_at, expires_at from api_keys where hash = ?')
// A session acts with the role its membership has now: one indexed read per request, as the API does.
const findMember = db.prepare('select role from memberships where org_id = ? and user_id = ? limit 1')
const writeOrg = db.prepare(
  `update organizations set name = ?, updated_at = ? where id = ? returning ${columns}`,
)
const audit = db.prepare(
  "insert into audit_log (id, org_id, actor_type, actor_id, action, resource, row_id, before, after, created_at) values (?, ?, 'user', ?, 'update', 'organizations', ?, ?, ?, ?)",
)

const encoder = new TextEncoder()
const key = await crypto.subtle.importKey(
  'raw',
  encoder.encode(SESSION_SECRET),
  { name: 'HMAC', hash: 'SHA-256' },
  false,
  ['verify'],
)
const fromBase64Url = (s: string) => Uint8Array.from(Buffer.from(s, 'base64url'))

type Who = { org: string; sub: string } | null

async function caller(authorization: string | undefined): Promise<Who> {
  const token = authorization?.slice('Bearer '.length) ?? ''
  if (token.startsWith('ak_')) {
    const digest = await crypto.subtle.digest('SHA-256', encoder.encode(token))
    const row = findKey.get(Buffer.from(digest).toString('hex')) as Record<string, string> | undefined
    if (!row || row.revoked_at || (row.expires_at && row.expires_at <= new Date().toISOString())) return null
    return { org: row.org_id as string, sub: row.id as string }
  }
  const [header = '', payload = '', signature = ''] = token.split('.')
  const signed = encoder.encode(`${header}.${payload}`)
  if (!(await crypto.subtle.verify('HMAC', key, fromBase64Url(signature), signed))) return null
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
  if (!(claims.exp > Date.now() / 1000) || !findMember.get(claims.org, claims.sub)) return null
  return { org: claims.org, sub: claims.sub }
}

const app = new Hono()
app.get('/health', (c) => c.json({ ok: true }))
app.get('/rest/v1/organizations', async (c) => {
  const who = await caller(c.req.header('authorization'))
  if (!who) return c.json({ code: 'PGRST301' }, 401)
  return c.json(readOrg.all(c.req.query('id')?.slice(3), who.org))
})
app.patch('/rest/v1/organizations', async (c) => {
  const who = await caller(c.req.header('authorization'))
  if (!who) return c.json({ code: 'PGRST301' }, 401)
  const body = await c.req.json()
  const now = new Date().toISOString()
  const before = readOrg.get(who.org, who.org)
  db.exec('BEGIN')
  const rows = writeOrg.all(body.name, now, who.org)
  audit.run(
    crypto.randomUUID(),
    who.org,
    who.sub,
    who.org,
    JSON.stringify(before),
    JSON.stringify(rows[0]),
    now,
  )
  db.exec('COMMIT')
  return c.json(rows)
})
serve({ fetch: app.fetch, port: Number(process.env.PORT) })
