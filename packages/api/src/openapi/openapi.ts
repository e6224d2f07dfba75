/** @module The OpenAPI 3.1 document, built from the resource registry, the functions and the zod contracts. */
import { ErrorEnvelope, errorStatus, policies, resourcePolicies } from '@connectgain/contracts'
import { z } from 'zod'
import type { FunctionDef } from '../functions/registry.ts'
import { MAX_LIMIT } from '../rest/query.ts'
import { type Registry, type Resource, readableColumns } from '../rest/registry.ts'
import { addCodeSamples } from './code-samples.ts'
import { addResponseExamples } from './examples.ts'
import type { CodeSample } from './shape.ts'

export type JsonSchema = { [key: string]: unknown }
export type HttpMethod = 'get' | 'post' | 'patch' | 'delete'
export type SecurityRequirement = Record<string, string[]>

export interface ParameterObject {
  name: string
  in: 'query' | 'header'
  description: string
  required?: boolean
  schema: JsonSchema
  example?: string | number
}

/** A parameter declared once under `components.parameters`; it has none of a parameter's own fields. */
export interface ParameterRef {
  $ref: string
  name?: never
  in?: never
  description?: never
}

export interface MediaTypeObject {
  schema: JsonSchema
  example?: unknown
}

export interface ResponseObject {
  description: string
  headers?: Record<string, { description: string; schema: JsonSchema }>
  content?: Record<string, MediaTypeObject>
}

export interface OperationObject {
  operationId: string
  summary: string
  description: string
  tags: string[]
  security?: SecurityRequirement[]
  parameters?: (ParameterObject | ParameterRef)[]
  requestBody?: { required: boolean; description?: string; content: Record<string, MediaTypeObject> }
  responses: Record<string, ResponseObject>
  /** curl, JavaScript and Python, as Scalar and Redoc read them (code-samples.ts). */
  'x-codeSamples'?: CodeSample[]
}

export type PathItemObject = Partial<Record<HttpMethod, OperationObject>>

export interface OpenApiDocument {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string }
  servers?: { url: string }[]
  security: SecurityRequirement[]
  tags: { name: string; description: string }[]
  paths: Record<string, PathItemObject>
  components: {
    securitySchemes: Record<string, JsonSchema>
    schemas: Record<string, JsonSchema>
    parameters: Record<string, ParameterObject>
  }
}

type Io = 'input' | 'output'

const JSON_TYPE = 'application/json'
const SINGLE_TYPE = 'application/vnd.pgrst.object+json'
const ERROR_REF = { $ref: '#/components/schemas/Error' }

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'Missing, malformed or expired credentials',
  403: 'Your role may not do this',
  404: 'Not found',
  406: 'A single object was requested (`Accept: application/vnd.pgrst.object+json`) but not exactly one row matched',
  409: 'Conflict with an existing row',
  413: 'Request body too large',
  416: 'Range not satisfiable',
}

const INTRO = `REST resources follow the PostgREST wire format, so \`@supabase/postgrest-js\` works against them;
functions are JSON-in, JSON-out actions.

**Authentication.** Send \`Authorization: Bearer <token>\`, where the token is either a short-lived session JWT
(minted by your backend through \`POST /functions/v1/sessions\`) or an org API key (\`ak_…\`, created under
Settings → API Keys; it acts as an admin of its org). The \`apikey: <token>\` header is accepted too. Every row
belongs to one organization: rows of other organizations simply do not exist for the caller.

**Errors** always answer with the \`Error\` envelope \`{ code, message, details, hint }\`.`

/**
 * Converts zod schemas to JSON Schema 2020-12. Every schema with `.meta({ id })` lands in `schemas`
 * (the components) and is referenced by `$ref`; when the input and output forms of one id differ
 * (defaults make a field optional on input), the later one gets an `Input`/`Output` suffix.
 */
