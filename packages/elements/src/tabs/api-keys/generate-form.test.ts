import { GenerateApiKeyRequest } from '@connectgain/contracts/api-keys'
import { expect } from '@open-wc/testing'
import * as z from 'zod/mini'
import { generateBody, generateFields, initialValues } from './generate-form.ts'

const now = Date.parse('2025-03-01T12:00:00.000Z')
const form = (values: Record<string, unknown>) => ({ ...initialValues(), name: 'CRM', ...values })

describe('the generate form', () => {
  it('turns a preset into an expiry that many days from now, in UTC, as the contract takes it', () => {
    expect(generateBody(form({ expiry: '7d' }), now)).to.deep.equal({
      name: 'CRM',
      scope: 'full',
      expires_at: '2025-03-08T12:00:00.000Z',
    })
    expect(generateBody(form({ expiry: '30d' }), now).expires_at).to.equal('2025-03-31T12:00:00.000Z')
    expect(generateBody(form({ expiry: '90d' }), now).expires_at).to.equal('2025-05-30T12:00:00.000Z')
    expect(z.safeParse(GenerateApiKeyRequest, generateBody(form({}), now)).success).to.equal(true)
  })

  it('sends no expiry for Never, the date picked for a custom one (empty when none), and a description only when given', () => {
    expect(
      generateBody(form({ expiry: 'never', expires_at: '2030-01-01T00:00:00.000Z' }), now),
    ).to.deep.equal({
      name: 'CRM',
      scope: 'full',
    })
    expect(
      generateBody(form({ expiry: 'custom', expires_at: '2030-01-01T00:00:00.000Z' }), now).expires_at,
    ).to.equal('2030-01-01T00:00:00.000Z')
    const empty = generateBody(form({ expiry: 'custom' }), now)
    expect(empty.expires_at).to.equal('')
    expect(z.safeParse(GenerateApiKeyRequest, empty).success, 'the contract refuses it').to.equal(false)
    expect(generateBody(form({ description: '  ' }), now)).not.to.have.property('description')
    expect(generateBody(form({ description: 'Nightly' }), now).description).to.equal('Nightly')
  })

  it('shows the date field only for a custom expiry', () => {
    const names = (values: Record<string, unknown>) => generateFields(values).map((f) => f.name)
    expect(names(form({}))).to.deep.equal(['name', 'description', 'expiry', 'scope'])
    expect(names(form({ expiry: 'custom' }))).to.deep.equal([
      'name',
      'description',
      'expiry',
      'expires_at',
      'scope',
    ])
  })
})
