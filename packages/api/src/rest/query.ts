/** @module PostgREST query-string subset: URLSearchParams, Range and Prefer headers → a typed AST. */
import { ApiError, badQuery } from '../errors.ts'
import {
  MAX_FILTER_DEPTH,
  MAX_FILTERS,
  MAX_ORDER_TERMS,
  MAX_SELECT_COLUMNS,
  MAX_URL_LENGTH,
} from './limits.ts'

export type FilterOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'like' | 'ilike' | 'in' | 'is'
export type IsValue = 'null' | 'not_null' | 'true' | 'false' | 'unknown'
export type Condition = {
  kind: 'cond'
  column: string
  negate: boolean
} & (
  | { op: Exclude<FilterOp, 'in' | 'is'>; value: string }
  | { op: 'in'; value: string[] }
  | { op: 'is'; value: IsValue }
)
export interface Logical {
  kind: 'and' | 'or'
  negate: boolean
  filters: Filter[]
}
export type Filter = Condition | Logical
export interface SelectItem {
  column: string
  alias?: string
}
export interface OrderTerm {
  column: string
  direction: 'asc' | 'desc'
  nulls?: 'first' | 'last'
}
export interface ParsedQuery {
  /** null means "*" (also when select is absent or exactly "*"). */
  select: SelectItem[] | null
  /** Top level, all ANDed. */
  filters: Filter[]
  order: OrderTerm[]
  limit?: number
  offset?: number
  onConflict?: string[]
}
export interface Prefer {
  return?: 'representation' | 'minimal' | 'headers-only'
  count?: 'exact' | 'planned' | 'estimated'
  resolution?: 'merge-duplicates' | 'ignore-duplicates'
  missing?: 'default'
}

export const MAX_LIMIT = 1000

const OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'in', 'is'] as const satisfies FilterOp[]
const IS_VALUES = ['null', 'not_null', 'true', 'false', 'unknown'] as const satisfies IsValue[]
const ORDER_MODIFIERS = ['asc', 'desc', 'nullsfirst', 'nullslast']
const SINGLE_KEYS = new Set(['select', 'order', 'limit', 'offset', 'on_conflict'])
const IDENT = /^[a-z_][a-z0-9_]*$/i
const isIdent = (s: string): boolean => IDENT.test(s)
const oneOf = <T extends string>(values: readonly T[], s: string): s is T =>
  (values as readonly string[]).includes(s)

/** A URL (path and query string) longer than MAX_URL_LENGTH is refused before anything parses it. */
export function checkUrlLength(url: URL): void {
  const length = url.pathname.length + url.search.length
  if (length > MAX_URL_LENGTH) {
    throw badQuery(
      `the URL is ${length} characters long, more than the limit of ${MAX_URL_LENGTH}`,
      undefined,
      'select fewer columns or send fewer filters; fetch the rest with another request',
    )
  }
}

/** Conditions in `filters`, counted into groups (whose depth the parser has already bounded). */
function countConditions(filters: readonly Filter[]): number {
  let n = 0
  for (const f of filters) n += f.kind === 'cond' ? 1 : countConditions(f.filters)
  return n
}

/** Turns the query string of `/rest/v1/{resource}` into a ParsedQuery; throws PGRST100 naming the culprit. */
export function parseQuery(params: URLSearchParams): ParsedQuery {
  const out: ParsedQuery = { select: null, filters: [], order: [] }
  const seen = new Set<string>()
  for (const [key, value] of params) {
    if (SINGLE_KEYS.has(key)) {
      if (seen.has(key)) throw badQuery(`'${key}' may only be given once`)
      seen.add(key)
    }
    switch (key) {
      case 'select':
        out.select = parseSelect(value)
        break
      case 'order':
        out.order = parseOrder(value)
        break
      case 'limit':
        out.limit = parseCount('limit', value)
        if (out.limit > MAX_LIMIT)
          throw badQuery(
            `'limit' must be at most ${MAX_LIMIT}, got '${value}'`,
            undefined,
            `request at most ${MAX_LIMIT} rows and paginate with 'offset'`,
          )
        break
      case 'offset':
        out.offset = parseCount('offset', value)
        break
      case 'on_conflict':
        out.onConflict = parseOnConflict(value)
        break
      case 'columns':
        break
      case 'or':
      case 'and':
      case 'not.or':
      case 'not.and':
        out.filters.push(
          parseGroup(key.endsWith('or') ? 'or' : 'and', key.startsWith('not.'), value, `${key}=${value}`),
        )
        break
      default:
        if (!isIdent(key))
          throw badQuery(
            `invalid filter column '${key}'`,
            undefined,
            'filter keys must be plain column names; embedded resources and JSON paths are not supported',
          )
        out.filters.push(parseCondition(key, value, false))
    }
  }
  const conditions = countConditions(out.filters)
  if (conditions > MAX_FILTERS) {
    throw badQuery(
      `the query has ${conditions} filter conditions, more than the limit of ${MAX_FILTERS}`,
      undefined,
      'combine values with in.(…) or split the request',
    )
  }
  return out
}