function schemaConverter(schemas: Record<string, JsonSchema>) {
  /** The first free name for `id`, or the name already holding exactly this schema. */
  const place = (id: string, io: Io, schema: JsonSchema): string => {
    const json = JSON.stringify(schema)
    const suffix = io === 'input' ? 'Input' : 'Output'
    for (let n = 0; ; n++) {
      const name = n === 0 ? id : `${id}${suffix}${n === 1 ? '' : n}`
      const taken = schemas[name]
      if (taken === undefined || JSON.stringify(taken) === json) return name
    }
  }

  /** `schema` as JSON Schema; with `name`, a schema without its own id is stored under that name too. */
  return (schema: z.core.$ZodType, io: Io, name?: string): JsonSchema => {
    const converted = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' })
    const {
      $schema: _,
      $defs = {},
      ...root
    } = converted as JsonSchema & { $defs?: Record<string, JsonSchema> }
    // Settle the names: a def's content depends on the names of the defs it references.
    const names = new Map(Object.keys($defs).map((id) => [id, id]))
    const to = (id: string) => names.get(id) ?? id
    for (let round = 0, changed = true; changed && round <= names.size; round++) {
      changed = false
      for (const [id, def] of Object.entries($defs)) {
        const settled = place(id, io, rewriteRefs(def, to))
        if (settled !== names.get(id)) {
          names.set(id, settled)
          changed = true
        }
      }
    }
    for (const [id, def] of Object.entries($defs)) schemas[to(id)] = rewriteRefs(def, to)
    const result = rewriteRefs(root, to)
    if (name === undefined || isRef(result)) return result
    const placed = place(name, io, result)
    schemas[placed] = result
    return { $ref: `#/components/schemas/${placed}` }
  }
}

/** A copy of `schema` with each `#/$defs/<id>` ref pointing at `#/components/schemas/<to(id)>`. */
function rewriteRefs(schema: JsonSchema, to: (id: string) => string): JsonSchema {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk)
    if (value === null || typeof value !== 'object') return value
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) =>
        k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')
          ? [k, `#/components/schemas/${to(v.slice('#/$defs/'.length))}`]
          : [k, walk(v)],
      ),
    )
  }
  return walk(schema) as JsonSchema
}

const isRef = (s: JsonSchema): boolean => Object.keys(s).length === 1 && typeof s.$ref === 'string'
const arrayOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items })
const json = (schema: JsonSchema): Record<string, MediaTypeObject> => ({ [JSON_TYPE]: { schema } })
const pascal = (s: string): string =>
  s.replace(/(^|[^a-zA-Z0-9]+)([a-zA-Z0-9])/g, (_m, _sep, c: string) => c.toUpperCase())
/** A resource or function name in words: `quick_replies` → "quick replies", `generate-api-key` → "generate API key". */
const inWords = (name: string): string =>
  name
    .split(/[^a-zA-Z0-9]+/)
    .map((w) => (w === 'api' ? 'API' : w))
    .join(' ')
