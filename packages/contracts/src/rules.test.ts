import { describe, expect, it } from 'vitest'
import { toFieldIssues } from './issues.ts'
import { HexColor, noControlCharacters, OrganizationSlug, oneLineName, TimeZone } from './rules.ts'

const issues = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) => {
  const result = schema.safeParse(value)
  return result.success ? [] : toFieldIssues(result.error as Parameters<typeof toFieldIssues>[0])
}

describe('oneLineName', () => {
  it('trims and keeps a one-line name', () => {
    expect(oneLineName(10).parse('  Acme  ')).toBe('Acme')
  })

  it('answers the same messages and rule ids for every max', () => {
    expect(issues(oneLineName(10), '  ')).toMatchObject([{ message: 'Name is required' }])
    expect(issues(oneLineName(10), 'x'.repeat(11))).toMatchObject([
      { message: 'Name must be at most 10 characters' },
    ])
    expect(issues(oneLineName(10), 'a\nb')).toEqual([
      {
        field: '(body)',
        message: 'Name cannot contain control characters such as line breaks',
        issue: 'custom',
        params: { id: 'no_control' },
      },
    ])
  })

  it('gives each schema its own checks', () => {
    expect(oneLineName(5)).not.toBe(oneLineName(5))
    expect(issues(oneLineName(50), 'x'.repeat(20))).toEqual([])
  })
})

describe('shared rules', () => {
  it('rejects control characters but not other Unicode', () => {
    expect(noControlCharacters('Ana García 🙂')).toBe(true)
    expect(noControlCharacters('tab\there')).toBe(false)
    expect(noControlCharacters('nul\u0000')).toBe(false)
  })

  it('checks slugs, hex colors and time zones with their rule ids', () => {
    expect(issues(OrganizationSlug, 'my-company')).toEqual([])
    expect(issues(OrganizationSlug, 'my--company')).toMatchObject([{ params: { id: 'slug_format' } }])
    expect(issues(HexColor, '#2456D3')).toEqual([])
    expect(issues(HexColor, '#245')).toMatchObject([{ params: { id: 'hex_color' } }])
    expect(issues(TimeZone, 'UTC')).toEqual([])
    expect(issues(TimeZone, 'Mars/Phobos')).toMatchObject([{ params: { id: 'timezone' } }])
  })
})
