/**
 * @module Examples for the OpenAPI document: a plausible value for any schema (the contracts' own examples first),
 * a row of each resource (its declared examples and `sample` over the row schema) and an error envelope per status,
 * so that every response the reference shows has a body to look at.
 */
import { type Registry, type Resource, readableColumns } from '../rest/registry.ts'
import type { JsonSchema, Document as OpenApiDocument, Operation as OperationObject } from './shape.ts'

const SCHEMA_PREFIX = '#/components/schemas/'
/** One instant for every timestamp in the examples (ISO 8601, as the API answers them). */
export const EXAMPLE_TIME = '2026-01-15T09:30:00.000Z'
/** An id as the server makes them (`org_` and 20 characters), for `prefix`. */
export const exampleId = (prefix: string): string => `${prefix}_01hv8k3m5q7r9t2w4x6z`

/** Id columns that do not name their resource: who did something is a user, `usr_…`. */
const ID_PREFIXES: Record<string, string> = {
  org_id: 'org',
  user_id: 'usr',
  created_by: 'usr',
  invited_by: 'usr',
  assignee_id: 'usr',
  actor_id: 'usr',
  key_id: 'key',
  webhook_id: 'whk',
  delivery_id: 'whd',
  message_id: 'msg',
  move_to_id: 'lcs',
  row_id: 'qr',
}

/** An API key as the server makes them (`ak_` and 38 characters); its prefix and last four follow from it. */
const API_KEY = 'ak_x7Qm2RvN9pL4wK8zT3bH6cJ5dF1gS0aYe4Uo'
/** Strings whose name says what they hold, where the schema has no example of its own. */
const STRINGS: Record<string, string> = {
  api_key: API_KEY,
  prefix: API_KEY.slice(0, 7),
  last4: API_KEY.slice(-4),
  access_token:
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMDFodjhrM201cTdyOXQydzR4NnoifQ.Yq2n8m5k3X0c7v4b1Z9d6f2g8h5j3k1l0p7o4i2u6y8',
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  slug: 'acme',
  org_slug: 'other-co',
  resource: 'quick_replies',
  vapid_public_key: 'BJujlneFXeuQWGbrqEJJ72e0mrEnJqO3TOa6FnaXJkB24QJfa2PWI5ibUKXyFtvpWH5iJIRmq9YZvCxUKLi0hlY',
  email: 'ana@example.com',
  url: 'https://example.com/webhooks',
  endpoint: 'https://fcm.googleapis.com/fcm/send/dXJsLXNhZmUtdG9rZW4',
}

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v)
const refName = (s: JsonSchema): string | null =>
  typeof s.$ref === 'string' && s.$ref.startsWith(SCHEMA_PREFIX) ? s.$ref.slice(SCHEMA_PREFIX.length) : null

/** What an example needs to know beyond the schema: the resource whose row it is, and values to prefer. */
interface Hints {
  doc: OpenApiDocument
  registry: Registry
  /** The resource of the path (its `id` prefix, its references). */
  resource?: Resource | undefined
  /** Values by property name, taken over the schema's own (the resource's sample, a function's input). */
  overlay?: Record<string, unknown> | undefined
}

/** The prefix of an id column's values: `id` is the resource's own, a reference its target's. */
function idPrefix(column: string, hints: Hints): string | null {
  const { resource, registry } = hints
  if (column === 'id') return resource?.idPrefix ?? null
  const target = resource?.references?.[column]
  if (target) return registry.get(target)?.idPrefix ?? null
  if (ID_PREFIXES[column]) return ID_PREFIXES[column]
  const stem = column.replace(/_id$/, '')
  if (stem === column) return null
  const named = [...registry.values()].find((r) => r.singular.replaceAll(' ', '_') === stem)
  return named?.idPrefix ?? null
}

/** A string for a property with no example of its own, by what its name says. */
function stringFor(key: string | undefined, schema: JsonSchema, hints: Hints): string {
  const prefix = key === undefined ? null : idPrefix(key, hints)
  if (prefix) return exampleId(prefix)
  if (schema.format === 'date-time' || key?.endsWith('_at')) return EXAMPLE_TIME
  if (schema.format === 'email') return STRINGS.email as string
  if (key === 'day') return EXAMPLE_TIME.slice(0, 10)
  if (key !== undefined && STRINGS[key]) return STRINGS[key]
  if (key === 'name' && hints.resource) return `Example ${hints.resource.singular.replace(/^api\b/, 'API')}`
  // Else the name in words ("display name"), at least as long as the schema asks.
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0
  return key && key.length >= min ? key.replaceAll('_', ' ') : 'x'.repeat(Math.max(min, 6))
}