/** The same in sentence case, for tags and titles: "Quick replies", "Generate API key". */
export const title = (name: string): string => {
  const words = inWords(name)
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Error responses for `statuses`, each listing the error codes it can carry. */
function errors(...statuses: number[]): Record<string, ResponseObject> {
  const codes = Object.entries(errorStatus)
  return Object.fromEntries(
    statuses.map((status) => {
      const list = codes.filter(([, s]) => s === status).map(([code]) => `\`${code}\``)
      const text = STATUS_TEXT[status] ?? 'Error'
      return [
        String(status),
        { description: list.length ? `${text} (${list.join(', ')}).` : `${text}.`, content: json(ERROR_REF) },
      ]
    }),
  )
}

const query = (
  name: string,
  description: string,
  schema: JsonSchema = { type: 'string' },
  example?: string | number,
) =>
  ({
    name,
    in: 'query',
    description,
    schema,
    ...(example === undefined ? {} : { example }),
  }) satisfies ParameterObject
const header = (name: string, description: string, schema: JsonSchema, example?: string) =>
  ({
    name,
    in: 'header',
    description,
    schema,
    ...(example === undefined ? {} : { example }),
  }) satisfies ParameterObject

/** `Idempotency-Key`, declared once and referenced by every POST that can create. */
const IDEMPOTENCY_KEY = header(
  'Idempotency-Key',
  'Optional. A repeat with the same key within 24 hours answers the first answer (with `Idempotent-Replayed: true`) and creates nothing; the same key with another query or body is `422 CG422`, and while the first still runs `409 CG409`. Scoped to your organization, your credential and this method and path. Errors are not kept: a repeat after one runs again.',
  { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
  '4f1c2c1e-9d0b-4a57-a3c1-6a9e0f3b2d10',
)
const IDEMPOTENCY_REF: ParameterRef = { $ref: '#/components/parameters/IdempotencyKey' }

/** Keys of an object schema, or null when the schema is not a plain `z.object`. */
function writableColumns(schema: z.core.$ZodType | undefined): string[] | null {
  return schema?._zod.def.type === 'object' ? Object.keys((schema as z.core.$ZodObject)._zod.def.shape) : null
}

function writeNote(schema: z.core.$ZodType | undefined, resource: Resource): string {
  const columns = writableColumns(schema)
  const list = columns ? `Writable columns: ${columns.map((c) => `\`${c}\``).join(', ')}. ` : ''
  const server = [...resource.serverColumns].filter((c) => c !== 'updated_at')
  const set = server.length ? `${server.map((c) => `\`${c}\``).join(', ')} are set by the server.` : ''
  const touched = resource.serverColumns.has('updated_at') ? ' `updated_at` is set on every change.' : ''
  return `${list}${set}${touched}`
}

/** Who may read and write, from the resource's policy in the permission matrix. */
function accessNote(resource: Resource): string {
  const policy = policies[resourcePolicies[resource.policy]]
  const list = (who: readonly string[]) =>
    who.length ? who.map((r) => `\`${r}\``).join(', ') : 'nobody (the server writes it)'
  return `**Access:** read by ${list(policy.read)}; written by ${list(policy.write)}.`
}

function filterParams(columns: string[]): ParameterObject[] {
  const ops =
    '`eq.`, `neq.`, `gt.`, `gte.`, `lt.`, `lte.`, `like.` (`*` is the wildcard), `ilike.`, `in.(a,b)` or `is.null`'
  return [
    ...columns.map((c) =>
      query(c, `Filter on \`${c}\`: ${ops}; prefix \`not.\` to negate.`, { type: 'string' }, 'eq.value'),
    ),
    query('or', 'Rows matching any of the conditions, e.g. `(name.eq.a,slug.is.null)`; `and=(…)` works too.'),
  ]
}

