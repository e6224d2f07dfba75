import { expect, fixture, html, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import { useLocale } from '../i18n/localization.ts'
import './cg-color-field.ts'
import type { CgColorField } from './cg-color-field.ts'

async function open(value = '#2456d3', attrs: { readonly?: boolean; error?: string } = {}) {
  const el = await fixture<CgColorField>(
    html`<cg-color-field name="color" label="Color" .value=${value} ?readonly=${attrs.readonly} .error=${attrs.error ?? ''}></cg-color-field>`,
  )
  const text = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="text"]')!
  const swatch = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="color"]')!
  return { el, text, swatch }
}

describe('cg-color-field', () => {
  after(() => useLocale('en'))

  it('shows the hex as text beside a swatch of it, labelled, and is accessible', async () => {
    const { el, text, swatch } = await open()
    expect(text.value).to.equal('#2456d3')
    expect(swatch.value).to.equal('#2456d3')
    expect(el.shadowRoot!.querySelector('label')!.htmlFor).to.equal(text.id)
    expect(swatch.getAttribute('aria-label')).to.equal('Pick a color for Color')
    await expect(el).to.be.accessible()
  })

  it('fires cg-field-change with what is typed, valid or not; the swatch follows valid colors only', async () => {
    const { el, text, swatch } = await open()
    text.focus()
    text.select()
    setTimeout(() => sendKeys({ type: '#B42318' }))
    let event = await oneEvent(el, 'cg-field-change')
    while (event.detail.value !== '#B42318') event = await oneEvent(el, 'cg-field-change')
    await el.updateComplete
    expect(swatch.value).to.equal('#b42318')
    await sendKeys({ press: 'Backspace' })
    await el.updateComplete
    expect(el.value).to.equal('#B4231')
    expect(swatch.value).to.equal('#000000')
  })

  it('fires cg-field-change with the picked color', async () => {
    const { el, swatch } = await open()
    swatch.value = '#067647'
    setTimeout(() => swatch.dispatchEvent(new Event('input', { bubbles: true })))
    const event = await oneEvent(el, 'cg-field-change')
    expect(event.detail).to.deep.equal({ name: 'color', value: '#067647' })
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[type="text"]')!.value).to.equal('#067647')
  })

  it('read-only: the text is read-only and the picker disabled; an error is announced and described', async () => {
    const { el, text, swatch } = await open('#2456d3', { readonly: true, error: 'Use a hex color' })
    expect(text.readOnly).to.equal(true)
    expect(swatch.disabled).to.equal(true)
    expect(text.getAttribute('aria-invalid')).to.equal('true')
    const error = el.shadowRoot!.querySelector('[role="alert"]')!
    expect(text.getAttribute('aria-describedby')).to.contain(error.id)
    await expect(el).to.be.accessible()
  })

  it('labels the picker in Spanish', async () => {
    await useLocale('es')
    const { swatch } = await open()
    expect(swatch.getAttribute('aria-label')).to.equal('Elegir un color para Color')
  })
})
