import { expect } from '@open-wc/testing'
import { useLocale } from '../i18n/localization.ts'
import { localizeIssue } from './issues.ts'

const issue = (kind: string, params?: Record<string, unknown>) => ({
  field: 'name',
  message: 'The English message',
  issue: kind,
  params,
})

describe('localizeIssue', () => {
  after(() => useLocale('en'))

  it('words issues by code and limits, never by the English message', async () => {
    expect(localizeIssue(issue('too_small', { minimum: 1, origin: 'string' }))).to.equal('Required')
    expect(localizeIssue(issue('too_small', { minimum: 2, origin: 'string' }))).to.equal(
      'Must be at least 2 characters',
    )
    expect(localizeIssue(issue('too_big', { maximum: 50, origin: 'string' }))).to.equal(
      'Must be at most 50 characters',
    )
    expect(localizeIssue(issue('invalid_value', { values: ['a', 'b'] }))).to.equal(
      'Choose one of the options',
    )
    expect(localizeIssue(issue('invalid_type', { expected: 'string' }))).to.equal('Required')
    expect(localizeIssue(issue('unique'))).to.equal('Already in use')
    expect(localizeIssue(issue('custom', { id: 'hex_color' }))).to.equal('Use a hex color such as #2456d3')
  })

  it("falls back to the server's message for what it does not know, and lets a tab word an issue its way", () => {
    expect(localizeIssue(issue('custom', { id: 'new_rule' }))).to.equal('The English message')
    expect(localizeIssue({ field: 'x', message: 'Plain' })).to.equal('Plain')
    const own = { unique: () => 'Taken by another organization', 'rule:hex_color': () => 'Pick a color' }
    expect(localizeIssue(issue('unique'), own)).to.equal('Taken by another organization')
    expect(localizeIssue(issue('custom', { id: 'hex_color' }), own)).to.equal('Pick a color')
  })

  it('speaks Spanish', async () => {
    await useLocale('es')
    expect(localizeIssue(issue('too_small', { minimum: 1, origin: 'string' }))).to.equal('Obligatorio')
    expect(localizeIssue(issue('too_big', { maximum: 32, origin: 'string' }))).to.equal(
      'Debe tener como máximo 32 caracteres',
    )
    expect(localizeIssue(issue('unique'))).to.equal('Ya está en uso')
    expect(localizeIssue(issue('custom', { id: 'timezone' }))).to.equal('Elige una zona horaria de la lista')
  })
})
