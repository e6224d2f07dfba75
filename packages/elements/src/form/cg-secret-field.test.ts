import { expect, fixture, html, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import './cg-secret-field.ts'
import type { CgSecretField } from './cg-secret-field.ts'

const KEY = 'cg_live_4f9a1c2b7d'

async function open(
  template = html`<cg-secret-field name="apiKey" label="API key" value=${KEY} readonly></cg-secret-field>`,
) {
  const el = await fixture<CgSecretField>(template)
  const root = el.shadowRoot!
  return {
    el,
    input: root.querySelector('input')!,
    reveal: root.querySelector<HTMLButtonElement>('[part="reveal-button"]')!,
    copy: root.querySelector<HTMLButtonElement>('[part="copy-button"]')!,
    status: root.querySelector<HTMLElement>('[aria-live="polite"]')!,
  }
}

/** Replaces the browser's clipboard write for one test. */
function stubClipboard(write: (text: string) => Promise<void>) {
  const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard')
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: write } })
  return () => {
    if (original) Object.defineProperty(navigator, 'clipboard', original)
    else delete (navigator as { clipboard?: unknown }).clipboard
  }
}

describe('cg-secret-field', () => {
  it('shows the secret masked in a labelled read-only input', async () => {
    const { el, input, reveal, copy } = await open()
    await expect(el).to.be.accessible()
    expect(el.shadowRoot!.querySelector(`label[for="${input.id}"]`)!.textContent).to.equal('API key')
    expect(input.type).to.equal('password')
    expect(input.readOnly).to.equal(true)
    expect(input.value).to.equal(KEY)
    expect(reveal.textContent!.trim()).to.equal('Reveal')
    expect(reveal.getAttribute('aria-pressed')).to.equal('false')
    expect(copy.textContent!.trim()).to.equal('Copy')
  })

  it('Reveal (from the keyboard) toggles the input type, aria-pressed and its label', async () => {
    const { el, input, reveal } = await open()
    input.focus()
    await sendKeys({ press: 'Tab' })
    expect(el.shadowRoot!.activeElement).to.equal(reveal)
    await sendKeys({ press: 'Space' })
    await el.updateComplete
    expect(input.type).to.equal('text')
    expect(reveal.getAttribute('aria-pressed')).to.equal('true')
    expect(reveal.textContent!.trim()).to.equal('Hide')
    await expect(el).to.be.accessible()
    await sendKeys({ press: 'Enter' })
    await el.updateComplete
    expect(input.type).to.equal('password')
    expect(reveal.getAttribute('aria-pressed')).to.equal('false')
    expect(reveal.textContent!.trim()).to.equal('Reveal')
  })

  it('Copy writes the secret to the clipboard, announces "Copied" and fires cg-copy', async () => {
    const written: string[] = []
    const restore = stubClipboard(async (text) => {
      written.push(text)
    })
    try {
      const { el, copy, status, input } = await open()
      expect(status.textContent).to.equal('')
      setTimeout(() => copy.click())
      const event = await oneEvent(el, 'cg-copy')
      expect(event.detail).to.deep.equal({ name: 'apiKey' })
      expect(event.bubbles).to.equal(true)
      expect(event.composed).to.equal(false)
      expect(written).to.deep.equal([KEY])
      await el.updateComplete
      expect(status.textContent).to.equal('Copied')
      expect(input.type, 'copying does not reveal').to.equal('password')
      await expect(el).to.be.accessible()
    } finally {
      restore()
    }
  })

  it('without a usable clipboard, reveals and selects the text instead and fires no cg-copy', async () => {
    const restore = stubClipboard(() => Promise.reject(new DOMException('Denied', 'NotAllowedError')))
    try {
      const { el, copy, status, input } = await open()
      let copied = 0
      el.addEventListener('cg-copy', () => copied++)
      copy.click()
      await new Promise((r) => setTimeout(r, 50))
      await el.updateComplete
      expect(input.type).to.equal('text')
      expect(el.shadowRoot!.activeElement).to.equal(input)
      expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, KEY.length])
      expect(status.textContent).to.contain('Ctrl+C')
      expect(copied).to.equal(0)
    } finally {
      restore()
    }
  })

  it('takes localized button labels', async () => {
    const restore = stubClipboard(async () => {})
    try {
      const { el, reveal, copy, status } = await open(
        html`<cg-secret-field
          label="Clave"
          value="x"
          readonly
          reveal-label="Mostrar"
          hide-label="Ocultar"
          copy-label="Copiar"
          copied-label="Copiado"
        ></cg-secret-field>`,
      )
      expect(reveal.textContent!.trim()).to.equal('Mostrar')
      expect(copy.textContent!.trim()).to.equal('Copiar')
      reveal.click()
      await el.updateComplete
      expect(reveal.textContent!.trim()).to.equal('Ocultar')
      await el.copy()
      expect(status.textContent).to.equal('Copiado')
    } finally {
      restore()
    }
  })

  it('is editable when not readonly: typing fires cg-field-change', async () => {
    const { el, input, copy } = await open(
      html`<cg-secret-field name="token" label="Token"></cg-secret-field>`,
    )
    expect(input.readOnly).to.equal(false)
    expect(copy.disabled, 'nothing to copy yet').to.equal(true)
    input.focus()
    setTimeout(() => sendKeys({ type: 's' }))
    const event = await oneEvent(el, 'cg-field-change')
    expect(event.detail).to.deep.equal({ name: 'token', value: 's' })
    await sendKeys({ type: 'ecret' })
    expect(el.value).to.equal('secret')
    await el.updateComplete
    expect(copy.disabled).to.equal(false)
    await expect(el).to.be.accessible()
  })
})
