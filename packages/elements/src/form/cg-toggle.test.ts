import { expect, fixture, html, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import './cg-toggle.ts'
import type { CgToggle } from './cg-toggle.ts'

async function open(template = html`<cg-toggle name="beta" label="Enable beta features"></cg-toggle>`) {
  const el = await fixture<CgToggle>(template)
  const button = el.shadowRoot!.querySelector('button')!
  const events: unknown[] = []
  el.addEventListener('cg-field-change', (e) => events.push(e.detail))
  return { el, button, events }
}

describe('cg-toggle', () => {
  it('is a switch named by its label, accessible on and off', async () => {
    const { el, button } = await open()
    expect(button.getAttribute('role')).to.equal('switch')
    expect(button.type).to.equal('button')
    expect(button.getAttribute('aria-checked')).to.equal('false')
    expect(button.textContent!.trim()).to.equal('Enable beta features')
    await expect(el).to.be.accessible()
    el.value = true
    await el.updateComplete
    expect(button.getAttribute('aria-checked')).to.equal('true')
    await expect(el).to.be.accessible()
  })

  it('Space toggles it and fires cg-field-change; Enter toggles it back', async () => {
    const { el, button, events } = await open()
    button.focus()
    setTimeout(() => sendKeys({ press: 'Space' }))
    const event = await oneEvent(el, 'cg-field-change')
    expect(event.detail).to.deep.equal({ name: 'beta', value: true })
    await el.updateComplete
    expect(el.value).to.equal(true)
    expect(button.getAttribute('aria-checked')).to.equal('true')

    await sendKeys({ press: 'Enter' })
    await el.updateComplete
    expect(el.value).to.equal(false)
    expect(button.getAttribute('aria-checked')).to.equal('false')
    expect(events).to.deep.equal([
      { name: 'beta', value: true },
      { name: 'beta', value: false },
    ])
  })

  it('a click toggles it', async () => {
    const { el, button, events } = await open(html`<cg-toggle name="beta" label="Beta" value></cg-toggle>`)
    expect(button.getAttribute('aria-checked')).to.equal('true')
    button.click()
    await el.updateComplete
    expect(button.getAttribute('aria-checked')).to.equal('false')
    expect(events).to.deep.equal([{ name: 'beta', value: false }])
  })

  it('does not toggle when readonly or disabled', async () => {
    for (const attr of ['readonly', 'disabled'] as const) {
      const { el, button, events } = await open()
      el[attr] = true
      await el.updateComplete
      button.focus()
      await sendKeys({ press: 'Space' })
      button.click()
      await el.updateComplete
      expect(el.value, attr).to.equal(false)
      expect(button.getAttribute('aria-checked'), attr).to.equal('false')
      expect(events, attr).to.deep.equal([])
      await expect(el).to.be.accessible()
    }
  })

  it('is described by its help and error', async () => {
    const { el, button } = await open(
      html`<cg-toggle name="beta" label="Beta" help="Try new features early" error="Not allowed"></cg-toggle>`,
    )
    expect(button.getAttribute('aria-invalid')).to.equal('true')
    const texts = button
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => el.shadowRoot!.getElementById(id)!.textContent)
    expect(texts).to.deep.equal(['Try new features early', 'Not allowed'])
    await expect(el).to.be.accessible()
  })
})
