/**
 * @module `npm run bootstrap`: the first organization, its owner and an API key, for a production
 * database that has none. Writes through DATABASE_URL, or with `--sql` prints SQL for
 * `wrangler d1 execute DB --remote --file …`. The key is printed once and never stored in clear.
 */

import { parseArgs } from 'node:util'
import { OrganizationName, OrganizationSlug } from '@connectgain/contracts'
import { newId } from '@connectgain/db'
import { openDb } from '@connectgain/db/client'
import { migrateDb } from '@connectgain/db/migrate'
import { z } from 'zod'
import { registry } from '../app.ts'
import { systemClock } from '../clock.ts'
import { apiKeyRow, createApiKey, generateKey } from '../features/api-keys/api-keys.ts'
import { ensureMember, ensureOrg } from '../features/sessions/members.ts'

const Args = z.object({
  name: OrganizationName,
  slug: OrganizationSlug,
  owner: z.email('--owner must be an email address').toLowerCase(),
  sql: z.boolean().default(false),
})

const usage = 'usage: npm run bootstrap -- --name "Acme Inc" --slug acme --owner you@acme.com [--sql]'

const quote = (v: string | number | null) =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`
const insert = (table: string, row: Record<string, string | number | null>) =>
  `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.values(row).map(quote).join(', ')});`

/** SQL that creates the org, its owner and a key, for databases this process cannot reach (D1). */
async function bootstrapSql(args: z.infer<typeof Args>): Promise<{ sql: string; key: string }> {
  const now = systemClock.now().toISOString()
  const org = newId('org')
  const user = newId('usr')
  const key = generateKey()
  const statements = [
    insert('organizations', {
      id: org,
      name: args.name,
      slug: args.slug,
      timezone: 'UTC',
      currency: 'USD',
      created_at: now,
      updated_at: now,
    }),
    insert('users', { id: user, email: args.owner, name: null, created_at: now }),
    insert('memberships', { id: newId('mem'), org_id: org, user_id: user, role: 'owner', created_at: now }),
    insert(
      'api_keys',
      await apiKeyRow(key, { orgId: org, name: 'Bootstrap key', createdBy: user, createdAt: now }),
    ),
  ]
  return { sql: statements.join('\n'), key }
}

async function main(): Promise<number> {
  let parsed: z.infer<typeof Args>
  try {
    const { values } = parseArgs({
      options: {
        name: { type: 'string' },
        slug: { type: 'string' },
        owner: { type: 'string' },
        sql: { type: 'boolean' },
      },
    })
    const result = Args.safeParse(values)
    if (!result.success) {
      for (const issue of result.error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`)
      console.error(usage)
      return 2
    }
    parsed = result.data
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`)
    return 2
  }

  if (parsed.sql) {
    const { sql, key } = await bootstrapSql(parsed)
    console.log(sql)
    console.error(`API key (shown once, store it in your backend's secrets): ${key}`)
    return 0
  }
  const url = process.env.DATABASE_URL ?? `file:${process.env.DATA_DIR || '.data'}/connectgain.db`
  const { db, close } = await openDb(url, process.env.DATABASE_AUTH_TOKEN)
  try {
    await migrateDb(db)
    const { org } = await ensureOrg(db, systemClock, registry, parsed.slug, parsed.name)
    const owner = await ensureMember(db, systemClock, { orgId: org.id, email: parsed.owner, role: 'owner' })
    const { key } = await createApiKey(db, systemClock, {
      orgId: org.id,
      name: 'Bootstrap key',
      createdBy: owner.userId,
    })
    console.log(`Organization ${org.name} (${org.id}), owner ${parsed.owner}`)
    console.log(`API key (shown once, store it in your backend's secrets): ${key}`)
    return 0
  } finally {
    close()
  }
}

process.exitCode = await main()
