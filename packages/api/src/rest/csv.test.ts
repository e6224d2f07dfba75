/** @module CSV answers: quoting, JSON cells, and no formula a spreadsheet would run. */
import { describe, expect, it } from 'vitest'
import { toCsv } from './csv.ts'

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, writes objects as JSON and null as nothing', () => {
    expect(
      toCsv(
        ['a', 'b', 'c'],
        [
          { a: 'x, y', b: 'say "hi"', c: null },
          { a: 'two\nlines', b: { k: 1 }, c: 3 },
        ],
      ),
    ).toBe('a,b,c\r\n"x, y","say ""hi""",\r\n"two\nlines","{""k"":1}",3\r\n')
  })

  it('prefixes a text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(toCsv(['v'], [{ v: '=HYPERLINK("x")' }, { v: '@cmd' }, { v: -5 }])).toBe(
      `v\r\n"'=HYPERLINK(""x"")"\r\n'@cmd\r\n-5\r\n`,
    )
  })

  it('answers the header alone for no rows', () => {
    expect(toCsv(['id', 'name'], [])).toBe('id,name\r\n')
  })
})