const selectParam = (columns: string[]) =>
  query(
    'select',
    `Comma-separated columns to return (all when absent); \`alias:column\` renames. Columns: ${columns.map((c) => `\`${c}\``).join(', ')}.`,
    { type: 'string' },
    columns.slice(0, 2).join(','),
  )

const preferReturn = header(
  'Prefer',
  '`return=representation` answers 200 with the affected rows; `return=minimal` (the default) answers 204 without a body.',
  { type: 'string', enum: ['return=representation', 'return=minimal'] },
)

function resourcePaths(resource: Resource, schema: ReturnType<typeof schemaConverter>): PathItemObject {
  const columns = readableColumns(resource)
  const base = pascal(resource.name)
  const row = schema(resource.row, 'output', `${base}Row`)
  const rows = { description: 'The affected rows.', content: json(arrayOf(row)) }
  const noContent = { description: 'Done; no body (`Prefer: return=minimal`, the default).' }
  const filtersRequired =
    '**Filters required:** give at least one column filter (e.g. `?id=eq.…`); without one the request is refused with 400 `21000`.'
  const tags = [title(resource.name)]
  const item: PathItemObject = {
    get: {
      operationId: `list_${resource.name}`,
      summary: `Read ${inWords(resource.name)}`,
      description: `${resource.description}\n\nReturns the matching rows ${resource.scope === 'user' ? 'of your own (other members’ rows do not exist for you; an API key gets 403)' : 'of your organization'} as an array, or one object with \`Accept: ${SINGLE_TYPE}\`.\n\n${accessNote(resource)}`,
      tags,
      parameters: [
        selectParam(columns),
        query(
          'order',
          'Sort: `column.asc|desc[.nullsfirst|nullslast]`, comma-separated.',
          { type: 'string' },
          'name.desc.nullslast',
        ),
        query(
          'limit',
          `At most this many rows (≤ ${MAX_LIMIT}).`,
          { type: 'integer', minimum: 0, maximum: MAX_LIMIT },
          10,
        ),
        query('offset', 'Skip this many rows.', { type: 'integer', minimum: 0 }, 0),
        ...filterParams(columns),
        header(
          'Range',
          'Rows `first-last`, zero-based and inclusive (an alternative to limit/offset).',
          { type: 'string' },
          '0-9',
        ),
        header('Prefer', '`count=exact` adds the total to `Content-Range` (`0-24/3573`).', {
          type: 'string',
          enum: ['count=exact'],
        }),
        header(
          'Accept',
          `\`${SINGLE_TYPE}\` answers one object instead of an array (406 unless exactly one row matches).`,
          {
            type: 'string',
            enum: [JSON_TYPE, SINGLE_TYPE],
          },
        ),
      ],
      responses: {
        '200': {
          description: 'The rows (only the `select`ed columns when `select` is given).',
          headers: {
            'Content-Range': {
              description: '`first-last/total` (total with `Prefer: count=exact`).',
              schema: { type: 'string' },
            },
          },
          content: { [JSON_TYPE]: { schema: arrayOf(row) }, [SINGLE_TYPE]: { schema: row } },
        },
        '206': {
          description:
            'Partial content: with `Prefer: count=exact`, when the range does not cover every row.',
          headers: { 'Content-Range': { description: '`first-last/total`.', schema: { type: 'string' } } },
          content: json(arrayOf(row)),
        },
        ...errors(400, 401, 403, 404, 406, 416),
      },
    },
  }
  if (resource.insert) {
    const body = schema(resource.insert, 'input', `${base}Insert`)
    item.post = {
      operationId: `create_${resource.name}`,
      summary: `Create ${inWords(resource.name)}`,
      description: `Insert one row (an object) or several (an array). ${writeNote(resource.insert, resource)}`,
      tags,
      parameters: [
        selectParam(columns),
        query(
          'on_conflict',
          'Columns of the unique constraint used for an upsert (with `Prefer: resolution=…`).',
        ),
        header(
          'Prefer',
          '`return=representation|minimal`; `resolution=merge-duplicates|ignore-duplicates` upserts.',
          {
            type: 'string',
          },
          'return=representation',
        ),
        IDEMPOTENCY_REF,
      ],
      requestBody: { required: true, content: json({ anyOf: [body, arrayOf(body)] }) },
      responses: {
        '201': {
          description: 'Created; the rows with `Prefer: return=representation`, else no body.',
          content: json(arrayOf(row)),
        },
        ...errors(400, 401, 403, 409, 413),
      },
    }
  }
  if (resource.update) {
    item.patch = {
      operationId: `update_${resource.name}`,
      summary: `Update ${inWords(resource.name)}`,
      description: `Update every matching row with the given fields. ${filtersRequired}\n\n${writeNote(resource.update, resource)}`,
      tags,
      parameters: [...filterParams(columns), selectParam(columns), preferReturn],
      requestBody: { required: true, content: json(schema(resource.update, 'input', `${base}Update`)) },
      responses: { '200': rows, '204': noContent, ...errors(400, 401, 403, 404, 409, 413) },
    }
  }
  if (resource.deletable) {
    item.delete = {
      operationId: `delete_${resource.name}`,
      summary: `Delete ${inWords(resource.name)}`,
      description: `Delete every matching row. ${filtersRequired}`,
      tags,
      parameters: [...filterParams(columns), selectParam(columns), preferReturn],
      responses: { '200': rows, '204': noContent, ...errors(400, 401, 403, 404) },
    }
  }
  return item
}

const AUTH_NOTE: Record<FunctionDef['auth'], string> = {
  public: 'No credentials needed.',
  api_key:
    'Call from your backend with an org API key (`Authorization: Bearer ak_…`); never ship the key to a browser.',
  member: 'Needs a session token or an org API key.',
}

