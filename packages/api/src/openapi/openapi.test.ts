/** @module Tests for the OpenAPI document and the HTML reference page. */
import {
  DevSessionRequest,
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
import { renderDocsPage } from './docs-page.ts'
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
      expect(ref).toMatch(/^#\/components\/schemas\//)
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

describe('renderDocsPage', () => {
  const evil = createRegistry([
    { ...organizationsResource, description: 'Orgs <script>alert("x")</script> & co' },
  ])
  const html = renderDocsPage(buildOpenApi({ registry: evil, functions }))

  it('is a complete page listing every path', () => {
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<title>ConnectGain Settings API reference</title>')
    expect(html).toContain('id="authentication"')
    for (const path of [
      '/rest/v1/organizations',
      '/functions/v1/sessions',
      '/functions/v1/dev/session',
      '/health',
    ])
      expect(html).toContain(path)
    expect(html).toContain('id="schema-OrganizationUpdate"')
    expect(html).toContain('prefers-color-scheme:dark')
  })

  it('escapes injected text and loads nothing from outside', () => {
    expect(html).toContain('Orgs &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co')
    expect(html).toContain('Demo session &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<link|src=|@import|https?:\/\//i)
  })

  it('has copy-paste curl examples', () => {
    expect(html).toContain('curl &quot;$API_URL/rest/v1/organizations?select=id,name&amp;limit=10&quot;')
    expect(html).toContain('curl -X PATCH &quot;$API_URL/rest/v1/organizations?id=eq.$ROW_ID&quot;')
    expect(html).toContain('-H &quot;Authorization: Bearer $TOKEN&quot;')
    expect(html).toContain('&quot;timezone&quot;:&quot;America/New_York&quot;')
    expect(html).toContain('curl -X POST &quot;$API_URL/functions/v1/dev/session&quot;')
  })

  it('uses the server URL in examples when given', () => {
    const page = renderDocsPage(
      buildOpenApi({ registry, functions: [], serverUrl: 'https://api.example.com/' }),
    )
    expect(page).toContain('curl &quot;https://api.example.com/rest/v1/organizations?select=')
  })
})
