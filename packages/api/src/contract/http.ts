/** @module Contract-suite helpers: requests through the target, the one error-envelope check, sessions and org reads. */
import { type Action, can, type ResourceName, type Role, roles } from '@connectgain/contracts'
import { expect } from 'vitest'
import type { ContractTarget } from './target.ts'

/** The host under test, available once the suite's beforeAll ran. */
export type Target = () => ContractTarget

/** The roles the permission matrix lets `action` the rows of `policy`, in the matrix's order. */
export function rolesWhoCan(action: Action, policy: ResourceName): Role[] {
  return roles.filter((role) => can(role, action, policy))
}

/** Org B's slug for two-tenant checks; org A is the demo org (no `org_slug`). */
export const ORG_B = 'other-co'
export const ORGS = '/rest/v1/organizations'
export const DEV_SESSION = '/functions/v1/dev/session'
export const SESSIONS = '/functions/v1/sessions'
export const SINGLE_OBJECT = 'application/vnd.pgrst.object+json'

export interface Session {
  access_token: string
  token_type: 'bearer'
  expires_at: string
  user_id: string
  org_id: string
  role: Role
}

export interface Org {
  id: string
  name: string
  slug: string
  timezone: string
  currency: string
  created_at: string
  updated_at: string
}

/** The writable part of an org: what a restore sends back. */
export type OrgSettings = Pick<Org, 'name' | 'slug' | 'timezone' | 'currency'>

export interface ErrorEnvelope {
  code: string
  message: string
  details: unknown
  hint: string | null
}

export interface Call {
  method?: string
  /** Sent as `Authorization: Bearer …`: a session JWT or an `ak_` key. */
  token?: string
  /** JSON-encoded unless it already is a string or bytes; sets `Content-Type: application/json`. */
  body?: unknown
  headers?: Record<string, string>
}

export function send(
  target: Target,
  path: string,
  { method = 'GET', token, body, headers = {} }: Call = {},
): Promise<Response> {
  const h: Record<string, string> = { ...headers }
  if (token !== undefined) h.Authorization = `Bearer ${token}`
  let payload: BodyInit | undefined
  if (body !== undefined) {
    payload =
      typeof body === 'string' || body instanceof Uint8Array
        ? (body as string | Uint8Array<ArrayBuffer>)
        : JSON.stringify(body)
    h['Content-Type'] ??= 'application/json'
  }
  return target().fetch(path, { method, headers: h, body: payload })
}

/** Asserts the status (showing the body when it differs) and a JSON body, and returns it parsed. */
export async function expectJson<T>(res: Response, status: number): Promise<T> {
  const text = await res.text()
  expect(res.status, `${res.status} ${text}`).toBe(status)
  expect(res.headers.get('content-type') ?? '').toMatch(/^application\/(.+\+)?json/)
  return JSON.parse(text) as T
}

/** A row a test made: its id and whatever else the server answered. */
export type CreatedRow = Record<string, unknown> & { id: string }

/** POSTs `body` to `/rest/v1/<resource>` as `token` with `return=representation`: 201 and the row it made. */
export async function createRow(
  target: Target,
  token: string,
  resource: string,
  body: unknown,
): Promise<CreatedRow> {
  const res = await send(target, `/rest/v1/${resource}`, {
    method: 'POST',
    token,
    body,
    headers: { Prefer: 'return=representation' },
  })
  return (await expectJson<CreatedRow[]>(res, 201))[0] as CreatedRow
}

export interface ExpectedError {
  status: number
  code: string
  /** What the message must say. */
  message?: RegExp
  /** A field that `details` must name (`details: [{ field, message }]`). */
  field?: string
}

/**
 * THE error check: status, JSON envelope with exactly `{code, message, details, hint}`, what it must say,
 * and the header its status requires (WWW-Authenticate on 401, Allow on 405, Retry-After on 429).
 */
