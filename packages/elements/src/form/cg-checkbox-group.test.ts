import { expect, fixture, html, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import './cg-checkbox-group.ts'
import type { CgCheckboxGroup, CheckboxOption } from './cg-checkbox-group.ts'

const events: CheckboxOption[] = [
  { value: 'created', label: 'Contact created' },
  { value: 'updated', label: 'Contact updated', description: 'Any field changed' },
  { value: 'deleted', label: 'Contact deleted' },
]

async function open(value: string[] = []) {
  const el = await fixture<CgCheckboxGroup>(
    html`<cg-checkbox-group name="events" label="Events" help="Sent to your webhook" .options=${events} .value=${value}>
    </cg-checkbox-group>`,
  )
  const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')]
  return { el, boxes }
}

describe('cg-checkbox-group', () => {
  it('is a fieldset whose legend is the label, with a labelled native checkbox per option', async () => {
    const { el, boxes } = await open(['deleted'])
    await expect(el).to.be.accessible()
    const root = el.shadowRoot!
    const fieldset = root.querySelector('fieldset')!
    expect(fieldset.querySelector('legend')!.textContent).to.equal('Events')
    expect(root.getElementById(fieldset.getAttribute('aria-describedby')!)!.textContent).to.equal(
      'Sent to your webhook',
    )
    expect(boxes.map((b) => root.querySelector(`label[for="${b.id}"]`)!.textContent)).to.deep.equal([
      'Contact created',
      'Contact updated',
      'Contact deleted',
    ])
    expect(boxes.map((b) => b.checked)).to.deep.equal([false, false, true])
    expect(root.getElementById(boxes[1]!.getAttribute('aria-describedby')!)!.textContent).to.equal(
      'Any field changed',
    )
  })

  it('checking with Space reports the checked values in option order', async () => {
    const { el, boxes } = await open(['deleted'])
    boxes[0]!.focus()
    setTimeout(() => sendKeys({ press: 'Space' }))
    const event = await oneEvent(el, 'cg-field-change')
    expect(event.detail).to.deep.equal({ name: 'events', value: ['created', 'deleted'] })
    expect(el.value).to.deep.equal(['created', 'deleted'])

    await sendKeys({ press: 'Tab' })
    expect(el.shadowRoot!.activeElement).to.equal(boxes[1])
    await sendKeys({ press: 'Space' })
    expect(el.value).to.deep.equal(['created', 'updated', 'deleted'])
  })

  it('unchecking with a click removes the value', async () => {
    const { el, boxes } = await open(['created', 'updated'])
    setTimeout(() => boxes[0]!.click())
    const event = await oneEvent(el, 'cg-field-change')
    expect(event.detail.value).to.deep.equal(['updated'])
    await el.updateComplete
    expect(boxes.map((b) => b.checked)).to.deep.equal([false, true, false])
  })

  it('reflects a new value set by the form', async () => {
    const { el, boxes } = await open(['created'])
    el.value = ['updated', 'deleted']
    await el.updateComplete
    expect(boxes.map((b) => b.checked)).to.deep.equal([false, true, true])
  })

  it('cannot be changed when readonly or disabled', async () => {
    for (const attr of ['readonly', 'disabled'] as const) {
      const { el, boxes } = await open(['created'])
      let fired = 0
      el.addEventListener('cg-field-change', () => fired++)
      el[attr] = true
      await el.updateComplete
      boxes[0]!.click()
      boxes[1]!.click()
      await el.updateComplete
      expect(
        boxes.map((b) => b.checked),
        attr,
      ).to.deep.equal([true, false, false])
      expect(el.value, attr).to.deep.equal(['created'])
      expect(fired, attr).to.equal(0)
      await expect(el).to.be.accessible()
    }
  })

  it('shows an error as an alert and marks the checkboxes invalid', async () => {
    const { el, boxes } = await open()
    el.error = 'Pick at least one event'
    await el.updateComplete
    const fieldset = el.shadowRoot!.querySelector('fieldset')!
    const texts = fieldset
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => el.shadowRoot!.getElementById(id)!.textContent)
    expect(texts).to.deep.equal(['Sent to your webhook', 'Pick at least one event'])
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('Pick at least one event')
    expect(boxes.every((b) => b.getAttribute('aria-invalid') === 'true')).to.equal(true)
    await expect(el).to.be.accessible()
  })

  it("has an exclusive option that stands for all the others, and folds each option's details", async () => {
    const options: CheckboxOption[] = [
      { value: '*', label: 'All events', exclusive: true },
      { value: 'created', label: 'Contact created', details: { summary: 'Example', body: '{"id":1}' } },
      { value: 'updated', label: 'Contact updated' },
    ]
    const el = await fixture<CgCheckboxGroup>(
      html`<cg-checkbox-group name="events" label="Events" .options=${options} .value=${['created', 'updated']}>
      </cg-checkbox-group>`,
    )
    const box = (i: number) => el.shadowRoot!.querySelectorAll<HTMLInputElement>('input')[i]!
    const details = el.shadowRoot!.querySelector('details')!
    expect(details.querySelector('summary')!.textContent).to.equal('Example')
    expect(details.querySelector('pre')!.textContent).to.equal('{"id":1}')
    expect(details.open).to.equal(false)
    await expect(el).to.be.accessible()

    let changed = oneEvent(el, 'cg-field-change')
    box(0).click()
    expect((await changed).detail.value, 'All clears the others').to.deep.equal(['*'])
    el.value = ['*']
    await el.updateComplete
    changed = oneEvent(el, 'cg-field-change')
    box(2).click()
    expect((await changed).detail.value, 'another clears All').to.deep.equal(['updated'])
  })
})
