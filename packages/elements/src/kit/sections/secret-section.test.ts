import { expect, html } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import { LitElement } from 'lit'
import { until } from '../../../test/session.ts'
import { hostPage } from '../../../test/tabs.ts'
import type { CgDialog } from '../cg-dialog.ts'
import type { CgSecretOnce } from '../cg-secret-once.ts'
import type { SecretToShow } from '../row-actions.ts'
import { tabStyles } from '../tab-styles.ts'
import { SecretSection, secretStyles } from './secret-section.ts'

/** Stands in for a tab that shows a secret from one button. */
class SecretHost extends LitElement {
  static override styles = [...tabStyles, secretStyles]
  readonly secret = new SecretSection(this)
  override render() {
    return html`<button type="button">Roll key</button>${this.secret.render()}`
  }
}
customElements.define('cg-secret-host', SecretHost)

const key: SecretToShow = {
  heading: 'Copy your new API key',
  label: 'API key',
  value: 'ak_live_0123456789abcdef',
}

async function setup() {
  const page = await hostPage(html`<h2>API Keys</h2><cg-secret-host></cg-secret-host>`)
  const host = page.querySelector('cg-secret-host') as SecretHost
  const root = host.shadowRoot!
  const dialog = () => root.querySelector<CgDialog>('#cg-secret')
  const panel = () => root.querySelector<CgSecretOnce>('cg-secret-once')
  const shown = () =>
    until(() => !!dialog()?.open && !!panel()?.shadowRoot?.querySelector('cg-secret-field'), 'the secret')
  const opener = root.querySelector('button')!
  return { page, host, root, dialog, panel, shown, opener }
}

describe('SecretSection', () => {
  it('loads its panel, shows the secret, and resolves once Done took it off the page; the focus goes back', async () => {
    const { page, host, root, dialog, panel, shown, opener } = await setup()
    expect(dialog(), 'nothing on the page before').to.equal(null)
    expect(customElements.get('cg-secret-once'), 'its chunk comes with the first secret').to.equal(undefined)
    opener.focus()
    let closed = false
    const showing = host.secret.show(key).then(() => (closed = true))
    await shown()
    expect(customElements.get('cg-secret-once'), 'its chunk came').not.to.equal(undefined)
    expect(dialog()!.heading).to.equal('Copy your new API key')
    expect(panel()!.label).to.equal('API key')
    expect(panel()!.value).to.equal('ak_live_0123456789abcdef')
    expect(host.secret.dirty, 'leaving now would lose it').to.equal(true)
    await expect(page).to.be.accessible()

    const inside = panel()!.shadowRoot!
    expect(
      inside.querySelector<HTMLButtonElement>('[part="done"]')!.disabled,
      'not before it is stored',
    ).to.equal(true)
    inside.querySelector<HTMLInputElement>('#stored')!.click()
    await panel()!.updateComplete
    expect(closed).to.equal(false)
    inside.querySelector<HTMLButtonElement>('[part="done"]')!.click()
    await showing
    expect(root.querySelector('cg-secret-once'), 'the secret left the page').to.equal(null)
    expect(host.secret.dirty).to.equal(false)
    expect(root.activeElement).to.equal(opener)
  })

  it('a secret that can be shown again (`again`) closes at once, with Done or Escape', async () => {
    const { host, root, panel, shown } = await setup()
    const showing = host.secret.show({ ...key, again: true })
    await shown()
    expect(panel()!.shadowRoot!.querySelector('#stored'), 'no "I have stored it"').to.equal(null)
    panel()!.shadowRoot!.querySelector<HTMLButtonElement>('[part="done"]')!.click()
    await showing
    expect(root.querySelector('cg-secret-once')).to.equal(null)

    const again = host.secret.show({ ...key, again: true })
    await shown()
    await sendKeys({ press: 'Escape' })
    await again
    expect(root.querySelector('cg-secret-once')).to.equal(null)
  })

  it('resolves `loaded()` to whether the panel is defined', async () => {
    const { host } = await setup()
    expect(await host.secret.loaded()).to.equal(true)
    expect(customElements.get('cg-secret-once')).not.to.equal(undefined)
  })
})