/** `op.value` or `not.op.value` on `column`; values inside logical groups may be double-quoted. */
function parseCondition(column: string, expr: string, inGroup: boolean): Condition {
  const negate = expr.startsWith('not.')
  const rest = negate ? expr.slice(4) : expr
  const dot = rest.indexOf('.')
  const op = dot < 0 ? rest : rest.slice(0, dot)
  const hint = `write filters as op.value, with op one of: ${OPS.join(', ')}`
  if (op === '') throw badQuery(`missing operator in filter on column '${column}'`, undefined, hint)
  if (!oneOf(OPS, op))
    throw badQuery(`unknown operator '${op}' in filter on column '${column}'`, undefined, hint)
  if (dot < 0) throw badQuery(`missing '.value' after operator '${op}' in filter on column '${column}'`)
  const raw = rest.slice(dot + 1)
  const where = `'${op}' filter on column '${column}'`
  if (op === 'in') return { kind: 'cond', column, negate, op, value: parseList(raw, where) }
  const value = inGroup ? unquote(raw, where) : raw
  if (op === 'is') {
    const lower = value.toLowerCase()
    if (!oneOf(IS_VALUES, lower))
      throw badQuery(`invalid value '${value}' in ${where}`, undefined, `use one of: ${IS_VALUES.join(', ')}`)
    return { kind: 'cond', column, negate, op, value: lower }
  }
  return { kind: 'cond', column, negate, op, value }
}

/** `(a,"b,c")` → ['a', 'b,c']; `()` → []. */
function parseList(raw: string, where: string): string[] {
  const inner = /^\((.*)\)$/s.exec(raw)?.[1]
  if (inner === undefined)
    throw badQuery(`${where} expects a parenthesized list, got '${raw}'`, undefined, 'write in.(a,b,"c,d")')
  return inner === '' ? [] : splitItems(inner, where).map((item) => unquote(item, where))
}

/** A logical group body `(item,item,…)`, `depth` groups deep; `label` names it in errors. */
function parseGroup(kind: 'and' | 'or', negate: boolean, body: string, label: string, depth = 1): Logical {
  if (depth > MAX_FILTER_DEPTH) {
    throw badQuery(
      `logical filters are nested more than ${MAX_FILTER_DEPTH} deep, the limit`,
      undefined,
      'flatten the and(…)/or(…) groups',
    )
  }
  const inner = /^\((.*)\)$/s.exec(body)?.[1]
  const where = `logical filter '${label}'`
  if (inner === undefined)
    throw badQuery(`${where} must be a parenthesized list`, undefined, 'write e.g. or=(a.eq.1,b.is.null)')
  if (inner === '') throw badQuery(`empty ${where}`)
  const items = splitItems(inner, where)
  return { kind, negate, filters: items.map((item) => parseGroupItem(item, where, depth)) }
}

function parseGroupItem(item: string, where: string, depth: number): Filter {
  if (item === '') throw badQuery(`empty item in ${where}`)
  const nested = /^(not\.)?(and|or)(\(.*)$/s.exec(item)
  if (nested)
    return parseGroup(
      nested[2] === 'or' ? 'or' : 'and',
      nested[1] !== undefined,
      nested[3] ?? '',
      item,
      depth + 1,
    )
  const dot = item.indexOf('.')
  const column = item.slice(0, dot)
  if (dot < 0 || !isIdent(column))
    throw badQuery(
      `invalid item '${item}' in ${where}`,
      undefined,
      'items are column.op.value, column.not.op.value, and(...), or(...), not.and(...) or not.or(...)',
    )
  return parseCondition(column, item.slice(dot + 1), true)
}

/** The tokenizer: splits at depth-0 commas outside double quotes (which keep backslash escapes). */
function splitItems(s: string, where: string): string[] {
  const items: string[] = []
  let depth = 0
  let quoted = false
  let start = 0
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (quoted) {
      if (c === '\\') i++
      else if (c === '"') quoted = false
    } else if (c === '"') quoted = true
    else if (c === '(') depth++
    else if (c === ')' && --depth < 0) throw badQuery(`unbalanced parentheses in ${where}`)
    else if (c === ',' && depth === 0) {
      items.push(s.slice(start, i))
      start = i + 1
    }
  }
  if (quoted) throw badQuery(`unterminated double quote in ${where}`)
  if (depth !== 0) throw badQuery(`unbalanced parentheses in ${where}`)
  items.push(s.slice(start))
  return items
}

/** `"a\"b"` → `a"b`; an item not starting with a quote is returned verbatim. */
function unquote(item: string, where: string): string {
  if (!item.startsWith('"')) return item
  let out = ''
  for (let i = 1; i < item.length; i++) {
    const c = item[i]
    if (c === '\\') out += item[++i] ?? ''
    else if (c !== '"') out += c
    else if (i === item.length - 1) return out
    else throw badQuery(`unexpected text after the closing quote in '${item}' in ${where}`)
  }
  throw badQuery(`unterminated double quote in '${item}' in ${where}`)
}