export async function expectError(res: Response, want: ExpectedError): Promise<ErrorEnvelope> {
  const text = await res.text()
  expect(res.status, `${res.status} ${text}`).toBe(want.status)
  expect(res.headers.get('content-type') ?? '').toMatch(/^application\/json/)
  if (res.status === 401) expect(res.headers.get('www-authenticate') ?? '').toMatch(/^Bearer realm=/)
  if (res.status === 405) expect(res.headers.get('allow') ?? '').not.toBe('')
  if (res.status === 429) expect(res.headers.get('retry-after') ?? '').toMatch(/^\d+$/)
  const body = JSON.parse(text) as ErrorEnvelope
  expect(Object.keys(body).sort()).toEqual(['code', 'details', 'hint', 'message'])
  expect(body.code).toBe(want.code)
  expect(body.message).toEqual(expect.any(String))
  expect(body.message.trim()).not.toBe('')
  expect(body.hint === null || typeof body.hint === 'string').toBe(true)
  if (want.message) expect(body.message).toMatch(want.message)
  if (want.field !== undefined) expect(detailFields(body.details)).toContain(want.field)
  return body
}

/** The fields a `details` array names. */
export function detailFields(details: unknown): string[] {
  if (!Array.isArray(details)) return []
  return details.flatMap((d: unknown) =>
    typeof d === 'object' && d !== null && 'field' in d && typeof d.field === 'string' ? [d.field] : [],
  )
}

/** The shape both session routes answer with. */
export function expectSession(session: Session, role: Role): void {
  expect(Object.keys(session).sort()).toEqual([
    'access_token',
    'expires_at',
    'org_id',
    'role',
    'token_type',
    'user_id',
  ])
  expect(session.access_token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
  expect(session.token_type).toBe('bearer')
  expect(session.expires_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
  expect(Number.isNaN(Date.parse(session.expires_at))).toBe(false)
  expect(session.user_id).toMatch(/\S/)
  expect(session.org_id).toMatch(/\S/)
  expect(session.role).toBe(role)
}

/** A demo session through HTTP: org A without `orgSlug`, else the org with that slug. */
export async function devSession(target: Target, role: Role, orgSlug?: string): Promise<Session> {
  const body = orgSlug === undefined ? { role } : { role, org_slug: orgSlug }
  const session = await expectJson<Session>(await send(target, DEV_SESSION, { method: 'POST', body }), 200)
  expectSession(session, role)
  return session
}

/** `GET /rest/v1/organizations{query}` as a list. */
export async function listOrgs(target: Target, token: string, query = ''): Promise<Org[]> {
  return expectJson<Org[]>(await send(target, `${ORGS}${query}`, { token }), 200)
}

/** One org as a single object (`Accept: application/vnd.pgrst.object+json`). */
export async function readOrg(target: Target, token: string, id: string): Promise<Org> {
  const res = await send(target, `${ORGS}?id=eq.${id}`, { token, headers: { Accept: SINGLE_OBJECT } })
  return expectJson<Org>(res, 200)
}

/** `PATCH /rest/v1/organizations{query}`; `prefer` becomes the Prefer header. */
export function patchOrgs(
  target: Target,
  token: string,
  query: string,
  body: unknown,
  prefer?: string,
): Promise<Response> {
  return send(target, `${ORGS}${query}`, {
    method: 'PATCH',
    token,
    body,
    headers: prefer ? { Prefer: prefer } : {},
  })
}

/** Updates org `id` with `return=representation` and returns the one updated row. */
export async function updateOrg(target: Target, token: string, id: string, body: unknown): Promise<Org> {
  const res = await patchOrgs(target, token, `?id=eq.${id}`, body, 'return=representation')
  const rows = await expectJson<Org[]>(res, 200)
  expect(rows).toHaveLength(1)
  return rows[0] as Org
}

export const settingsOf = ({ name, slug, timezone, currency }: Org): OrgSettings => ({
  name,
  slug,
  timezone,
  currency,
})

/** Runs `action` and asserts org `id` reads exactly the same afterwards (updated_at included). */
export async function expectOrgUnchanged(
  target: Target,
  token: string,
  id: string,
  action: () => Promise<unknown>,
): Promise<void> {
  const before = await readOrg(target, token, id)
  await action()
  expect(await readOrg(target, token, id)).toEqual(before)
}

/** A string unique to this run, for slugs and emails on hosts whose database outlives one run. */
export function unique(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 12)
}
