/** @module The template variables' pure functions, which the server and the element's preview both run. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { contactValues, renderTemplate, templateVariables, variablesIn } from './template-variables.ts'

describe('variablesIn', () => {
  it('finds the distinct names inside {{ … }}, spaces allowed, in order of first appearance', () => {
    expect(variablesIn('{{ agent.name }} to {{contact.first_name}}, {{agent.name}} and {{foo_bar}}')).toEqual(
      ['agent.name', 'contact.first_name', 'foo_bar'],
    )
  })

  it('leaves what is not a variable as text: unclosed braces, capitals, digits, empty braces', () => {
    expect(variablesIn('{{ contact.name and {{Contact.Name}} {{contact.2}} {{}} {{ .x }} {{a..b}}')).toEqual(
      [],
    )
  })
})

describe('renderTemplate', () => {
  it('fills each variable with a value; one without stays exactly as written and is listed once', () => {
    expect(
      renderTemplate('Hi {{ contact.first_name }}, {{contact.email}} {{agent.name}} {{ contact.email }}', {
        'contact.first_name': 'Ana',
        'contact.email': null,
        'agent.name': '  ',
      }),
    ).toEqual({
      text: 'Hi Ana, {{contact.email}} {{agent.name}} {{ contact.email }}',
      unresolved: ['contact.email', 'agent.name'],
    })
  })

  it('inserts a value literally and never reads a name outside the catalog', () => {
    expect(
      renderTemplate('{{organization.name}} {{constructor}}', { 'organization.name': '$& $1 Co' }),
    ).toEqual({
      text: '$& $1 Co {{constructor}}',
      unresolved: ['constructor'],
    })
  })
})

describe('contactValues', () => {
  it("derives the first name from the name's first word; no contact gives no values", () => {
    expect(contactValues({ name: '  Ana María García ', email: 'ana@example.com', phone: null })).toEqual({
      'contact.name': 'Ana María García',
      'contact.first_name': 'Ana',
      'contact.email': 'ana@example.com',
      'contact.phone': null,
    })
    expect(contactValues(null)).toEqual({})
  })

  it('covers every contact.* variable of the catalog', () => {
    const contactNames = templateVariables.map((v) => v.name).filter((n) => n.startsWith('contact.'))
    expect(Object.keys(contactValues({ name: 'Ana' })).sort()).toEqual(contactNames.sort())
  })
})

describe('docs/templates.md', () => {
  it("lists the catalog's variables, descriptions and examples, in its order", () => {
    const doc = readFileSync(new URL('../../../docs/templates.md', import.meta.url), 'utf8')
    const section = doc.split('## Variables')[1]?.split('\n\n')[1] ?? ''
    const rows = section
      .split('\n')
      .slice(2)
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim().replace(/^`(.*)`$/, '$1')),
      )
    expect(rows).toEqual(templateVariables.map((v) => [v.name, v.description, v.example]))
  })
})
