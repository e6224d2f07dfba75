import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError } from '../errors.ts'
import { createTestContext, type TestContext } from '../test-utils/index.ts'
import {
  MAX_FILTER_DEPTH,
  MAX_FILTERS,
  MAX_ORDER_TERMS,
  MAX_SELECT_COLUMNS,
  MAX_URL_LENGTH,
} from './limits.ts'
import { parseQuery } from './query.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

const ORGS = '/rest/v1/organizations'
const get = (search: string, token = t.orgA.tokens.admin) => t.request('GET', `${ORGS}?${search}`, { token })

/** `or=(id.eq.x,or(id.eq.x,…))` nested `depth` groups deep. */
const nested = (depth: number) => {
  let group = `(id.eq.${t.orgA.id})`
  for (let i = 1; i < depth; i++) group = `(id.eq.${t.orgA.id},or${group})`
  return `or=${group}`
}
/** `n` top-level conditions, all true for org A. */
const conditions = (n: number) => Array.from({ length: n }, () => `id=eq.${t.orgA.id}`).join('&')
/** `select=` with `n` aliased copies of one column. */
const columns = (n: number) => `select=${Array.from({ length: n }, (_, i) => `c${i}:id`).join(',')}`
const orderTerms = (n: number) => `order=${Array.from({ length: n }, () => 'name').join(',')}`
/** A query string that makes the URL exactly `length` characters long. */
const urlOf = (length: number) => {
  const base = `${ORGS}?id=eq.${t.orgA.id}&name=neq.`
  return `id=eq.${t.orgA.id}&name=neq.${'x'.repeat(length - base.length)}`
}

async function expectLimit(res: Response, ...mentions: string[]) {
  expect(res.status).toBe(400)
  const body = (await res.json()) as { code: string; message: string }
  expect(body.code).toBe('PGRST100')
  for (const m of mentions) expect(body.message).toContain(m)
}

async function expectRows(res: Response) {
  expect(res.status).toBe(200)
  expect(await res.json()).toHaveLength(1)
}

describe('request limits: at the cap the query runs, one past it is a 400 naming the limit', () => {
  it(`filter groups nested ${MAX_FILTER_DEPTH} deep`, async () => {
    await expectRows(await get(nested(MAX_FILTER_DEPTH)))
    await expectLimit(await get(nested(MAX_FILTER_DEPTH + 1)), 'nested', String(MAX_FILTER_DEPTH))
  })

  it(`${MAX_FILTERS} filter conditions, counted into groups`, async () => {
    await expectRows(await get(conditions(MAX_FILTERS)))
    await expectLimit(await get(conditions(MAX_FILTERS + 1)), String(MAX_FILTERS + 1), String(MAX_FILTERS))
    await expectLimit(await get(`${conditions(MAX_FILTERS - 1)}&${nested(2)}`), String(MAX_FILTERS))
  })

  it(`${MAX_SELECT_COLUMNS} selected columns`, async () => {
    const res = await get(columns(MAX_SELECT_COLUMNS))
    expect(res.status).toBe(200)
    expect(Object.keys(((await res.json()) as object[])[0] ?? {})).toHaveLength(MAX_SELECT_COLUMNS)
    await expectLimit(await get(columns(MAX_SELECT_COLUMNS + 1)), "'select'", String(MAX_SELECT_COLUMNS))
  })

  it(`${MAX_ORDER_TERMS} order terms`, async () => {
    await expectRows(await get(`id=eq.${t.orgA.id}&${orderTerms(MAX_ORDER_TERMS)}`))
    await expectLimit(await get(orderTerms(MAX_ORDER_TERMS + 1)), "'order'", String(MAX_ORDER_TERMS))
  })

  it(`a URL of ${MAX_URL_LENGTH} characters`, async () => {
    await expectRows(await get(urlOf(MAX_URL_LENGTH)))
    await expectLimit(await get(urlOf(MAX_URL_LENGTH + 1)), 'URL', String(MAX_URL_LENGTH))
  })
})

describe('the queries that were 500s are 400s', () => {
  it.each([
    ['or= nested 3,000 deep', () => nested(3000)],
    ['1,100 top-level filters', () => conditions(1100)],
    ['select= with 2,001 columns', () => columns(2001)],
    ['order= with 2,001 terms', () => orderTerms(2001)],
  ])('%s', async (_what, search) => {
    await expectLimit(await get(search()))
  })

  it('the parser stops at the depth cap, whatever the URL length (no stack overflow)', () => {
    const deep = `or=${'or('.repeat(100_000)}a.eq.1${')'.repeat(100_000)}`.replace('or=or(', 'or=(')
    expect(() => parseQuery(new URLSearchParams(deep))).toThrow(ApiError)
  })

  it('an API key hits the same limits', async () => {
    await expectLimit(await get(columns(MAX_SELECT_COLUMNS + 1), t.orgA.apiKey))
  })
})