function parseSelect(value: string): SelectItem[] | null {
  const trimmed = value.trim()
  if (trimmed === '*') return null
  if (trimmed === '') throw badQuery(`'select' must list at least one column or '*'`)
  const items = trimmed.split(',')
  if (items.length > MAX_SELECT_COLUMNS) {
    throw badQuery(
      `'select' lists ${items.length} columns, more than the limit of ${MAX_SELECT_COLUMNS}`,
      undefined,
      "list each column once, or select '*'",
    )
  }
  return items.map((raw) => {
    const item = raw.trim()
    if (item === '') throw badQuery(`empty item in 'select=${value}'`)
    const colon = item.indexOf(':')
    const column = item.slice(colon + 1)
    const alias = colon < 0 ? undefined : item.slice(0, colon)
    if (!isIdent(column) || (alias !== undefined && !isIdent(alias)))
      throw badQuery(
        `unsupported item '${item}' in 'select'`,
        undefined,
        "only plain columns and alias:column are supported (no '*' among columns, casts, embedded resources or JSON paths)",
      )
    return alias === undefined ? { column } : { column, alias }
  })
}

function parseOrder(value: string): OrderTerm[] {
  const terms = value.split(',')
  if (terms.length > MAX_ORDER_TERMS) {
    throw badQuery(`'order' has ${terms.length} terms, more than the limit of ${MAX_ORDER_TERMS}`)
  }
  return terms.map((raw) => {
    const term = raw.trim()
    if (term === '') throw badQuery(`empty term in 'order=${value}'`)
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\.(asc|desc))?(?:\.(nullsfirst|nullslast))?$/.exec(term)
    if (!m) {
      const [column = '', ...mods] = term.split('.')
      const unknown = mods.find((mod) => !ORDER_MODIFIERS.includes(mod))
      const hint = 'order terms are column[.asc|.desc][.nullsfirst|.nullslast]'
      if (!isIdent(column))
        throw badQuery(`invalid column '${column}' in 'order' term '${term}'`, undefined, hint)
      if (unknown !== undefined)
        throw badQuery(`unknown modifier '${unknown}' in 'order' term '${term}'`, undefined, hint)
      throw badQuery(`misplaced or repeated modifiers in 'order' term '${term}'`, undefined, hint)
    }
    const [, column = '', direction, nulls] = m
    const out: OrderTerm = { column, direction: direction === 'desc' ? 'desc' : 'asc' }
    if (nulls) out.nulls = nulls === 'nullsfirst' ? 'first' : 'last'
    return out
  })
}

function parseCount(name: 'limit' | 'offset', value: string): number {
  if (!/^\d+$/.test(value)) throw badQuery(`'${name}' must be a non-negative integer, got '${value}'`)
  const n = Number(value)
  if (!Number.isSafeInteger(n))
    throw badQuery(`'${name}' must be at most ${Number.MAX_SAFE_INTEGER}, got '${value}'`)
  return n
}

function parseOnConflict(value: string): string[] {
  return value.split(',').map((raw) => {
    const column = raw.trim()
    if (!isIdent(column))
      throw badQuery(
        `invalid column '${column}' in 'on_conflict=${value}'`,
        undefined,
        'list plain column names: a,b',
      )
    return column
  })
}

/** `Range: 0-9` (optionally `items=0-9`) → { offset: 0, limit: 10 }; `10-` → { offset: 10 }; throws PGRST103. */
export function parseRange(
  header: string | null | undefined,
): { offset: number; limit?: number } | undefined {
  const value = header?.trim()
  if (!value) return undefined
  const hint = `use Range: first-last (e.g. 0-9) or first- with at most ${MAX_LIMIT} rows`
  const m = /^(?:items=)?(\d+)-(\d*)$/i.exec(value)
  const first = Number(m?.[1])
  const last = m?.[2] ? Number(m[2]) : undefined
  if (!m || !Number.isSafeInteger(first) || (last !== undefined && !Number.isSafeInteger(last)))
    throw new ApiError('PGRST103', `invalid Range header '${value}'`, { details: null, hint })
  if (last === undefined) return { offset: first }
  if (last < first)
    throw new ApiError('PGRST103', `Range header '${value}' ends before it starts`, { details: null, hint })
  const limit = last - first + 1
  if (limit > MAX_LIMIT)
    throw new ApiError('PGRST103', `Range header '${value}' asks for ${limit} rows, more than ${MAX_LIMIT}`, {
      details: null,
      hint,
    })
  return { offset: first, limit }
}

/** `return=representation, count=exact` → { return, count }; unknown tokens are ignored, later ones win. */
export function parsePrefer(header: string | null | undefined): Prefer {
  const out: Prefer = {}
  for (const token of (header ?? '').split(',')) {
    const eq = token.indexOf('=')
    if (eq < 0) continue
    const key = token.slice(0, eq).trim()
    const value = token.slice(eq + 1).trim()
    if (key === 'return' && oneOf(['representation', 'minimal', 'headers-only'], value)) out.return = value
    else if (key === 'count' && oneOf(['exact', 'planned', 'estimated'], value)) out.count = value
    else if (key === 'resolution' && oneOf(['merge-duplicates', 'ignore-duplicates'], value))
      out.resolution = value
    else if (key === 'missing' && value === 'default') out.missing = value
  }
  return out
}