/** A plausible value for `schema`: its examples, const, default or first enum value, else one built by type. */
export function exampleOf(schema: JsonSchema, hints: Hints, key?: string, depth = 0): unknown {
  if (key !== undefined && hints.overlay && key in hints.overlay && depth === 1) return hints.overlay[key]
  const name = refName(schema)
  const s = name === null ? schema : { ...hints.doc.components.schemas[name], ...schema, $ref: undefined }
  if (depth > 6) return null
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0]
  if ('const' in s) return s.const
  if (s.default !== undefined) return s.default
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0]
  const union = s.anyOf ?? s.oneOf
  if (Array.isArray(union)) {
    const first = union.find((u) => isObject(u) && u.type !== 'null')
    return isObject(first) ? exampleOf(first, hints, key, depth) : null
  }
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type
  switch (type) {
    case 'object': {
      const props = isObject(s.properties) ? s.properties : {}
      return Object.fromEntries(
        Object.entries(props).map(([k, v]) => [k, isObject(v) ? exampleOf(v, hints, k, depth + 1) : null]),
      )
    }
    case 'array': {
      const item = isObject(s.items)
        ? exampleOf(s.items, { ...hints, overlay: undefined }, key, depth + 1)
        : null
      return item === null ? [] : [item]
    }
    case 'string':
      return stringFor(key, s, hints)
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? Math.max(s.minimum, 0) : 0
    case 'boolean':
      return true
    default:
      return null
  }
}

/** The first example a schema (or the component it references) declares, if any. */
function declaredExample(
  schema: JsonSchema | undefined,
  doc: OpenApiDocument,
): Record<string, unknown> | undefined {
  if (!schema) return undefined
  const name = refName(schema)
  const s = name === null ? schema : doc.components.schemas[name]
  const first = Array.isArray(s?.examples) ? s.examples[0] : undefined
  return isObject(first) ? first : undefined
}

/** The body schema of `op` (the single-row form of a POST that takes one row or many). */
function bodySchema(op: OperationObject | undefined): JsonSchema | undefined {
  const schema = op?.requestBody?.content['application/json']?.schema
  return schema && Array.isArray(schema.anyOf) && isObject(schema.anyOf[0]) ? schema.anyOf[0] : schema
}

/**
 * The values a resource's writes show: its body schemas' own (property examples: a time zone, a currency), its
 * sample, then its declared update and insert examples.
 */
function written(resource: Resource, doc: OpenApiDocument, registry: Registry): Record<string, unknown> {
  const item = doc.paths[`/rest/v1/${resource.name}`]
  const built = (schema: JsonSchema | undefined) => {
    const value = schema && exampleOf(schema, { doc, registry, resource })
    return isObject(value) ? value : {}
  }
  return {
    ...built(bodySchema(item?.patch)),
    ...built(bodySchema(item?.post)),
    ...resource.sample?.('1'),
    ...declaredExample(bodySchema(item?.patch), doc),
    ...declaredExample(bodySchema(item?.post), doc),
  }
}

/**
 * A request body's example: what its schema declares, else one built from it; for a resource, with the values its
 * writes show (a PATCH edits the row its POST made).
 */
export function bodyExample(
  op: OperationObject,
  doc: OpenApiDocument,
  registry: Registry,
  resource?: Resource,
): unknown {
  const schema = bodySchema(op)
  if (!schema) return undefined
  const declared = declaredExample(schema, doc)
  if (declared) return declared
  const overlay = resource ? written(resource, doc, registry) : undefined
  return exampleOf(schema, { doc, registry, resource, overlay })
}

/** One row of `resource`: the row schema filled with what its writes show. */
export function rowExample(
  resource: Resource,
  doc: OpenApiDocument,
  registry: Registry,
): Record<string, unknown> {
  const columns = new Set(readableColumns(resource))
  const overlay = Object.fromEntries(
    Object.entries(written(resource, doc, registry)).filter(([k]) => columns.has(k)),
  )
  const row = exampleOf(
    { $ref: `${SCHEMA_PREFIX}${rowComponent(resource, doc)}` },
    { doc, registry, resource, overlay },
  )
  return isObject(row) ? row : {}
}

/**
 * The resource whose row a function answers, if any: the one sharing the most properties (at least three, `id`
 * among them) with its output; `generate-api-key` answers an `api_keys` row and the key.
 */
function resourceOf(schema: JsonSchema, doc: OpenApiDocument, registry: Registry): Resource | undefined {
  const name = refName(schema)
  const props = (name === null ? schema : doc.components.schemas[name])?.properties
  if (!isObject(props) || !('id' in props)) return undefined
  let best: { resource: Resource; shared: number } | undefined
  for (const resource of registry.values()) {
    const columns = new Set(readableColumns(resource))
    const shared = Object.keys(props).filter((k) => columns.has(k)).length
    if (shared >= 3 && shared > (best?.shared ?? 0)) best = { resource, shared }
  }
  return best?.resource
}

