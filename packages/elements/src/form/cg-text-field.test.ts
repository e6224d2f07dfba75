import { expect, fixture, html, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
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

  it('shows a count only near maxlength, describing the input, and says once when the limit is reached', async () => {
    const el = await fixture<CgTextField>(
      html`<cg-text-field name="name" label="Name" maxlength="100" .value=${'a'.repeat(70)}></cg-text-field>`,
    )
    const root = el.shadowRoot!
    const input = root.querySelector('input')!
    const counter = () => root.querySelector<HTMLElement>('[part="counter"]')
    const status = () => root.querySelector('[role="status"]')?.textContent?.trim()
    expect(counter(), 'far from the limit: no count').to.equal(null)
    expect(input.maxLength).to.equal(100)

    input.focus()
    input.setSelectionRange(70, 70)
    await sendKeys({ type: 'b'.repeat(10) })
    await el.updateComplete
    expect(counter()?.textContent).to.equal('80 / 100')
    expect(input.getAttribute('aria-describedby')!.split(' ')).to.include(counter()!.id)
    expect(status(), 'announced once, on reaching the last characters').to.equal('Characters left: 20')
    await sendKeys({ type: 'ccc' })
    await el.updateComplete
    expect(counter()?.textContent).to.equal('83 / 100')
    expect(status(), 'not on every key').to.equal('Characters left: 20')
    await expect(el).to.be.accessible()

    await sendKeys({ type: 'd'.repeat(30) })
    await el.updateComplete
    expect(el.value.length).to.equal(100)
    expect(counter()?.textContent).to.equal('100 / 100')
    expect(status()).to.equal('Limit of 100 characters reached')
  })

  it('says so when a paste is cut to fit maxlength, and keeps what fits', async () => {
    const el = await fixture<CgTextField>(
      html`<cg-text-field name="name" label="Name" maxlength="2000" value="Hi "></cg-text-field>`,
    )
    const input = el.shadowRoot!.querySelector('input')!
    input.focus()
    input.setSelectionRange(3, 3)
    const events: string[] = []
    el.addEventListener('cg-field-change', (e) => events.push(String(e.detail.value)))
    const clipboardData = new DataTransfer()
    clipboardData.setData('text/plain', 'x'.repeat(10_000))
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }))
    await el.updateComplete
    expect(el.value).to.equal(`Hi ${'x'.repeat(1997)}`)
    expect(input.value.length).to.equal(2000)
    expect(events.at(-1)?.length).to.equal(2000)
    expect(el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim()).to.equal(
      'Pasted text was cut to fit the limit of 2,000 characters.',
    )
    expect(el.shadowRoot!.querySelector('[part="counter"]')?.textContent).to.equal('2,000 / 2,000')

    await sendKeys({ press: 'Backspace' })
    await el.updateComplete
    expect(
      el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim(),
      'gone once the member edits on',
    ).to.equal('')
  })
})
