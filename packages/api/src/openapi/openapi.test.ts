/** @module Tests for the OpenAPI document. */
import {
  DevSessionRequest,
  errorStatus,
  MintSessionRequest,
  OrganizationUpdate,
  SessionResponse,
} from '@connectgain/contracts'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { registry } from '../app.ts'
import { organizationsResource } from '../features/settings/organizations.resource.ts'
import { defineFunction, type FunctionDef } from '../functions/registry.ts'
import { createRegistry, operations as restOperations } from '../rest/registry.ts'
import { buildOpenApi, type JsonSchema, type OpenApiDocument, type OperationObject } from './openapi.ts'

const handler = async () => {
  throw new Error('not called')
}

const functions: FunctionDef[] = [
  defineFunction({
    name: 'sessions',
    summary: 'Mint a session token for one of your users',
    auth: 'api_key',
    permission: 'sessions',
    input: MintSessionRequest,
    output: SessionResponse,
    status: 201,
    handler,
  }),
  defineFunction({
    name: 'dev/session',
    summary: 'Demo session <script>alert(1)</script>',
    auth: 'public',
    demoOnly: true,
    input: DevSessionRequest,
    output: SessionResponse,
    handler,
  }),
]

const doc = buildOpenApi({ registry, functions })

/** Every `$ref` string anywhere in `value`. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs)
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refs(v)))
}

/** The value a local JSON pointer (`#/a/b`) names, or undefined. */
function lookup(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined
  return ref
    .slice(2)
    .split('/')
    .map((part) => decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>(
      (node, key) => (node !== null && typeof node === 'object' ? (node as JsonSchema)[key] : undefined),
      root,
    )
}

function operations(d: OpenApiDocument): OperationObject[] {
  return Object.values(d.paths).flatMap((item) => Object.values(item))
}

const component = (name: string): JsonSchema => {
  const schema = doc.components.schemas[name]
  if (!schema) throw new Error(`no component ${name}`)
  return schema
}

describe('buildOpenApi', () => {
  it('is an OpenAPI 3.1.0 document with both security schemes', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info).toMatchObject({ title: 'ConnectGain Settings API', version: '1.0.0' })
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' })
    expect(doc.components.securitySchemes.apikey).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'apikey',
    })
    expect(doc.security).toEqual([{ bearer: [] }, { apikey: [] }])
    expect(doc.servers).toBeUndefined()
    expect(buildOpenApi({ registry, functions: [], serverUrl: 'https://api.example.com' }).servers).toEqual([
      { url: 'https://api.example.com' },
    ])
  })

  it('serves organizations with GET and PATCH only', () => {
    const item = doc.paths['/rest/v1/organizations']
    expect(item?.get).toBeDefined()
    expect(item?.patch).toBeDefined()
    expect(item?.post).toBeUndefined()
    expect(item?.delete).toBeUndefined()
  })

  it('describes the GET query language, headers and responses', () => {
    const get = doc.paths['/rest/v1/organizations']?.get
    const names = get?.parameters?.map((p) => `${p.in}:${p.name}`)
    expect(names).toEqual(
      expect.arrayContaining(['query:select', 'query:order', 'query:limit', 'query:offset', 'query:or']),
    )
    expect(names).toEqual(
      expect.arrayContaining(['query:slug', 'query:timezone', 'header:Range', 'header:Prefer']),
    )
    expect(names).toContain('header:Accept')
    expect(get?.parameters?.find((p) => p.name === 'select')?.description).toContain('`currency`')
    expect(get?.parameters?.find((p) => p.name === 'slug')?.description).toContain('ilike.')
    expect(Object.keys(get?.responses ?? {})).toEqual([
      '200',
      '206',
      '400',
      '401',
      '403',
      '404',
      '406',
      '416',
    ])
    expect(get?.responses['200']?.content?.['application/vnd.pgrst.object+json']?.schema).toEqual({
      $ref: '#/components/schemas/Organization',
    })
    expect(get?.responses['406']?.description).toContain('PGRST116')
    expect(get?.responses['416']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/Error',
    })
  })

  it('puts the organization row in the components', () => {
    const row = component('Organization')
    expect(Object.keys(row.properties as JsonSchema)).toEqual(
      expect.arrayContaining(['slug', 'timezone', 'currency']),
    )
    expect(component('Error').required).toEqual(['code', 'message', 'details', 'hint'])
  })

  it('gives PATCH the update schema, the writable columns and the filter rule', () => {
    const patch = doc.paths['/rest/v1/organizations']?.patch
    expect(patch?.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/OrganizationUpdate',
    })
    const body = component('OrganizationUpdate')
    expect(Object.keys(body.properties as JsonSchema)).toEqual(['name', 'slug', 'timezone', 'currency'])
    expect(body.additionalProperties).toBe(false)
    expect((body.properties as Record<string, JsonSchema>).timezone?.examples).toEqual(['America/New_York'])
    expect(patch?.description).toContain('Filters required')
    expect(patch?.description).toContain('Writable columns: `name`, `slug`, `timezone`, `currency`')
    expect(patch?.description).toContain('`id`, `created_at` are set by the server')
    expect(patch?.description).toContain('`updated_at` is set on every change')
    expect(Object.keys(patch?.responses ?? {})).toEqual(expect.arrayContaining(['200', '204', '400', '409']))
  })

  it('adds POST and DELETE when a resource allows them', () => {
    const writable = createRegistry([
      { ...organizationsResource, insert: OrganizationUpdate, deletable: true },
    ])
    const item = buildOpenApi({ registry: writable, functions: [] }).paths['/rest/v1/organizations']
    const body = item?.post?.requestBody?.content['application/json']?.schema
    expect(body?.anyOf).toEqual([
      { $ref: '#/components/schemas/OrganizationUpdate' },
      { type: 'array', items: { $ref: '#/components/schemas/OrganizationUpdate' } },
    ])
    expect(Object.keys(item?.post?.responses ?? {})).toContain('201')
    expect(item?.delete?.description).toContain('Filters required')
  })

  it('stores a schema without an id under a name derived from the resource', () => {
    const plain = createRegistry([{ ...organizationsResource, update: z.strictObject({ name: z.string() }) }])
    const built = buildOpenApi({ registry: plain, functions: [] })
    expect(
      built.paths['/rest/v1/organizations']?.patch?.requestBody?.content['application/json']?.schema,
    ).toEqual({
      $ref: '#/components/schemas/OrganizationsUpdate',
    })
  })

  it('documents functions, including names with a slash and public ones', () => {
    const sessions = doc.paths['/functions/v1/sessions']?.post
    expect(sessions?.security).toBeUndefined()
    expect(sessions?.description).toContain('Call from your backend with an org API key')
    expect(Object.keys(sessions?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '401', '403']),
    )
    expect(sessions?.responses['201']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/SessionResponse',
    })
    const dev = doc.paths['/functions/v1/dev/session']?.post
    expect(dev?.security).toEqual([])
    expect(dev?.responses['200']).toBeDefined()
    expect(dev?.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/DevSessionRequest',
    })
  })

  it('keeps input and output forms of one schema apart when they differ', () => {
    const roundTrip = defineFunction({
      name: 'echo',
      summary: 'Echo',
      auth: 'member',
      input: DevSessionRequest,
      output: DevSessionRequest,
      handler,
    })
    const built = buildOpenApi({ registry: createRegistry([]), functions: [roundTrip] })
    expect(built.components.schemas.DevSessionRequest?.required).toBeUndefined()
    expect(built.components.schemas.DevSessionRequestOutput?.required).toEqual(['role'])
    expect(built.components.schemas.Role).toBeDefined()
  })

  it('serves /health without auth', () => {
    const health = doc.paths['/health']?.get
    expect(health?.security).toEqual([])
    expect(health?.responses['200']?.content?.['application/json']?.example).toEqual({ ok: true })
  })

  it('resolves every $ref to an existing component', () => {
    const all = refs(doc)
    expect(all.length).toBeGreaterThan(5)
    for (const ref of all) {
      expect(ref).toMatch(/^#\/components\/(schemas|parameters)\//)
      expect(lookup(doc, ref), ref).toBeDefined()
    }
  })

  it('gives every operation an id, a summary and responses', () => {
    const ops = operations(doc)
    const restOps = [...registry.values()].reduce((n, r) => n + restOperations(r).length, 0)
    expect(ops.length).toBe(restOps + functions.length + 1)
    for (const op of ops) {
      expect(op.summary).toBeTruthy()
      expect(Object.keys(op.responses).length).toBeGreaterThan(0)
    }
    expect(new Set(ops.map((op) => op.operationId)).size).toBe(ops.length)
  })

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc)
  })
})