/** A function's answer: its schema filled with the row it answers (if it is one) and the request's values. */
function outputExample(
  schema: JsonSchema,
  input: unknown,
  doc: OpenApiDocument,
  registry: Registry,
): unknown {
  const resource = resourceOf(schema, doc, registry)
  const overlay = { ...(resource && rowExample(resource, doc, registry)), ...(isObject(input) ? input : {}) }
  return exampleOf(schema, { doc, registry, resource, overlay })
}

/** The component name of the resource's row (its GET's single-object schema). */
function rowComponent(resource: Resource, doc: OpenApiDocument): string {
  const get = doc.paths[`/rest/v1/${resource.name}`]?.get
  const single = get?.responses['200']?.content?.['application/vnd.pgrst.object+json']?.schema
  return (single && refName(single)) ?? 'Error'
}

type Action = 'read' | 'write' | 'call'

/**
 * The error envelope as the API answers it for `status`, worded for the operation: `what` is the resource or the
 * function, `field` a property of its body.
 */
export function errorExample(
  status: string,
  action: Action,
  what: string,
  field = 'name',
): Record<string, unknown> {
  const envelope = (code: string, message: string, details: unknown, hint: string | null) => ({
    code,
    message,
    details,
    hint,
  })
  switch (status) {
    case '400':
      return action === 'read'
        ? envelope(
            'PGRST100',
            "unknown modifier 'sideways' in 'order' term 'name.sideways'",
            null,
            'order terms are column[.asc|.desc][.nullsfirst|.nullslast]',
          )
        : envelope(
            '22P02',
            `Invalid ${field}: Invalid input: expected string, received undefined`,
            [
              {
                field,
                message: 'Invalid input: expected string, received undefined',
                issue: 'invalid_type',
                params: { expected: 'string' },
              },
            ],
            null,
          )
    case '401':
      return envelope(
        'PGRST301',
        'Missing credentials',
        null,
        'Send "Authorization: Bearer <session token>" or "apikey: ak_…"',
      )
    case '403': {
      const verb = action === 'call' ? 'call' : action
      return envelope(
        '42501',
        `permission denied to ${verb} ${what}`,
        null,
        `The agent role cannot ${verb} ${what}`,
      )
    }
    case '404':
      return action === 'call'
        ? envelope('CG404', `Could not find the function '${what}'`, null, 'See /docs for the API reference')
        : envelope(
            'PGRST205',
            `Could not find the resource '${what}'`,
            null,
            'See /docs for the API reference',
          )
    case '406':
      return envelope(
        'PGRST116',
        'JSON object requested, multiple (or no) rows returned',
        'The result contains 0 rows',
        null,
      )
    case '409':
      // A function's 409 here is the Idempotency-Key's (its own conflicts are in its description).
      if (action === 'call')
        return envelope(
          'CG409',
          'A request with this Idempotency-Key is still running',
          null,
          'Wait for it to finish, then send it again to get its answer',
        )
      return envelope(
        '23505',
        `${field} is already in use`,
        [{ field, message: 'Already in use', issue: 'unique' }],
        `Choose another ${field}`,
      )
    case '422':
      return envelope(
        'CG422',
        'This Idempotency-Key was already used with another request',
        null,
        'Send a new Idempotency-Key for a new request; a repeat must send the same query and body',
      )
    case '413':
      return envelope('CG413', 'Request body is larger than 1 MB', null, 'Split the request')
    case '416':
      return envelope(
        'PGRST103',
        'Requested range not satisfiable',
        'An offset of 100 was requested, but there are only 3 rows.',
        null,
      )
    default:
      return envelope('CG500', 'Internal error', null, null)
  }
}

/**
 * Gives every response body of `doc` an example (in place): the path's resource rows for REST, a value built from
 * the output schema (with the row it answers and the request's values) for functions, the envelope for errors.
 */
export function addResponseExamples(doc: OpenApiDocument, registry: Registry): void {
  for (const [path, item] of Object.entries(doc.paths)) {
    const resource = path.startsWith('/rest/v1/') ? registry.get(path.slice('/rest/v1/'.length)) : undefined
    const row = resource ? rowExample(resource, doc, registry) : undefined
    for (const [method, op] of Object.entries(item) as [string, OperationObject][]) {
      const action: Action = resource ? (method === 'get' ? 'read' : 'write') : 'call'
      const what = resource?.name ?? path.slice(path.lastIndexOf('/v1/') + 4)
      const input = bodyExample(op, doc, registry, resource)
      const field = (isObject(input) && Object.keys(input)[0]) || 'name'
      for (const [status, response] of Object.entries(op.responses)) {
        for (const media of Object.values(response.content ?? {})) {
          if (media.example !== undefined) continue
          if (!status.startsWith('2')) media.example = errorExample(status, action, what, field)
          else if (row) media.example = media.schema.type === 'array' ? [row] : row
          else media.example = outputExample(media.schema, input, doc, registry)
        }
      }
    }
  }
}
