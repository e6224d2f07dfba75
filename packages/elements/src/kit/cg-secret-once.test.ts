import { expect, html, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import { until } from '../../test/session.ts'
import { hostPage } from '../../test/tabs.ts'
import { useLocale } from '../i18n/localization.ts'
import './cg-dialog.ts'
import type { CgDialog } from './cg-dialog.ts'
import './cg-secret-once.ts'
import type { CgSecretOnce } from './cg-secret-once.ts'

const KEY = 'ak_4LoVrufw8WENLS6dL2SshFcABlsWvdkD2o0KnJ'

/** The panel in an open dialog, opened from a button on a host page. */
async function open() {
  const page = await hostPage(html`<button id="opener">Generate</button>
    <cg-dialog heading="Copy your new API key">
      <cg-secret-once label="API key" value=${KEY}></cg-secret-once>
    </cg-dialog>`)
  const dialog = page.querySelector<CgDialog>('cg-dialog')!
  const panel = page.querySelector<CgSecretOnce>('cg-secret-once')!
  const opener = page.querySelector<HTMLButtonElement>('#opener')!
  opener.focus()
  const closed = dialog.show()
  await until(() => dialog.shadowRoot!.querySelector('dialog')!.open, 'the dialog open')
  const root = panel.shadowRoot!
  const field = root.querySelector('cg-secret-field')!
  const input = field.shadowRoot!.querySelector('input')!
  const copy = field.shadowRoot!.querySelector<HTMLButtonElement>('[part="copy-button"]')!
  const status = field.shadowRoot!.querySelector<HTMLElement>('[part="status"]')!
  const stored = root.querySelector<HTMLInputElement>('#stored')!
  const done = root.querySelector<HTMLButtonElement>('[part="done"]')!
  return { page, dialog, panel, opener, closed, root, field, input, copy, status, stored, done }
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

describe('cg-secret-once', () => {
  after(() => useLocale('en'))

  it('shows the secret whole in a read-only monospace field, warns it is shown once; Done waits for "I have stored it"', async () => {
    const { page, panel, root, input, stored, done } = await open()
    expect(input.readOnly).to.equal(true)
    expect(input.type, 'shown, not masked').to.equal('text')
    expect(input.value).to.equal(KEY)
    expect(getComputedStyle(input).fontFamily).to.match(/mono/i)
    expect(root.querySelector('[part="warning"]')!.textContent).to.contain('It will not be shown again.')
    expect(root.querySelector(`label[for="${stored.id}"]`)!.textContent).to.equal(
      'I have stored it somewhere safe',
    )
    expect(done.disabled).to.equal(true)
    expect(document.activeElement === panel, 'the focus is inside').to.equal(true)
    await expect(page).to.be.accessible()

    stored.click()
    await panel.updateComplete
    expect(done.disabled).to.equal(false)
    setTimeout(() => done.click())
    const event = await oneEvent(panel, 'cg-done')
    expect(event.bubbles).to.equal(true)
    expect(event.composed).to.equal(false)
  })

  it('Copy writes the secret to the clipboard and says "Copied" in a live region', async () => {
    const written: string[] = []
    const restore = stubClipboard(async (text) => {
      written.push(text)
    })
    try {
      const { copy, status, field } = await open()
      expect(status.getAttribute('aria-live')).to.equal('polite')
      copy.click()
      await until(() => status.textContent === 'Copied', '"Copied"')
      expect(written).to.deep.equal([KEY])
      await field.updateComplete
    } finally {
      restore()
    }
  })

  it('when the clipboard is refused, selects the whole secret and says how to copy it', async () => {
    const restore = stubClipboard(() => Promise.reject(new DOMException('Denied', 'NotAllowedError')))
    try {
      const { copy, status, input } = await open()
      copy.click()
      await until(() => status.textContent !== '', 'the status')
      expect(status.textContent).to.equal('Selected: press Ctrl+C (⌘C) to copy')
      expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, KEY.length])
    } finally {
      restore()
    }
  })

  it('Escape does not close the dialog around it until the secret is stored; then it does', async () => {
    const { dialog, panel, root, stored, opener, closed } = await open()
    await sendKeys({ press: 'Escape' })
    await panel.updateComplete
    expect(dialog.open, 'still open').to.equal(true)
    expect(root.activeElement === stored, 'the focus shows what is missing').to.equal(true)
    await sendKeys({ press: 'Space' })
    await panel.updateComplete
    expect(panel.stored).to.equal(true)
    await sendKeys({ press: 'Escape' })
    expect(await closed).to.equal(false)
    expect(document.activeElement === opener).to.equal(true)
  })

  it('starts over for a new secret, and speaks Spanish', async () => {
    const { panel, root, stored, done } = await open()
    stored.click()
    await panel.updateComplete
    panel.value = 'ak_another'
    await panel.updateComplete
    expect(panel.stored).to.equal(false)
    expect(done.disabled).to.equal(true)
    await useLocale('es')
    await panel.updateComplete
    expect(root.querySelector('[part="warning"]')!.textContent).to.contain('No se volverá a mostrar.')
    expect(root.querySelector(`label[for="${stored.id}"]`)!.textContent).to.equal(
      'Lo he guardado en un lugar seguro',
    )
    expect(done.textContent!.trim()).to.equal('Listo')
  })

  it('`again` (a secret that can be revealed later): no warning, no "I have stored it"; Done and Escape close at once', async () => {
    const { page, dialog, panel, root, opener, closed } = await open()
    panel.again = true
    await panel.updateComplete
    expect(root.querySelector('[part="warning"]')).to.equal(null)
    expect(root.querySelector('#stored')).to.equal(null)
    const done = root.querySelector<HTMLButtonElement>('[part="done"]')!
    expect(done.disabled).to.equal(false)
    await expect(page).to.be.accessible()
    root.querySelector('cg-secret-field')!.focus()
    await sendKeys({ press: 'Escape' })
    expect(await closed).to.equal(false)
    expect(dialog.open).to.equal(false)
    expect(document.activeElement).to.equal(opener)
    const again = dialog.show()
    await until(() => dialog.open, 'open again')
    panel.addEventListener('cg-done', () => dialog.close(true))
    root.querySelector<HTMLButtonElement>('[part="done"]')!.click()
    expect(await again).to.equal(true)
  })
})
