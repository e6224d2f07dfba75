import { aTimeout, expect, fixture, html } from '@open-wc/testing'
import { sendKeys, setViewport } from '@web/test-runner-commands'
import './cg-toast.ts'
import type { CgToastRegion } from './cg-toast.ts'

async function open() {
  const el = await fixture<CgToastRegion>(html`<cg-toast-region></cg-toast-region>`)
  const root = el.shadowRoot!
  const status = root.querySelector<HTMLElement>('[role="status"]')!
  const alert = root.querySelector<HTMLElement>('[role="alert"]')!
  const messages = (container: HTMLElement = root as unknown as HTMLElement) =>
    [...container.querySelectorAll('[part="message"]')].map((m) => m.textContent)
  return { el, root, status, alert, messages }
}

describe('cg-toast-region', () => {
  it('announces success and info politely and errors as an alert, with live regions present up front', async () => {
    const { el, status, alert, messages } = await open()
    expect(status.getAttribute('aria-live')).to.equal('polite')
    expect(messages()).to.deep.equal([])
    await expect(el).to.be.accessible()
    el.show('Saved.', 'success')
    el.show('Heads up.')
    el.show('Could not save.', 'error')
    await el.updateComplete
    expect(messages(status)).to.deep.equal(['Saved.', 'Heads up.'])
    expect(messages(alert)).to.deep.equal(['Could not save.'])
    const toasts = [...el.shadowRoot!.querySelectorAll('[part~="toast"]')]
    expect(toasts.map((t) => t.getAttribute('part'))).to.deep.equal([
      'toast toast-success',
      'toast toast-info',
      'toast toast-error',
    ])
    await expect(el).to.be.accessible()
  })

  it('dismisses itself after the timeout; 0 means it stays', async () => {
    const { el, messages } = await open()
    el.show('Short', 'info', 50)
    el.show('Sticky', 'error', 0)
    await el.updateComplete
    expect(messages()).to.deep.equal(['Short', 'Sticky'])
    await aTimeout(150)
    await el.updateComplete
    expect(messages()).to.deep.equal(['Sticky'])
  })

  it('shows one toast of each kind: a newer one replaces the older, and a success clears the errors', async () => {
    const { el, status, alert, messages } = await open()
    el.show('Could not save: the name is taken.', 'error')
    el.show('Could not save: the server is down.', 'error')
    await el.updateComplete
    expect(messages(alert), 'the newer error replaced the older').to.deep.equal([
      'Could not save: the server is down.',
    ])
    el.show('Tag saved.', 'success')
    await el.updateComplete
    expect(messages(alert), 'the success answered the error').to.deep.equal([])
    expect(messages(status)).to.deep.equal(['Tag saved.'])
    el.show('Tag deleted.', 'success')
    el.show('Syncing…', 'info')
    el.show('Could not delete VIP.', 'error')
    el.show('', 'error') // nothing to say: nothing shown
    await el.updateComplete
    expect(messages()).to.deep.equal(['Tag deleted.', 'Syncing…', 'Could not delete VIP.'])
    await expect(el).to.be.accessible()
  })

  it('shows a template with buttons (the fields a save points to); they work from the toast', async () => {
    const { el, root, messages } = await open()
    let focused = ''
    el.show(
      html`Check 2 fields: <button @click=${() => (focused = 'name')}>Name</button>,
        <button @click=${() => (focused = 'currency')}>Currency</button>.`,
      'error',
    )
    await el.updateComplete
    expect(messages()[0]!.replace(/\s+/g, ' ')).to.equal('Check 2 fields: Name, Currency.')
    root.querySelectorAll<HTMLButtonElement>('[part="message"] button')[1]!.click()
    expect(focused).to.equal('currency')
    await expect(el).to.be.accessible()
  })

  it('has a Dismiss button that closes the toast from the keyboard', async () => {
    const { el, root, messages } = await open()
    el.show('First', 'success', 0)
    el.show('Second', 'error', 0)
    await el.updateComplete
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('[part="dismiss"]')]
    expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Dismiss', 'Dismiss'])
    buttons[0]!.focus()
    await sendKeys({ press: 'Enter' })
    await el.updateComplete
    expect(messages()).to.deep.equal(['Second'])
    buttons[1]!.click()
    await el.updateComplete
    expect(messages()).to.deep.equal([])
  })

  it('pauses the timers while focus is on a toast', async () => {
    const { el, root, messages } = await open()
    el.show('Read me', 'info', 100)
    await el.updateComplete
    root.querySelector<HTMLButtonElement>('[part="dismiss"]')!.focus()
    await aTimeout(200)
    await el.updateComplete
    expect(messages()).to.deep.equal(['Read me'])
    root.querySelector<HTMLButtonElement>('[part="dismiss"]')!.blur()
    await aTimeout(200)
    await el.updateComplete
    expect(messages()).to.deep.equal([])
  })

  it('is fixed to the bottom-right corner and fits a 360 px viewport', async () => {
    await setViewport({ width: 360, height: 640 })
    const { el, root } = await open()
    el.show('A fairly long message that has to wrap on a narrow phone screen without overflowing.', 'info', 0)
    await el.updateComplete
    const region = root.querySelector<HTMLElement>('[part="region"]')!
    expect(getComputedStyle(region).position).to.equal('fixed')
    const box = root.querySelector('[part~="toast"]')!.getBoundingClientRect()
    expect(window.innerWidth - box.right).to.be.within(0, 40)
    expect(window.innerHeight - box.bottom).to.be.within(0, 40)
    expect(window.innerWidth).to.equal(360)
    expect(box.left).to.be.at.least(0)
    await setViewport({ width: 800, height: 600 })
  })
})
