/**
 * @module `Idempotency-Key` on the POSTs that create (`/rest/v1/*`, `/functions/v1/*`), as Stripe has it: the first
 * request with a key runs and its answer is kept, encrypted, for 24 hours; a repeat answers it again
 * (`Idempotent-Replayed: true`) and creates nothing.
 */
import { type Db, idempotencyKeys, newId } from '@connectgain/db'
import { and, eq, lte } from 'drizzle-orm'
import type { MiddlewareHandler } from 'hono'
import { toHex } from '../auth/hashing.ts'
import { ApiError } from '../errors.ts'
import { decryptSecret, encryptSecret } from '../secrets/encryption.ts'
import type { AppEnv } from '../types.ts'
import { requestHeader } from './headers.ts'

/** How long an answer is replayed (Stripe keeps keys 24 hours). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000
/** A first request not finished after this long is taken to have died with its process: a repeat runs again. */
export const IDEMPOTENCY_LEASE_MS = 2 * 60 * 1000

/** Stripe's rule: up to 255 characters; visible ASCII, so the key reads the same in every log and proxy. */
const VALID_KEY = /^[\x21-\x7e]{1,255}$/
/** The answer's headers a replay repeats; the rest (CORS, the request id, rate limits) belong to each request. */
const KEPT_HEADERS = ['content-type', 'location', 'preference-applied', 'content-range']

interface StoredAnswer {
  status: number
  headers: Record<string, string>
  body: string | null
}

const utf8 = new TextEncoder()
const context = (id: string) => `idempotency_keys.response:${id}`

/** SHA-256 of what makes two requests the same one: the query string, the Prefer header and the body bytes. */
async function fingerprint(query: string, prefer: string, body: ArrayBuffer): Promise<string> {
  const head = utf8.encode(`${query}\n${prefer}\n`)
  const bytes = new Uint8Array(head.byteLength + body.byteLength)
  bytes.set(head)
  bytes.set(new Uint8Array(body), head.byteLength)
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)))
}

const invalidKey = () =>
  new ApiError('22P02', 'Invalid Idempotency-Key header: send 1 to 255 visible ASCII characters', {
    details: [
      {
        field: 'Idempotency-Key',
        message: 'Must be 1 to 255 visible ASCII characters (no spaces)',
        issue: 'invalid_format',
      },
    ],
    hint: 'Send a fresh UUID per action, e.g. Idempotency-Key: 4f1c2c1e-…',
  })

const stillRunning = () =>
  new ApiError('CG409', 'A request with this Idempotency-Key is still running', {
    hint: 'Wait for it to finish, then send it again to get its answer',
  })

/**
 * Reads `Idempotency-Key` and runs the request once per key. The key is scoped to the caller's org and
 * credential (the member or the API key) and to the method and path, so another caller's key never meets it.
 * Only successes are kept: an error here writes nothing, so a repeat simply runs again (a 403 fixed by a new
 * role, a 5xx the client retries). A request without credentials passes through (nothing to scope it to).
 */
export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = requestHeader(c, 'idempotency-key')
  if (key === undefined) return next()
  if (!VALID_KEY.test(key)) throw invalidKey()
  const caller = c.get('caller')
  if (!caller) return next()
  const { db, clock, config } = c.get('deps')
  const url = c.req.url
  const queryAt = url.indexOf('?')
  const scope = {
    org_id: caller.orgId,
    credential: caller.kind === 'session' ? caller.userId : caller.keyId,
    method: c.req.method,
    path: c.req.path,
    key,
  }
  const print = await fingerprint(
    queryAt < 0 ? '' : url.slice(queryAt + 1),
    requestHeader(c, 'prefer') ?? '',
    await c.req.arrayBuffer(), // kept by Hono: the route reads the same bytes
  )

  const claim = await claimKey(db, clock.now(), scope, print)
  if (!claim.ok) {
    if (claim.row.fingerprint !== print) {
      throw new ApiError('CG422', 'This Idempotency-Key was already used with another request', {
        hint: 'Send a new Idempotency-Key for a new request; a repeat must send the same query and body',
      })
    }
    if (claim.row.response === null) {
      throw stillRunning()
    }
    const answer = JSON.parse(
      await decryptSecret(config.ENCRYPTION_KEY, claim.row.response, context(claim.row.id)),
    ) as StoredAnswer
    const headers = { ...answer.headers, 'Idempotent-Replayed': 'true' }
    const status = answer.status as 200
    return answer.body === null ? c.body(null, status, headers) : c.body(answer.body, status, headers)
  }

  try {
    await next()
  } catch (err) {
    await release(db, claim.id)
    throw err
  }
  const res = c.res
  if (res.status >= 400) return release(db, claim.id)
  const answer: StoredAnswer = { status: res.status, headers: {}, body: (await res.clone().text()) || null }
  for (const name of KEPT_HEADERS) {
    const value = res.headers.get(name)
    if (value !== null) answer.headers[name] = value
  }
  try {
    const sealed = await encryptSecret(config.ENCRYPTION_KEY, JSON.stringify(answer), context(claim.id))
    await db.update(idempotencyKeys).set({ response: sealed }).where(eq(idempotencyKeys.id, claim.id))
  } catch (err) {
    // The work is done and answered; without its record a repeat runs again, which beats a 500 for a success.
    console.error(`[${c.get('requestId')}] idempotency key not stored: ${(err as Error).message}`)
    await release(db, claim.id).catch(() => {})
  }
}

type Scope = Pick<typeof idempotencyKeys.$inferInsert, 'org_id' | 'credential' | 'method' | 'path' | 'key'>
type Row = typeof idempotencyKeys.$inferSelect

/**
 * Inserts the key as running, or answers the row that holds it. A row past its 24 hours, or a first request
 * that never finished (its process died), is taken over: deleted, then claimed again.
 */
async function claimKey(
  db: Db,
  now: Date,
  scope: Scope,
  print: string,
): Promise<{ ok: true; id: string } | { ok: false; row: Row }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const id = newId('idem')
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ id, ...scope, fingerprint: print, response: null, created_at: now.toISOString() })
      .onConflictDoNothing()
      .returning({ id: idempotencyKeys.id })
    if (claimed.length) return { ok: true, id }
    const [row] = await db
      .select()
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.org_id, scope.org_id),
          eq(idempotencyKeys.credential, scope.credential),
          eq(idempotencyKeys.method, scope.method),
          eq(idempotencyKeys.path, scope.path),
          eq(idempotencyKeys.key, scope.key),
        ),
      )
    if (!row) continue // released between the two statements: claim it now
    const age = now.getTime() - Date.parse(row.created_at)
    const stale = age >= IDEMPOTENCY_TTL_MS || (row.response === null && age >= IDEMPOTENCY_LEASE_MS)
    // A concurrent repeat may take over the same stale row: one claim wins, the other reads it as running.
    if (!stale || attempt > 0) return { ok: false, row }
    await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, row.id))
  }
  // Claimed and released by others three times over while this one looked: as good as running.
  throw stillRunning()
}

const release = async (db: Db, id: string): Promise<void> => {
  await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, id))
}

/** Housekeeping: forget keys past their 24 hours (a lookup already ignores them). */
export async function pruneIdempotencyKeys(db: Db, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString()
  await db.delete(idempotencyKeys).where(lte(idempotencyKeys.created_at, cutoff))
}
