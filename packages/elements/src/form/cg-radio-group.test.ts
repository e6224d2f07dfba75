import { expect, fixture, html, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import './cg-radio-group.ts'
import type { CgRadioGroup, RadioOption } from './cg-radio-group.ts'

const scopes: RadioOption[] = [
  { value: 'full', label: 'Full access', description: 'Reads and changes everything an admin can' },
  { value: 'read_only', label: 'Read only', description: 'Reads only; every change is refused' },
  { value: 'none', label: 'None' },
]

async function open(value = 'full') {
  const el = await fixture<CgRadioGroup>(
    html`<cg-radio-group name="scope" label="Scope" help="What the key may do" .options=${scopes} value=${value}>
    </cg-radio-group>`,
  )
  const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')]
  return { el, radios, root: el.shadowRoot! }
}

describe('cg-radio-group', () => {
  it('is a radiogroup named by its legend, a labelled native radio per option, descriptions linked', async () => {
    const { el, radios, root } = await open('read_only')
    await expect(el).to.be.accessible()
    const fieldset = root.querySelector('fieldset')!
    expect(fieldset.getAttribute('role')).to.equal('radiogroup')
    expect(fieldset.querySelector('legend')!.textContent).to.equal('Scope')
    expect(root.getElementById(fieldset.getAttribute('aria-describedby')!)!.textContent).to.equal(
      'What the key may do',
    )
    expect(radios.map((r) => root.querySelector(`label[for="${r.id}"]`)!.textContent)).to.deep.equal([
      'Full access',
      'Read only',
      'None',
    ])
    expect(radios.map((r) => r.checked)).to.deep.equal([false, true, false])
    expect(root.getElementById(radios[0]!.getAttribute('aria-describedby')!)!.textContent).to.equal(
      'Reads and changes everything an admin can',
    )
    expect(radios[2]!.hasAttribute('aria-describedby')).to.equal(false)
  })

  it('the arrow keys move the choice and report it; a click does too', async () => {
    const { el, radios } = await open('full')
    radios[0]!.focus()
    setTimeout(() => sendKeys({ press: 'ArrowDown' }))
    const event = await oneEvent(el, 'cg-field-change')
    expect(event.detail).to.deep.equal({ name: 'scope', value: 'read_only' })
    expect(el.value).to.equal('read_only')
    expect(el.shadowRoot!.activeElement).to.equal(radios[1])
    setTimeout(() => radios[2]!.click())
    expect((await oneEvent(el, 'cg-field-change')).detail.value).to.equal('none')
  })

  it('reflects a value set by the form', async () => {
    const { el, radios } = await open('full')
    el.value = 'none'
    await el.updateComplete
    expect(radios.map((r) => r.checked)).to.deep.equal([false, false, true])
  })

  it('cannot be changed when readonly or disabled', async () => {
    for (const attr of ['readonly', 'disabled'] as const) {
      const { el, radios } = await open('full')
      let fired = 0
      el.addEventListener('cg-field-change', () => fired++)
      el[attr] = true
      await el.updateComplete
      radios[1]!.click()
      await el.updateComplete
      expect(
        radios.map((r) => r.checked),
        attr,
      ).to.deep.equal([true, false, false])
      expect(fired, attr).to.equal(0)
      await expect(el).to.be.accessible()
    }
  })

  it('shows an error as an alert and marks the group invalid', async () => {
    const { el, root } = await open('')
    el.error = 'Choose one of the options'
    await el.updateComplete
    const fieldset = root.querySelector('fieldset')!
    expect(fieldset.getAttribute('aria-invalid')).to.equal('true')
    const texts = fieldset
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => root.getElementById(id)!.textContent)
    expect(texts).to.deep.equal(['What the key may do', 'Choose one of the options'])
    await expect(el).to.be.accessible()
  })
})