function functionPath(def: FunctionDef, schema: ReturnType<typeof schemaConverter>): PathItemObject {
  const status = def.status ?? 200
  const notes = [
    AUTH_NOTE[def.auth],
    def.permission ? `The caller's role must be allowed to call \`${def.permission}\`.` : '',
    def.demoOnly ? 'Only available when the server runs in demo mode.' : '',
  ]
  const get = def.method === 'GET'
  return {
    [get ? 'get' : 'post']: {
      operationId: `fn_${def.name.replace(/[^a-zA-Z0-9]+/g, '_')}`,
      // A plain title; the function's own sentences (with their markdown) open the description.
      summary: title(def.name),
      description: `${def.summary}\n\n${notes.filter(Boolean).join(' ')}`,
      tags: ['Functions'],
      ...(def.auth === 'public' ? { security: [] } : {}),
      // A key is scoped to the caller: a request without credentials has nothing to scope it to.
      ...(get || def.auth === 'public' ? {} : { parameters: [IDEMPOTENCY_REF] }),
      ...(get ? {} : { requestBody: { required: true, content: json(schema(def.input, 'input')) } }),
      responses: {
        [String(status)]: {
          description: status === 201 ? 'Created.' : 'OK.',
          content: json(schema(def.output, 'output')),
        },
        ...(get ? errors(401, 403) : def.auth === 'public' ? errors(400, 413) : errors(400, 401, 403, 413)),
      },
    },
  }
}

/** The whole OpenAPI 3.1 document: every registry resource, every function and `/health`. */
export function buildOpenApi(opts: {
  registry: Registry
  functions: readonly FunctionDef[]
  serverUrl?: string
}): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = {}
  const schema = schemaConverter(schemas)
  schema(ErrorEnvelope, 'output', 'Error')
  const resources = [...opts.registry.values()]
  const paths: Record<string, PathItemObject> = {}
  for (const resource of resources) paths[`/rest/v1/${resource.name}`] = resourcePaths(resource, schema)
  for (const def of opts.functions) paths[`/functions/v1/${def.name}`] = functionPath(def, schema)
  paths['/health'] = {
    get: {
      operationId: 'health',
      summary: 'Health check',
      description: 'Answers `{"ok":true}` while the server is up. No credentials needed.',
      tags: ['Health'],
      security: [],
      responses: {
        '200': {
          description: 'The server is up.',
          content: {
            [JSON_TYPE]: {
              schema: { type: 'object', properties: { ok: { const: true } }, required: ['ok'] },
              example: { ok: true },
            },
          },
        },
      },
    },
  }
  const doc: OpenApiDocument = {
    openapi: '3.1.0',
    info: { title: 'ConnectGain Settings API', version: '1.0.0', description: INTRO },
    ...(opts.serverUrl ? { servers: [{ url: opts.serverUrl }] } : {}),
    security: [{ bearer: [] }, { apikey: [] }],
    tags: [
      // Human names ("Quick replies"); the path says which resource (`/rest/v1/quick_replies`).
      ...resources.map((r) => ({
        name: title(r.name),
        description: `${r.description}\n\nAt \`/rest/v1/${r.name}\`.`,
      })),
      ...(opts.functions.length
        ? [
            {
              name: 'Functions',
              description: 'Actions at `/functions/v1/{name}`: POST a JSON body, get JSON back.',
            },
          ]
        : []),
      { name: 'Health', description: 'Liveness.' },
    ],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'session JWT or API key',
          description: 'A session JWT (from `POST /functions/v1/sessions`) or an org API key `ak_…`.',
        },
        apikey: {
          type: 'apiKey',
          in: 'header',
          name: 'apikey',
          description: 'The same token in the `apikey` header.',
        },
      },
      schemas,
      parameters: { IdempotencyKey: IDEMPOTENCY_KEY },
    },
  }
  // The reference shows a body for every response and samples for every operation (examples.ts, code-samples.ts).
  addResponseExamples(doc, opts.registry)
  addCodeSamples(doc, opts.registry)
  return doc
}
