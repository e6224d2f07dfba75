/**
 * @module Code samples for every operation (`x-codeSamples`, which Scalar and Redoc show): curl, JavaScript
 * (`@supabase/postgrest-js` for `/rest/v1`, `fetch` for the rest) and Python (`requests`). They read the server's
 * origin and a token from the environment: `API_URL` and `TOKEN` (a session token or an API key).
 */
import type { Registry } from '../rest/registry.ts'
import { bodyExample, rowExample } from './examples.ts'
import type {
  CodeSample,
  HttpMethod,
  Document as OpenApiDocument,
  Operation as OperationObject,
} from './shape.ts'

/** What a sample sends: the query string, the headers besides auth, the JSON body. */
interface Call {
  method: HttpMethod
  path: string
  query: [string, string][]
  headers: [string, string][]
  body: unknown
  auth: boolean
}

const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`
const indent = (text: string, by: string) => text.replaceAll('\n', `\n${by}`)
const json = (value: unknown) => JSON.stringify(value, null, 2)

function curl(c: Call): string {
  const query = c.query.length ? `?${c.query.map(([k, v]) => `${k}=${v}`).join('&')}` : ''
  const lines = [
    `curl${c.method === 'get' ? '' : ` -X ${c.method.toUpperCase()}`} "$API_URL${c.path}${query}"`,
  ]
  if (c.auth) lines.push('-H "Authorization: Bearer $TOKEN"')
  for (const [name, value] of c.headers) lines.push(`-H "${name}: ${value}"`)
  if (c.body !== undefined) {
    lines.push('-H "Content-Type: application/json"')
    lines.push(`-d ${shellQuote(JSON.stringify(c.body))}`)
  }
  return lines.join(' \\\n  ')
}

/** A JSON value as a Python literal (`True`, `None`, dicts and lists). */
function python(value: unknown, depth = 0): string {
  const pad = '    '.repeat(depth + 1)
  const end = '    '.repeat(depth)
  if (value === null || value === undefined) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) {
    if (!value.length) return '[]'
    return `[\n${value.map((v) => `${pad}${python(v, depth + 1)},`).join('\n')}\n${end}]`
  }
  const entries = Object.entries(value as Record<string, unknown>)
  if (!entries.length) return '{}'
  return `{\n${entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${python(v, depth + 1)},`).join('\n')}\n${end}}`
}

function requests(c: Call): string {
  const headers = [...(c.auth ? ([['Authorization', 'Bearer {TOKEN}']] as const) : []), ...c.headers]
  const args = [`f"{API_URL}${c.path}"`]
  if (c.query.length) args.push(`params=${python(Object.fromEntries(c.query), 1)}`)
  if (headers.length) {
    const items = headers.map(
      ([k, v]) => `        "${k}": ${v.includes('{TOKEN}') ? `f"${v}"` : JSON.stringify(v)},`,
    )
    args.push(`headers={\n${items.join('\n')}\n    }`)
  }
  if (c.body !== undefined) args.push(`json=${python(c.body, 1)}`)
  const env = c.auth
    ? 'API_URL = os.environ["API_URL"]\nTOKEN = os.environ["TOKEN"]'
    : 'API_URL = os.environ["API_URL"]'
  // A REST write answers 204 without a body unless it asks for the rows back.
  const answersJson =
    !c.path.startsWith('/rest/') || c.method === 'get' || c.headers.some(([k]) => k === 'Prefer')
  return `import os

import requests

${env}

res = requests.${c.method}(
    ${args.join(',\n    ')},
)
res.raise_for_status()
${answersJson ? 'print(res.json())' : 'print(res.status_code)'}`
}

function fetchJs(c: Call): string {
  const query = c.query.length ? `?${new URLSearchParams(c.query).toString()}` : ''
  const headers = [
    ...(c.auth ? [`Authorization: \`Bearer \${process.env.TOKEN}\``] : []),
    ...c.headers.map(([k, v]) => `'${k}': ${JSON.stringify(v)}`),
    ...(c.body !== undefined ? ["'Content-Type': 'application/json'"] : []),
  ]
  const init = [
    ...(c.method === 'get' ? [] : [`method: '${c.method.toUpperCase()}'`]),
    ...(headers.length ? [`headers: {\n    ${headers.join(',\n    ')},\n  }`] : []),
    ...(c.body !== undefined ? [`body: JSON.stringify(${indent(json(c.body), '  ')})`] : []),
  ]
  const url = `\`\${process.env.API_URL}${c.path}${query}\``
  const call = init.length ? `fetch(${url}, {\n  ${init.join(',\n  ')},\n})` : `fetch(${url})`
  return `const res = await ${call}\nconst data = await res.json()`
}

/** A PostgREST call with postgrest-js: the client at `/rest/v1` with the token, then the query builder. */
function postgrest(resource: string, c: Call, id: unknown): string {
  const from = `postgrest.from('${resource}')`
  const body = c.body === undefined ? '' : json(c.body)
  const query = {
    get: `${from}.select('*')`,
    post: `${from}.insert(${body}).select()`,
    patch: `${from}\n  .update(${indent(body, '  ')})\n  .eq('id', ${JSON.stringify(id)})\n  .select()`,
    delete: `${from}.delete().eq('id', ${JSON.stringify(id)})`,
  }[c.method]
  return `import { PostgrestClient } from '@supabase/postgrest-js'

const postgrest = new PostgrestClient(\`\${process.env.API_URL}/rest/v1\`, {
  headers: { Authorization: \`Bearer \${process.env.TOKEN}\` },
})
const { data, error } = await ${query}`
}

/** The three samples of one operation. */
export function codeSamples(
  path: string,
  method: HttpMethod,
  op: OperationObject,
  doc: OpenApiDocument,
  registry: Registry,
): CodeSample[] {
  const auth = op.security?.length !== 0
  const resource = path.startsWith('/rest/v1/') ? registry.get(path.slice('/rest/v1/'.length)) : undefined
  const body = bodyExample(op, doc, registry, resource)
  const call: Call = { method, path, query: [], headers: [], body, auth }
  if (!resource) {
    return [
      { lang: 'Shell', label: 'curl', source: curl(call) },
      { lang: 'JavaScript', label: 'JavaScript (fetch)', source: fetchJs(call) },
      { lang: 'Python', label: 'Python (requests)', source: requests(call) },
    ]
  }
  const id = rowExample(resource, doc, registry).id
  if (method === 'get') call.query.push(['select', '*'])
  if (method === 'patch' || method === 'delete') call.query.push(['id', `eq.${id}`])
  if (method === 'post' || method === 'patch') call.headers.push(['Prefer', 'return=representation'])
  return [
    { lang: 'Shell', label: 'curl', source: curl(call) },
    { lang: 'JavaScript', label: 'JavaScript (postgrest-js)', source: postgrest(resource.name, call, id) },
    { lang: 'Python', label: 'Python (requests)', source: requests(call) },
  ]
}

/** Gives every operation of `doc` its samples (in place). */
export function addCodeSamples(doc: OpenApiDocument, registry: Registry): void {
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item) as [HttpMethod, OperationObject][]) {
      op['x-codeSamples'] = codeSamples(path, method, op, doc, registry)
    }
  }
}