describe('what the reference shows (Scalar at /docs)', () => {
  const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op: op as OperationObject })),
  )

  it('groups operations under human tag names in sentence case, each described', () => {
    const names = doc.tags.map((t) => t.name)
    expect(names).toEqual(
      expect.arrayContaining(['Quick replies', 'API keys', 'Audit log', 'Functions', 'Health']),
    )
    for (const tag of doc.tags) {
      expect(tag.name, tag.name).toMatch(/^[A-Z][^_]*$/)
      expect(tag.description, tag.name).toBeTruthy()
    }
    expect(doc.tags.find((t) => t.name === 'Quick replies')?.description).toContain(
      '`/rest/v1/quick_replies`',
    )
    for (const { op } of ops) expect(names).toContain(op.tags[0])
  })

  it('gives plain one-line summaries; the markdown is in the descriptions', () => {
    for (const { path, op } of ops) {
      expect(op.summary, path).not.toMatch(/[`*<>\n]|\.$/)
      expect(op.summary.length, path).toBeLessThanOrEqual(40)
    }
    expect(doc.paths['/rest/v1/quick_replies']?.get?.summary).toBe('Read quick replies')
    const sessions = doc.paths['/functions/v1/sessions']?.post
    expect(sessions?.summary).toBe('Sessions')
    expect(sessions?.description).toMatch(/^Mint a session token for one of your users\n\n/)
  })

  it('has an example for every response body: rows for 2xx, the error envelope its status answers for 4xx', () => {
    for (const { path, method, op } of ops) {
      for (const [status, response] of Object.entries(op.responses)) {
        for (const [type, media] of Object.entries(response.content ?? {})) {
          const where = `${method} ${path} ${status} ${type}`
          expect(media.example, where).toBeDefined()
          if (status.startsWith('2')) continue
          const envelope = media.example as { code: keyof typeof errorStatus }
          expect(Object.keys(envelope), where).toEqual(['code', 'message', 'details', 'hint'])
          expect(String(errorStatus[envelope.code]), where).toBe(status)
        }
      }
    }
    const orgs = doc.paths['/rest/v1/organizations']?.get?.responses['200']?.content?.['application/json']
    expect(orgs?.example).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(/^org_/),
        timezone: 'America/New_York',
        currency: 'USD',
      }),
    ])
    const key = doc.paths['/functions/v1/sessions']?.post?.responses['201']?.content?.['application/json']
    expect(key?.example).toMatchObject({ token_type: 'bearer', role: 'agent' })
  })

  it('has samples in curl, JavaScript (postgrest-js for REST, fetch for functions) and Python', () => {
    for (const { path, op } of ops) {
      const samples = op['x-codeSamples'] ?? []
      expect(
        samples.map((s) => s.lang),
        path,
      ).toEqual(['Shell', 'JavaScript', 'Python'])
      const [curl, js, python] = samples.map((s) => s.source)
      expect(curl, path).toMatch(new RegExp(`^curl .*"\\$API_URL${path}[?"]`))
      expect(python, path).toContain(`import requests`)
      if (path.startsWith('/rest/v1/')) expect(js, path).toContain("from '@supabase/postgrest-js'")
      else expect(js, path).toContain(`fetch(\`\${process.env.API_URL}${path}`)
    }
    const list = doc.paths['/rest/v1/quick_replies']?.get?.['x-codeSamples']?.[1]?.source
    expect(list).toContain("const { data, error } = await postgrest.from('quick_replies').select('*')")
    // A public function is called without a token.
    const dev = doc.paths['/functions/v1/dev/session']?.post?.['x-codeSamples']?.[0]?.source
    expect(dev).not.toContain('Authorization')
  })
})
