import { expect, fixture, html, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import './cg-datetime.ts'
import { type CgDatetime, isoToLocalInput, localInputToIso } from './cg-datetime.ts'

/** The UTC instant of a local wall-clock time, computed from the zone offset (not from string parsing). */
function utcOf(y: number, mo: number, d: number, h: number, mi: number): string {
  const offsetMinutes = new Date(y, mo - 1, d, h, mi).getTimezoneOffset()
  return new Date(Date.UTC(y, mo - 1, d, h, mi) + offsetMinutes * 60_000).toISOString()
}

async function open(value = '') {
  const el = await fixture<CgDatetime>(
    html`<cg-datetime name="startsAt" label="Starts at" help="Your local time" value=${value}></cg-datetime>`,
  )
  return { el, input: el.shadowRoot!.querySelector('input')! }
}

function type(input: HTMLInputElement, local: string) {
  input.value = local
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

describe('cg-datetime', () => {
  it('shows an ISO UTC value in local time in a labelled datetime-local input', async () => {
    const iso = utcOf(2025, 1, 15, 9, 30)
    const { el, input } = await open(iso)
    await expect(el).to.be.accessible()
    expect(input.type).to.equal('datetime-local')
    expect(el.shadowRoot!.querySelector(`label[for="${input.id}"]`)!.textContent).to.equal('Starts at')
    expect(input.value).to.equal('2025-01-15T09:30')
  })

  it('converts a local value to the right ISO UTC string on input (winter and summer)', async () => {
    const { el, input } = await open()
    expect(input.value).to.equal('')
    setTimeout(() => type(input, '2025-01-15T09:30'))
    const winter = await oneEvent(el, 'cg-field-change')
    expect(winter.detail).to.deep.equal({ name: 'startsAt', value: utcOf(2025, 1, 15, 9, 30) })
    expect(el.value).to.match(/^2025-01-1[45]T\d\d:\d\d:00\.000Z$/)

    setTimeout(() => type(input, '2025-07-04T18:05'))
    const summer = await oneEvent(el, 'cg-field-change')
    expect(summer.detail.value).to.equal(utcOf(2025, 7, 4, 18, 5))
    await el.updateComplete
    expect(input.value, 'shown again in local time').to.equal('2025-07-04T18:05')
  })

  it('round-trips local ↔ ISO UTC', () => {
    for (const local of ['2025-03-20T01:15', '2024-02-29T23:59', '2025-12-31T00:00', '2025-06-01T12:34:56']) {
      expect(isoToLocalInput(localInputToIso(local)), local).to.equal(local)
    }
    const offset = new Date(2025, 0, 15, 9, 30).getTimezoneOffset()
    expect(Date.parse(localInputToIso('2025-01-15T09:30'))).to.equal(
      Date.UTC(2025, 0, 15, 9, 30) + offset * 60_000,
    )
    expect(localInputToIso('')).to.equal('')
    expect(localInputToIso('not a date')).to.equal('')
    expect(isoToLocalInput('not a date')).to.equal('')
  })

  it('reports clearing as an empty string', async () => {
    const { el, input } = await open(utcOf(2025, 1, 15, 9, 30))
    setTimeout(() => type(input, ''))
    const event = await oneEvent(el, 'cg-field-change')
    expect(event.detail.value).to.equal('')
  })

  it('changes with the keyboard (ArrowUp on the focused part) and reports ISO UTC', async () => {
    const { el, input } = await open(utcOf(2025, 1, 15, 9, 30))
    input.focus()
    setTimeout(() => sendKeys({ press: 'ArrowUp' }))
    const event = await oneEvent(el, 'cg-field-change')
    expect(event.detail.value).to.not.equal(utcOf(2025, 1, 15, 9, 30))
    expect(event.detail.value).to.equal(localInputToIso(input.value))
    expect(event.detail.value).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('takes min and max as ISO strings and shows them in local time', async () => {
    const { el, input } = await open()
    el.min = utcOf(2025, 1, 1, 0, 0)
    el.max = utcOf(2025, 12, 31, 23, 59)
    el.error = 'Pick a time in 2025'
    await el.updateComplete
    expect(input.min).to.equal('2025-01-01T00:00')
    expect(input.max).to.equal('2025-12-31T23:59')
    expect(input.getAttribute('aria-invalid')).to.equal('true')
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('Pick a time in 2025')
    await expect(el).to.be.accessible()
  })
})
