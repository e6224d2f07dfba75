import { expect, html } from '@open-wc/testing'
import { LitElement } from 'lit'
import { until } from '../../test/session.ts'
import { hostPage } from '../../test/tabs.ts'
import type { CgDialog } from './cg-dialog.ts'
import { ConfirmController } from './confirm-controller.ts'

/** Stands in for a tab with one destructive button. */
class ConfirmHost extends LitElement {
  readonly confirm = new ConfirmController(this)
  override render() {
    return html`<button type="button">Remove Pixel</button>${this.confirm.render()}`
  }
}
customElements.define('cg-confirm-host', ConfirmHost)

async function setup() {
  const page = await hostPage(html`<cg-confirm-host></cg-confirm-host>`)
  const host = page.querySelector('cg-confirm-host') as ConfirmHost
  const root = host.shadowRoot!
  const dialog = root.querySelector<CgDialog>('#cg-confirm')!
  const part = (name: string) => dialog.shadowRoot!.querySelector<HTMLButtonElement>(`[part="${name}"]`)!
  // The dialog's module loads the first time one opens (dialog-loader.ts): until then it has no shadow root.
  const opened = () => until(() => !!dialog.shadowRoot?.querySelector('dialog')?.open, 'the dialog')
  return { page, host, root, dialog, part, opened }
}

const question = {
  heading: 'Remove Pixel?',
  body: 'It stops getting notifications.',
  confirmLabel: 'Remove',
  danger: true,
}

describe('ConfirmController', () => {
  it('asks the question in the confirm dialog and resolves to the answer; the focus goes back', async () => {
    const { page, host, root, dialog, part, opened } = await setup()
    const opener = root.querySelector('button')!
    opener.focus()
    const answer = host.confirm.ask(question)
    await opened()
    expect(dialog.heading).to.equal('Remove Pixel?')
    expect(dialog.textContent!.trim()).to.equal('It stops getting notifications.')
    expect(part('confirm').textContent!.trim()).to.equal('Remove')
    expect(part('confirm').className).to.equal('danger')
    expect(dialog.shadowRoot!.activeElement, 'danger: Cancel first').to.equal(part('cancel'))
    await expect(page).to.be.accessible()
    part('cancel').click()
    expect(await answer).to.equal(false)
    expect(root.activeElement).to.equal(opener)

    const again = host.confirm.ask({ ...question, danger: false })
    await opened()
    expect(part('confirm').className).to.equal('primary')
    part('confirm').click()
    expect(await again).to.equal(true)
  })
})
