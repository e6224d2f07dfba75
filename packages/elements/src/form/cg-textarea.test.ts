import { expect, fixture, html, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import './cg-textarea.ts'
import type { CgTextarea } from './cg-textarea.ts'

describe('cg-textarea', () => {
  it('is labelled, accessible, and reports typing as cg-field-change', async () => {
    const el = await fixture<CgTextarea>(
      html`<cg-textarea name="bio" label="About" value="Hello" rows="6" placeholder="Say something"></cg-textarea>`,
    )
    await expect(el).to.be.accessible()
    const textarea = el.shadowRoot!.querySelector('textarea')!
    expect(el.shadowRoot!.querySelector(`label[for="${textarea.id}"]`)!.textContent).to.equal('About')
    expect(textarea.value).to.equal('Hello')
    expect(textarea.rows).to.equal(6)
    expect(textarea.placeholder).to.equal('Say something')
    expect(el.shadowRoot!.querySelector('[part="counter"]'), 'no count without maxlength').to.equal(null)
    textarea.focus()
    textarea.setSelectionRange(5, 5)
    setTimeout(() => sendKeys({ type: '!' }))
    const event = await oneEvent(el, 'cg-field-change')
    expect(event.detail).to.deep.equal({ name: 'bio', value: 'Hello!' })
    expect(el.value).to.equal('Hello!')
  })

  it('keeps new lines typed with Enter', async () => {
    const el = await fixture<CgTextarea>(html`<cg-textarea name="notes" label="Notes"></cg-textarea>`)
    const textarea = el.shadowRoot!.querySelector('textarea')!
    textarea.focus()
    await sendKeys({ type: 'one' })
    await sendKeys({ press: 'Enter' })
    await sendKeys({ type: 'two' })
    expect(el.value).to.equal('one\ntwo')
  })

  it('shows a live "n / max" count that describes the textarea and stops at maxlength', async () => {
    const el = await fixture<CgTextarea>(
      html`<cg-textarea name="bio" label="About" help="Shown on your profile" maxlength="10" value="abc"></cg-textarea>`,
    )
    await expect(el).to.be.accessible()
    const textarea = el.shadowRoot!.querySelector('textarea')!
    const counter = el.shadowRoot!.querySelector<HTMLElement>('[part="counter"]')!
    expect(counter.textContent).to.equal('3 / 10')
    expect(textarea.maxLength).to.equal(10)
    expect(textarea.getAttribute('aria-describedby')!.split(' ')).to.include(counter.id)

    textarea.focus()
    textarea.setSelectionRange(3, 3)
    await sendKeys({ type: 'defg' })
    await el.updateComplete
    expect(counter.textContent).to.equal('7 / 10')
    expect(counter.classList.contains('full')).to.equal(false)

    await sendKeys({ type: 'hijklmn' })
    await el.updateComplete
    expect(el.value).to.equal('abcdefghij')
    expect(counter.textContent).to.equal('10 / 10')
    expect(counter.classList.contains('full')).to.equal(true)
  })

  it('shows an error, marks the textarea invalid and describes it by the help and the message', async () => {
    const el = await fixture<CgTextarea>(
      html`<cg-textarea name="bio" label="About" help="Plain text" error="Too long"></cg-textarea>`,
    )
    await expect(el).to.be.accessible()
    const textarea = el.shadowRoot!.querySelector('textarea')!
    expect(textarea.getAttribute('aria-invalid')).to.equal('true')
    const texts = textarea
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => el.shadowRoot!.getElementById(id)!.textContent)
    expect(texts).to.deep.equal(['Plain text', 'Too long'])
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('Too long')
  })

  it('insert() puts text where the caret was, over the selection, as typing would (undoable)', async () => {
    const el = await fixture<CgTextarea>(
      html`<cg-textarea name="body" label="Body" value="Hi , welcome"></cg-textarea>`,
    )
    const textarea = el.shadowRoot!.querySelector('textarea')!
    textarea.focus()
    textarea.setSelectionRange(3, 3)
    textarea.blur() // a button elsewhere was pressed
    setTimeout(() => el.insert('{{contact.first_name}}'))
    const event = await oneEvent(el, 'cg-field-change')
    expect(event.detail).to.deep.equal({ name: 'body', value: 'Hi {{contact.first_name}}, welcome' })
    expect(el.shadowRoot!.activeElement, 'the focus back in the textarea').to.equal(textarea)
    expect(textarea.selectionStart, 'the caret after it').to.equal(3 + '{{contact.first_name}}'.length)
    textarea.setSelectionRange(0, 2)
    el.insert('Hello')
    expect(el.value).to.equal('Hello {{contact.first_name}}, welcome')
    document.execCommand('undo')
    expect(el.value).to.equal('Hi {{contact.first_name}}, welcome')
  })

  it('does not change when readonly', async () => {
    const el = await fixture<CgTextarea>(
      html`<cg-textarea name="bio" label="About" value="fixed" readonly></cg-textarea>`,
    )
    let fired = 0
    el.addEventListener('cg-field-change', () => fired++)
    el.shadowRoot!.querySelector('textarea')!.focus()
    await sendKeys({ type: 'xyz' })
    el.insert('{{contact.name}}')
    expect(el.value).to.equal('fixed')
    expect(fired).to.equal(0)
    await expect(el).to.be.accessible()
  })

  it('on a long field shows the count only near the limit, grouped by the UI locale', async () => {
    const el = await fixture<CgTextarea>(
      html`<cg-textarea name="body" label="Message" maxlength="2000" .value=${'a'.repeat(1700)}></cg-textarea>`,
    )
    const counter = () => el.shadowRoot!.querySelector('[part="counter"]')?.textContent ?? null
    expect(counter()).to.equal(null)
    el.value = 'a'.repeat(1980)
    await el.updateComplete
    expect(counter()).to.equal('1,980 / 2,000')
  })

  it('pasting 10,000 characters into a 2,000 field keeps 2,000 and says the paste was cut', async () => {
    const el = await fixture<CgTextarea>(
      html`<cg-textarea name="body" label="Message" maxlength="2000"></cg-textarea>`,
    )
    const textarea = el.shadowRoot!.querySelector('textarea')!
    textarea.focus()
    const clipboardData = new DataTransfer()
    clipboardData.setData('text/plain', 'line\n'.repeat(2000))
    textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }))
    await el.updateComplete
    expect(el.value.length).to.equal(2000)
    expect(textarea.value.length).to.equal(2000)
    const notice = el.shadowRoot!.querySelector<HTMLElement>('[role="status"]')
    expect(notice?.textContent?.trim()).to.equal('Pasted text was cut to fit the limit of 2,000 characters.')
    expect(notice?.checkVisibility(), 'shown, not only announced').to.equal(true)
    expect(notice!.getBoundingClientRect().width).to.be.greaterThan(100)
    await expect(el).to.be.accessible()
  })
})
