import { expect, fixture, html } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import { until } from '../../test/session.ts'
import { hostPage } from '../../test/tabs.ts'
import './cg-dialog.ts'
import type { CgDialog } from './cg-dialog.ts'

async function open({ danger = true } = {}) {
  const page = await hostPage(html`<button id="opener">Delete VIP</button>
    <cg-dialog variant="confirm" ?danger=${danger} heading="Delete tag VIP?" confirm-label="Delete">
      This cannot be undone.
    </cg-dialog>`)
  const dialog = page.querySelector<CgDialog>('cg-dialog')!
  const opener = page.querySelector<HTMLButtonElement>('#opener')!
  const part = (name: string) => dialog.shadowRoot!.querySelector<HTMLButtonElement>(`[part="${name}"]`)!
  const focused = () => dialog.shadowRoot!.activeElement
  opener.focus()
  const answer = dialog.show()
  await until(() => dialog.shadowRoot!.querySelector('dialog')!.open, 'the native dialog open')
  return { page, dialog, opener, part, focused, answer }
}

describe('cg-dialog', () => {
  it('confirms: modal alertdialog named by its heading, Cancel focused first, resolves true, focus goes back', async () => {
    const { page, dialog, opener, part, focused, answer } = await open()
    const native = dialog.shadowRoot!.querySelector('dialog')!
    expect(native.matches(':modal')).to.equal(true)
    expect(native.getAttribute('role')).to.equal('alertdialog')
    expect(dialog.shadowRoot!.querySelector('#heading')!.textContent).to.equal('Delete tag VIP?')
    expect(focused()).to.equal(part('cancel'), 'the safe choice has the focus')
    expect(part('confirm').className).to.equal('danger')
    expect(part('confirm').textContent!.trim()).to.equal('Delete')
    await expect(page).to.be.accessible()
    let closed: boolean | undefined
    dialog.addEventListener('cg-close', (e) => {
      closed = e.detail.confirmed
    })
    part('confirm').click()
    expect(await answer).to.equal(true)
    expect(closed).to.equal(true)
    expect(dialog.open).to.equal(false)
    expect(native.open).to.equal(false)
    expect(document.activeElement).to.equal(opener)
  })

  it('cancels with the Cancel button and with Escape, resolving false', async () => {
    const first = await open()
    first.part('cancel').click()
    expect(await first.answer).to.equal(false)
    first.page.remove()

    const second = await open()
    await sendKeys({ press: 'Escape' })
    expect(await second.answer).to.equal(false)
    expect(second.dialog.open).to.equal(false)
    expect(document.activeElement).to.equal(second.opener)
  })

  it('keeps Tab inside the dialog', async () => {
    const { part, focused, dialog } = await open()
    await sendKeys({ press: 'Tab' })
    expect(focused()).to.equal(part('confirm'))
    await sendKeys({ press: 'Tab' })
    expect(focused()).to.equal(part('cancel'), 'wrapped to the first')
    await sendKeys({ down: 'Shift' })
    await sendKeys({ press: 'Tab' })
    await sendKeys({ up: 'Shift' })
    expect(focused()).to.equal(part('confirm'), 'wrapped to the last')
    dialog.close()
  })

  it('focuses the confirm button when it is not destructive; Cancel and OK are localized defaults', async () => {
    const { part, focused, dialog } = await open({ danger: false })
    expect(focused()).to.equal(part('confirm'))
    expect(part('confirm').className).to.equal('primary')
    expect(part('cancel').textContent!.trim()).to.equal('Cancel')
    dialog.close()
    const plain = await fixture<CgDialog>(html`<cg-dialog variant="confirm" heading="Sure?"></cg-dialog>`)
    expect(plain.shadowRoot!.querySelector('[part="confirm"]')!.textContent!.trim()).to.equal('OK')
  })

  it('asks before Escape discards a draft: Keep editing goes back to it, Discard closes; a clean one closes at once', async () => {
    const page = await hostPage(html`<button id="opener">New key</button>
      <cg-dialog heading="New key">
        <form><label>Name <input name="name" /></label></form>
        <button slot="footer" type="button">Cancel</button>
      </cg-dialog>`)
    const dialog = page.querySelector<CgDialog>('cg-dialog')!
    const input = page.querySelector('input')!
    const part = (name: string) => dialog.shadowRoot!.querySelector<HTMLButtonElement>(`[part="${name}"]`)
    const question = () => dialog.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? ''
    page.querySelector<HTMLButtonElement>('#opener')!.focus()

    const clean = dialog.show()
    await until(() => document.activeElement === input, 'the first field focused')
    await sendKeys({ press: 'Escape' })
    expect(await clean, 'nothing typed: closed at once').to.equal(false)

    const draft = dialog.show()
    await until(() => document.activeElement === input, 'the first field focused')
    await sendKeys({ type: 'CRM' })
    dialog.dirty = true // the form's owner says it holds edits
    await sendKeys({ press: 'Escape' })
    await until(() => question() === 'Discard this draft?', 'the question')
    expect(dialog.open, 'still open').to.equal(true)
    expect(dialog.shadowRoot!.activeElement === part('keep'), 'Keep editing has the focus').to.equal(true)
    expect(part('keep')!.textContent!.trim()).to.equal('Keep editing')
    expect(part('discard')!.textContent!.trim()).to.equal('Discard')
    await expect(page).to.be.accessible()
    await sendKeys({ press: 'Enter' }) // Keep editing
    await until(() => question() === '', 'the question gone')
    expect(dialog.open).to.equal(true)
    expect(input.value, 'the draft is kept').to.equal('CRM')
    expect(document.activeElement === input, 'back in the draft').to.equal(true)

    await sendKeys({ press: 'Escape' })
    await until(() => question() !== '', 'asked again')
    await sendKeys({ press: 'Escape' }) // on the question: keeps the draft
    await until(() => question() === '', 'the question gone again')
    expect(dialog.open).to.equal(true)
    await sendKeys({ press: 'Escape' })
    await until(() => !!part('discard'), 'asked a third time')
    part('discard')!.click()
    expect(await draft, 'discarded').to.equal(false)
    expect(dialog.open).to.equal(false)
    expect(document.activeElement!.id, 'the focus back where it was').to.equal('opener')
  })
})
