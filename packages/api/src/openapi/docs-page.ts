/** @module The human-readable API reference: one self-contained HTML page rendered from the OpenAPI document. */
import type { HttpMethod, JsonSchema, OpenApiDocument, OperationObject, ParameterObject } from './openapi.ts'

const METHODS: readonly HttpMethod[] = ['get', 'post', 'patch', 'delete']
const SCHEMA_PREFIX = '#/components/schemas/'

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** Escaped text with the bit of markdown our descriptions use: `code`, **bold**, blank-line paragraphs. */
function prose(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((para) => {
      const html = escapeHtml(para.trim())
        .replace(/`([^`]+)`/g, '<code>$1</code>')
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      return `<p>${html}</p>`
    })
    .join('\n')
}

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v)
const anchor = (kind: string, name: string) => escapeHtml(`${kind}-${name.replace(/[^a-zA-Z0-9_-]+/g, '-')}`)
const refName = (s: JsonSchema): string | null =>
  typeof s.$ref === 'string' && s.$ref.startsWith(SCHEMA_PREFIX) ? s.$ref.slice(SCHEMA_PREFIX.length) : null

/** Follows a `$ref` into the components (one level at a time, so cycles cannot loop). */
function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  const name = refName(schema)
  if (name === null) return schema
  const { $ref: _, ...siblings } = schema
  return { ...doc.components.schemas[name], ...siblings }
}

/** A short type label: a link for a component, `X[]` for arrays, `a | b` for unions. */
function typeLabel(schema: JsonSchema): string {
  const name = refName(schema)
  if (name !== null) return `<a href="#${anchor('schema', name)}">${escapeHtml(name)}</a>`
  if ('const' in schema) return `<code>${escapeHtml(JSON.stringify(schema.const))}</code>`
  if (Array.isArray(schema.enum))
    return schema.enum.map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(' | ')
  const union = schema.anyOf ?? schema.oneOf
  if (Array.isArray(union)) return union.filter(isObject).map(typeLabel).join(' | ')
  if (schema.type === 'array' && isObject(schema.items)) return `${typeLabel(schema.items)}[]`
  if (Array.isArray(schema.type)) return schema.type.map((t) => escapeHtml(String(t))).join(' | ')
  if (typeof schema.type === 'string') return escapeHtml(schema.type)
  return 'any'
}

const CONSTRAINTS = ['format', 'minLength', 'maxLength', 'minimum', 'maximum', 'pattern', 'default'] as const

function constraints(schema: JsonSchema): string {
  const parts = CONSTRAINTS.filter((k) => schema[k] !== undefined).map((k) => {
    const value = schema[k]
    return `${k}: <code>${escapeHtml(typeof value === 'string' && k !== 'default' ? value : JSON.stringify(value))}</code>`
  })
  if (Array.isArray(schema.examples) && schema.examples.length)
    parts.push(`example: <code>${escapeHtml(JSON.stringify(schema.examples[0]))}</code>`)
  return parts.length ? `<div class="muted">${parts.join(' · ')}</div>` : ''
}

/** A table of an object schema's properties, or null when it has none. */
function propertiesTable(doc: OpenApiDocument, schema: JsonSchema): string | null {
  const s = resolve(doc, schema)
  if (!isObject(s.properties)) return null
  const required = new Set(Array.isArray(s.required) ? s.required : [])
  const rows = Object.entries(s.properties).map(([name, raw]) => {
    const prop = isObject(raw) ? raw : {}
    const description = typeof prop.description === 'string' ? prose(prop.description) : ''
    return `<tr><td><code>${escapeHtml(name)}</code></td><td>${typeLabel(prop)}</td><td>${required.has(name) ? 'yes' : ''}</td><td>${description}${constraints(prop)}</td></tr>`
  })
  const extra =
    s.additionalProperties === false ? '<p class="muted">No other properties are accepted.</p>' : ''
  return `<table><thead><tr><th>Property</th><th>Type</th><th>Required</th><th>Notes</th></tr></thead><tbody>${rows.join('')}</tbody></table>${extra}`
}

const jsonBlock = (value: unknown, label = 'JSON Schema') =>
  `<details><summary>${escapeHtml(label)}</summary><pre><code>${escapeHtml(JSON.stringify(value, null, 2))}</code></pre></details>`

/** A body schema: its type, a property table when it is an object, and the raw JSON Schema. */
function schemaBlock(doc: OpenApiDocument, schema: JsonSchema): string {
  const s = resolve(doc, schema)
  const shown =
    s.type === 'array' && isObject(s.items)
      ? s.items
      : Array.isArray(s.anyOf) && isObject(s.anyOf[0])
        ? s.anyOf[0]
        : schema
  return `<p>Type: ${typeLabel(schema)}</p>${propertiesTable(doc, shown) ?? ''}${jsonBlock(resolve(doc, schema))}`
}

/** A plausible value for `schema`, for curl examples. */
function example(doc: OpenApiDocument, schema: JsonSchema, depth = 0): unknown {
  const s = resolve(doc, schema)
  if (depth > 5) return null
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0]
  if (s.default !== undefined) return s.default
  if (s.const !== undefined) return s.const
  if (Array.isArray(s.enum)) return s.enum[0]
  const union = s.anyOf ?? s.oneOf
  if (Array.isArray(union)) {
    const first = union.find((u) => isObject(u) && u.type !== 'null')
    return isObject(first) ? example(doc, first, depth + 1) : null
  }
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(isObject(s.properties) ? s.properties : {}).map(([k, v]) => [
          k,
          isObject(v) ? example(doc, v, depth + 1) : null,
        ]),
      )
    case 'array':
      return isObject(s.items) ? [example(doc, s.items, depth + 1)] : []
    case 'string':
      return s.format === 'email'
        ? 'user@example.com'
        : s.format === 'date-time'
          ? '2025-01-01T00:00:00Z'
          : 'string'
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : 0
    case 'boolean':
      return true
    default:
      return null
  }
}

const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`

/** A copy-paste curl command for one operation (`$API_URL`, `$TOKEN` and `$ROW_ID` are yours to set). */
function curl(doc: OpenApiDocument, path: string, method: HttpMethod, op: OperationObject): string {
  const base = doc.servers?.[0]?.url.replace(/\/$/, '') ?? '$API_URL'
  const params = op.parameters ?? []
  const select = params.find((p) => p.name === 'select' && p.in === 'query')?.example
  const filter = params.find((p) => p.name === 'id') ?? params.find((p) => p.example === 'eq.value')
  const query: string[] = []
  if (method === 'get' && select !== undefined) query.push(`select=${select}`, 'limit=10')
  if ((method === 'patch' || method === 'delete') && filter) query.push(`${filter.name}=eq.$ROW_ID`)
  const url = `${base}${path}${query.length ? `?${query.join('&')}` : ''}`
  const lines = [`curl${method === 'get' ? '' : ` -X ${method.toUpperCase()}`} "${url}"`]
  if (op.security?.length !== 0) lines.push('-H "Authorization: Bearer $TOKEN"')
  if (method === 'patch' || method === 'post') {
    if (params.some((p) => p.name === 'Prefer')) lines.push('-H "Prefer: return=representation"')
  }
  const body = op.requestBody?.content['application/json']?.schema
  if (body) {
    lines.push('-H "Content-Type: application/json"')
    lines.push(`-d ${shellQuote(JSON.stringify(example(doc, body)))}`)
  }
  return lines.join(' \\\n  ')
}

function parametersTable(params: readonly ParameterObject[]): string {
  if (!params.length) return ''
  const rows = params.map((p) => {
    const ex =
      p.example === undefined
        ? ''
        : `<div class="muted">example: <code>${escapeHtml(String(p.example))}</code></div>`
    return `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td>${typeLabel(p.schema)}</td><td>${prose(p.description)}${ex}</td></tr>`
  })
  return `<h4>Parameters</h4><table><thead><tr><th>Name</th><th>In</th><th>Type</th><th>Description</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}

function responsesTable(doc: OpenApiDocument, op: OperationObject): string {
  const rows = Object.entries(op.responses).map(([status, res]) => {
    const bodies = Object.entries(res.content ?? {})
      .map(([type, media]) => `${typeLabel(media.schema)} <span class="muted">(${escapeHtml(type)})</span>`)
      .join('<br>')
    return `<tr><td><span class="status s${escapeHtml(status.charAt(0))}">${escapeHtml(status)}</span></td><td>${prose(res.description)}</td><td>${bodies || '<span class="muted">no body</span>'}</td></tr>`
  })
  const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'))?.[1]
  const schema = success?.content?.['application/json']?.schema
  const detail = schema ? propertiesTable(doc, isObject(schema.items) ? schema.items : schema) : null
  const fields = detail ? `<p class="muted">Fields of the success body:</p>${detail}` : ''
  return `<h4>Responses</h4><table><thead><tr><th>Status</th><th>Meaning</th><th>Body</th></tr></thead><tbody>${rows.join('')}</tbody></table>${fields}`
}

function operationSection(
  doc: OpenApiDocument,
  path: string,
  method: HttpMethod,
  op: OperationObject,
): string {
  const auth = op.security?.length === 0 ? '<span class="badge">no auth</span>' : ''
  const body = op.requestBody?.content['application/json']?.schema
  return `<section class="op" id="${anchor('op', op.operationId)}">
<h3><span class="method m-${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code> ${auth}</h3>
<p class="summary">${escapeHtml(op.summary)}</p>
${prose(op.description)}
${parametersTable(op.parameters ?? [])}
${body ? `<h4>Request body</h4>${schemaBlock(doc, body)}` : ''}
${responsesTable(doc, op)}
<h4>Example</h4>
<pre class="curl"><code>${escapeHtml(curl(doc, path, method, op))}</code></pre>
</section>`
}

function schemaSection(doc: OpenApiDocument, name: string, schema: JsonSchema): string {
  const description = typeof schema.description === 'string' ? prose(schema.description) : ''
  return `<section class="schema" id="${anchor('schema', name)}"><h3>${escapeHtml(name)}</h3>${description}${
    propertiesTable(doc, schema) ?? `<p>Type: ${typeLabel(schema)}${constraints(schema)}</p>`
  }${jsonBlock(schema)}</section>`
}

const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--panel:#f6f8fa;--link:#0757c5;
--get:#116329;--post:#0550ae;--patch:#8a4600;--delete:#a40e26}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--panel:#161b22;--link:#6cb6ff;
--get:#57d364;--post:#6cb6ff;--patch:#f0b72f;--delete:#ff7b72}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--link)}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.9em}
pre{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.75em 1em;overflow:auto}
.layout{display:grid;grid-template-columns:260px minmax(0,1fr)}
nav{position:sticky;top:0;height:100vh;overflow:auto;padding:1.25em;border-right:1px solid var(--line);background:var(--panel)}
nav ul{list-style:none;margin:0 0 1em;padding:0}nav li{margin:.2em 0}nav a{text-decoration:none}
nav h2{font-size:.8em;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:1em 0 .4em}
main{padding:1.5em 2.5em;max-width:1100px}
section.op,section.schema{border-top:1px solid var(--line);padding-top:1em;margin-top:2em}
h3{margin:.2em 0}h4{margin:1.2em 0 .4em}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid var(--line);padding:.35em .6em;text-align:left;vertical-align:top}
th{background:var(--panel)}td p{margin:0}
.muted{color:var(--muted);font-size:.9em}.summary{font-weight:600}
.method{display:inline-block;min-width:4.2em;font:700 .75em/1.8 ui-monospace,monospace;text-align:center;border-radius:4px;color:var(--bg)}
.m-get{background:var(--get)}.m-post{background:var(--post)}.m-patch{background:var(--patch)}.m-delete{background:var(--delete)}
.badge{font-size:.7em;border:1px solid var(--line);border-radius:999px;padding:.1em .6em;color:var(--muted);vertical-align:middle}
.status{font-family:ui-monospace,monospace;font-weight:700}.s2{color:var(--get)}.s4,.s5{color:var(--delete)}
@media (max-width:800px){.layout{grid-template-columns:1fr}nav{position:static;height:auto;border-right:0}main{padding:1em}}
`

/** The complete page: title, authentication intro, a sidebar, every operation and every schema. */
export function renderDocsPage(doc: OpenApiDocument): string {
  const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = item[method]
      return op ? [{ path, method, op }] : []
    }),
  )
  const tagNames = [...new Set([...doc.tags.map((t) => t.name), ...ops.map((o) => o.op.tags[0] ?? 'other')])]
  const groups = tagNames
    .map((tag) => ({ tag, ops: ops.filter((o) => (o.op.tags[0] ?? 'other') === tag) }))
    .filter((g) => g.ops.length)
  const link = (o: (typeof ops)[number]) =>
    `<li><a href="#${anchor('op', o.op.operationId)}"><span class="method m-${o.method}">${o.method.toUpperCase()}</span> ${escapeHtml(o.path)}</a></li>`
  const schemaNames = Object.keys(doc.components.schemas)
  const nav = `<nav aria-label="Contents"><strong>${escapeHtml(doc.info.title)}</strong>
<ul><li><a href="#authentication">Authentication</a></li></ul>
${groups.map((g) => `<h2>${escapeHtml(g.tag)}</h2><ul>${g.ops.map(link).join('')}</ul>`).join('\n')}
<h2>Schemas</h2><ul>${schemaNames.map((n) => `<li><a href="#${anchor('schema', n)}">${escapeHtml(n)}</a></li>`).join('')}</ul></nav>`
  const server = doc.servers?.[0]?.url
  const setup = server
    ? `<p>Base URL: <code>${escapeHtml(server)}</code>. In the examples, set <code>TOKEN</code> to a session token or API key.</p>`
    : '<p>In the examples, set <code>API_URL</code> to this server&#39;s origin and <code>TOKEN</code> to a session token or API key.</p>'
  const sections = groups.map((g) => {
    const tag = doc.tags.find((t) => t.name === g.tag)
    return `<h2 id="${anchor('tag', g.tag)}">${escapeHtml(g.tag)}</h2>${tag ? prose(tag.description) : ''}
${g.ops.map((o) => operationSection(doc, o.path, o.method, o.op)).join('\n')}`
  })
  const schemes = Object.entries(doc.components.securitySchemes)
    .map(([name, s]) => `<li><code>${escapeHtml(name)}</code>: ${prose(String(s.description ?? ''))}</li>`)
    .join('')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} reference</title>
<style>${STYLE}</style>
</head>
<body>
<div class="layout">
${nav}
<main>
<h1>${escapeHtml(doc.info.title)} <span class="muted">v${escapeHtml(doc.info.version)}</span></h1>
<section id="authentication">
${prose(doc.info.description)}
<ul>${schemes}</ul>
${setup}
<p class="muted">Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${escapeHtml(doc.openapi)}).</p>
</section>
${sections.join('\n')}
<h2 id="schemas">Schemas</h2>
${Object.entries(doc.components.schemas)
  .map(([name, schema]) => schemaSection(doc, name, schema))
  .join('\n')}
</main>
</div>
</body>
</html>
`
}
