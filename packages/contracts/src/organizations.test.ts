import { describe, expect, it } from 'vitest'
import { OrganizationUpdate, supportedCurrencies, supportedTimeZones } from './organizations.ts'

const fieldErrors = (input: unknown) => {
  const result = OrganizationUpdate.safeParse(input)
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'))
}

describe('OrganizationUpdate', () => {
  it("accepts the spec's body", () => {
    const body = { name: 'My Company', slug: 'my-company', timezone: 'America/New_York', currency: 'USD' }
    expect(OrganizationUpdate.parse(body)).toEqual(body)
  })

  it('trims the name and accepts UTC', () => {
    expect(OrganizationUpdate.parse({ name: '  Acme  ', timezone: 'UTC' })).toEqual({
      name: 'Acme',
      timezone: 'UTC',
    })
  })

  it.each([
    ['name', ''],
    ['name', '   '],
    ['name', 'x'.repeat(101)],
    ['name', 'Acme\nInc'],
    ['slug', 'Not A Slug'],
    ['slug', 'a'],
    ['slug', 'a'.repeat(49)],
    ['slug', 'my--company'],
    ['slug', '-lead'],
    ['slug', 'trail-'],
    ['slug', 'UPPER'],
    ['timezone', 'Mars/Phobos'],
    ['timezone', 'america/new_york'],
    ['currency', 'XYZ1'],
    ['currency', 'usd'],
  ])('rejects %s = %j', (field, value) => {
    expect(fieldErrors({ [field]: value })).toEqual([field])
  })

  it('accepts the bounds', () => {
    expect(fieldErrors({ name: 'x'.repeat(100), slug: 'a'.repeat(48) })).toEqual([])
    expect(fieldErrors({ slug: 'ab' })).toEqual([])
  })

  it('rejects unknown and server-owned keys', () => {
    expect(OrganizationUpdate.safeParse({ id: 'org_x' }).success).toBe(false)
    expect(OrganizationUpdate.safeParse({ plan: 'pro' }).success).toBe(false)
  })

  it('lists every IANA zone plus UTC, and ISO 4217 currencies', () => {
    expect(supportedTimeZones()).toContain('America/New_York')
    expect(supportedTimeZones()).toContain('UTC')
    expect(supportedCurrencies()).toContain('EUR')
    expect(supportedCurrencies()).not.toContain('XYZ')
  })
})
