import { expect, fixture, html, oneEvent } from '@open-wc/testing'
import './cg-text-field.ts'
import type { CgTextField } from './cg-text-field.ts'

describe('cg-text-field', () => {
  it('is labelled, accessible, and reports typing as cg-field-change', async () => {
    const el = await fixture<CgTextField>(
      html`<cg-text-field name="name" label="Name" value="Acme"></cg-text-field>`,
    )
    await expect(el).to.be.accessible()
    const input = el.shadowRoot!.querySelector('input')!
    expect(input.value).to.equal('Acme')
    setTimeout(() => {
      input.value = 'Acme Inc'
      input.dispatchEvent(new Event('input'))
    })
    const event = await oneEvent(el, 'cg-field-change')
    expect(event.detail).to.deep.equal({ name: 'name', value: 'Acme Inc' })
    expect(el.value).to.equal('Acme Inc')
  })

  it('shows an error, marks the input invalid and describes it by the message', async () => {
    const el = await fixture<CgTextField>(
      html`<cg-text-field name="slug" label="Slug" help="Used in URLs" error="Slug is taken"></cg-text-field>`,
    )
    await expect(el).to.be.accessible()
    const input = el.shadowRoot!.querySelector('input')!
    expect(input.getAttribute('aria-invalid')).to.equal('true')
    const described = input.getAttribute('aria-describedby')!.split(' ')
    const texts = described.map((id) => el.shadowRoot!.getElementById(id)!.textContent)
    expect(texts).to.deep.equal(['Used in URLs', 'Slug is taken'])
  })
})
