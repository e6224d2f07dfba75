import { expect, fixture, fixtureSync, html, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import './cg-select.ts'
import type { CgSelect, SelectOption } from './cg-select.ts'
import type { FieldChangeDetail } from './field-element.ts'

const zones: SelectOption[] = [
  { value: 'America/Los_Angeles', label: 'Los Angeles', group: 'America', description: 'UTC−08:00' },
  { value: 'America/New_York', label: 'New York', group: 'America', description: 'UTC−05:00' },
  { value: 'America/Sao_Paulo', label: 'São Paulo', group: 'America', description: 'UTC−03:00' },
  { value: 'Europe/London', label: 'London', group: 'Europe', description: 'UTC+00:00' },
  { value: 'Europe/Paris', label: 'Paris', group: 'Europe', description: 'UTC+01:00' },
  { value: 'Asia/Kolkata', label: 'Kolkata', group: 'Asia', description: 'UTC+05:30' },
  { value: 'UTC', label: 'UTC', group: 'UTC', description: 'UTC+00:00' },
]

const currencies: SelectOption[] = [
  { value: 'CHE', label: 'CHE — WIR Euro' },
  { value: 'EUR', label: 'EUR — Euro' },
  { value: 'USD', label: 'USD — US Dollar' },
]

async function open(value = '', options = zones) {
  const el = await fixture<CgSelect>(
    html`<cg-select name="timezone" label="Timezone" help="Used for scheduling" .options=${options} value=${value}></cg-select>`,
  )
  const root = el.shadowRoot!
  const input = root.querySelector('input')!
  const listbox = root.querySelector<HTMLElement>('[role="listbox"]')!
  const labels = () => [...root.querySelectorAll('[role="option"] .option-label')].map((o) => o.textContent)
  const active = () => {
    const id = input.getAttribute('aria-activedescendant')
    return id ? root.getElementById(id)!.querySelector('.option-label')!.textContent : null
  }
  const events: FieldChangeDetail[] = []
  el.addEventListener('cg-field-change', (e) => events.push(e.detail))
  return { el, root, input, listbox, labels, active, events }
}

/** Focuses the input, clears it and types like a user. */
async function type(input: HTMLInputElement, text: string) {
  input.focus()
  input.select()
  await sendKeys({ press: 'Backspace' })
  if (text) await sendKeys({ type: text })
}

describe('cg-select', () => {
  it('is a labelled WAI-ARIA combobox showing the selected option, accessible closed and open', async () => {
    const { el, input, listbox, root } = await open('Europe/Paris')
    expect(input.getAttribute('role')).to.equal('combobox')
    expect(input.getAttribute('aria-autocomplete')).to.equal('list')
    expect(input.getAttribute('aria-expanded')).to.equal('false')
    expect(input.getAttribute('aria-controls')).to.equal(listbox.id)
    expect(root.querySelector(`label[for="${input.id}"]`)!.textContent).to.equal('Timezone')
    expect(input.value).to.equal('Paris')
    expect(listbox.hidden).to.equal(true)
    await expect(el).to.be.accessible()

    input.focus()
    await sendKeys({ press: 'ArrowDown' })
    await el.updateComplete
    expect(input.getAttribute('aria-expanded')).to.equal('true')
    expect(listbox.hidden).to.equal(false)
    await expect(el).to.be.accessible()
  })

  it('renders option groups as role=group labelled by their heading, descriptions beside the label', async () => {
    const { el, input, root } = await open()
    input.focus()
    await sendKeys({ press: 'ArrowDown' })
    await el.updateComplete
    const groups = [...root.querySelectorAll('[role="listbox"] > li[role="none"] > [role="group"]')]
    const names = groups.map((g) => root.getElementById(g.getAttribute('aria-labelledby')!)!.textContent)
    expect(names).to.deep.equal(['America', 'Europe', 'Asia', 'UTC'])
    expect(
      [...groups[1]!.querySelectorAll('[role="option"] .option-label')].map((o) => o.textContent),
    ).to.deep.equal(['London', 'Paris'])
    const newYork = root.querySelectorAll('[role="option"]')[1]!
    expect(newYork.querySelector('.option-description')!.textContent).to.equal('UTC−05:00')
  })

  it('filters as you type, case- and accent-insensitively, by label, value or description', async () => {
    const { el, input, labels } = await open()
    await type(input, 'new y')
    await el.updateComplete
    expect(input.getAttribute('aria-expanded')).to.equal('true')
    expect(labels()).to.deep.equal(['New York'])

    await type(input, 'SAO')
    await el.updateComplete
    expect(labels()).to.deep.equal(['São Paulo'])

    await type(input, 'europe/')
    await el.updateComplete
    expect(labels()).to.deep.equal(['London', 'Paris'])

    await type(input, 'utc+05')
    await el.updateComplete
    expect(labels()).to.deep.equal(['Kolkata'])

    await type(input, 'utc-05') // a hyphen finds the description's minus sign
    await el.updateComplete
    expect(labels()).to.deep.equal(['New York'])
  })

  it('ArrowDown then Enter selects the first match, fires cg-field-change and closes', async () => {
    const { el, input, listbox, active } = await open('Europe/Paris')
    await type(input, 'new y')
    await el.updateComplete
    expect(input.hasAttribute('aria-activedescendant'), 'typing does not pick an option').to.equal(false)
    await sendKeys({ press: 'ArrowDown' })
    await el.updateComplete
    expect(active()).to.equal('New York')
    setTimeout(() => sendKeys({ press: 'Enter' }))
    const event = await oneEvent(el, 'cg-field-change')
    expect(event.detail).to.deep.equal({ name: 'timezone', value: 'America/New_York' })
    await el.updateComplete
    expect(el.value).to.equal('America/New_York')
    expect(input.value).to.equal('New York')
    expect(input.getAttribute('aria-expanded')).to.equal('false')
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false)
    expect(listbox.hidden).to.equal(true)
  })

  it('ranks exact and prefix matches first', async () => {
    const { el, input, labels, active, events } = await open('', currencies)
    await type(input, 'eur')
    await el.updateComplete
    expect(labels()).to.deep.equal(['EUR — Euro', 'CHE — WIR Euro'])
    await sendKeys({ press: 'ArrowDown' })
    await el.updateComplete
    expect(active()).to.equal('EUR — Euro')
    await sendKeys({ press: 'Enter' })
    expect(events).to.deep.equal([{ name: 'timezone', value: 'EUR' }])
  })

  it('ArrowDown on a closed list opens it at the selected option; ArrowUp, Home and End move', async () => {
    const { el, input, root, active } = await open('Europe/London')
    input.focus()
    await sendKeys({ press: 'ArrowDown' })
    await el.updateComplete
    expect(active()).to.equal('London')
    const activeOption = root.getElementById(input.getAttribute('aria-activedescendant')!)!
    expect(activeOption.getAttribute('aria-selected')).to.equal('true')
    expect(root.querySelectorAll('[role="option"][aria-selected="true"]').length).to.equal(1)
    await sendKeys({ press: 'ArrowUp' })
    await el.updateComplete
    expect(active()).to.equal('São Paulo')
    await sendKeys({ press: 'End' })
    await el.updateComplete
    expect(active()).to.equal('UTC')
    await sendKeys({ press: 'ArrowDown' }) // stays on the last
    await el.updateComplete
    expect(active()).to.equal('UTC')
    await sendKeys({ press: 'Home' })
    await el.updateComplete
    expect(active()).to.equal('Los Angeles')
  })

  it('Escape closes and restores the selected label without changing the value', async () => {
    const { el, input, events } = await open('Europe/Paris')
    await type(input, 'lon')
    await sendKeys({ press: 'ArrowDown' })
    await el.updateComplete
    expect(input.value).to.equal('lon')
    await sendKeys({ press: 'Escape' })
    await el.updateComplete
    expect(input.getAttribute('aria-expanded')).to.equal('false')
    expect(input.value).to.equal('Paris')
    expect(el.value).to.equal('Europe/Paris')
    expect(events).to.deep.equal([])
  })

  it('Enter picks the exact match by value or label, or the only match, without arrowing to it', async () => {
    const { el, input, events } = await open('USD', currencies)
    await type(input, 'eur') // "CHE — WIR Euro" matches too; "EUR" is the one it names
    await sendKeys({ press: 'Enter' })
    await el.updateComplete
    expect(events).to.deep.equal([{ name: 'timezone', value: 'EUR' }])
    expect(input.value).to.equal('EUR — Euro')
    expect(input.getAttribute('aria-expanded')).to.equal('false')

    const zonesSelect = await open('UTC')
    await type(zonesSelect.input, 'kolk')
    await sendKeys({ press: 'Enter' })
    await zonesSelect.el.updateComplete
    expect(zonesSelect.el.value).to.equal('Asia/Kolkata')
    expect(zonesSelect.input.value).to.equal('Kolkata')
  })

  it('Enter over text that names several options takes the key (no form submits) and keeps the list open', async () => {
    // Not `fixture`: it waits a frame for a plain element, and a page in the background gets none.
    const form = fixtureSync<HTMLFormElement>(
      html`<form><cg-select name="timezone" label="Timezone" .options=${zones} value="UTC"></cg-select></form>`,
    )
    const taken: boolean[] = []
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') taken.push(e.defaultPrevented)
    })
    const select = form.querySelector('cg-select')!
    await select.updateComplete
    const input = select.shadowRoot!.querySelector('input')!
    await type(input, 'america') // three matches
    await sendKeys({ press: 'Enter' })
    await select.updateComplete
    expect(taken, 'a kit form submits on an Enter no control took').to.deep.equal([true])
    expect(input.getAttribute('aria-expanded')).to.equal('true')
    expect(select.value).to.equal('UTC')
    expect(input.value).to.equal('america')
  })

  it('Tab commits typed text that names one option: its value or label, or the only match', async () => {
    const select = await fixture<CgSelect>(
      html`<cg-select name="currency" label="Currency" .options=${currencies} value="USD"></cg-select>`,
    )
    const after = document.createElement('button')
    after.textContent = 'after'
    select.after(after)
    const input = select.shadowRoot!.querySelector('input')!
    await type(input, 'eur')
    await sendKeys({ press: 'Tab' })
    await select.updateComplete
    expect(document.activeElement?.textContent).to.equal('after')
    expect(input.getAttribute('aria-expanded')).to.equal('false')
    expect(select.value).to.equal('EUR')
    expect(input.value).to.equal('EUR — Euro')

    await type(input, 'wir')
    input.blur()
    await select.updateComplete
    expect(select.value).to.equal('CHE')
    expect(input.value).to.equal('CHE — WIR Euro')
  })

  it('keeps text that names no single option, shows an error and tells the form it holds no value', async () => {
    const { el, input, root, events } = await open('Europe/Paris')
    await type(input, 'zzz')
    input.blur()
    await el.updateComplete
    expect(input.value, 'the text typed stays: the field never shows a value it does not hold').to.equal(
      'zzz',
    )
    expect(el.value).to.equal('Europe/Paris')
    expect(input.getAttribute('aria-invalid')).to.equal('true')
    expect(root.querySelector('[role="alert"]')?.textContent).to.equal('Choose one of the options')
    expect(events).to.deep.equal([
      { name: 'timezone', value: 'Europe/Paris', invalid: 'Choose one of the options' },
    ])
    await expect(el).to.be.accessible()

    await type(input, 'america') // several matches: still no single option
    input.blur()
    await el.updateComplete
    expect(input.value).to.equal('america')
    expect(root.querySelector('[role="alert"]')?.textContent).to.equal('Choose one of the options')

    await type(input, 'lond')
    input.blur()
    await el.updateComplete
    expect(el.value).to.equal('Europe/London')
    expect(input.value).to.equal('London')
    expect(input.getAttribute('aria-invalid')).to.equal('false')
    expect(root.querySelector('[role="alert"]')).to.equal(null)
    expect(events.at(-1)).to.deep.equal({ name: 'timezone', value: 'Europe/London' })
  })

  it('Escape after stray text restores the selected label and clears the error', async () => {
    const { el, input, root, events } = await open('Europe/Paris')
    await type(input, 'zzz')
    input.blur()
    await el.updateComplete
    input.focus()
    await sendKeys({ press: 'Escape' })
    await el.updateComplete
    expect(input.value).to.equal('Paris')
    expect(root.querySelector('[role="alert"]')).to.equal(null)
    expect(events.at(-1)).to.deep.equal({ name: 'timezone', value: 'Europe/Paris' })
  })

  it('blur with the text left as it was, or emptied, keeps the selected option', async () => {
    const { el, input, events } = await open('Asia/Kolkata')
    input.focus()
    input.click()
    await el.updateComplete
    expect(input.getAttribute('aria-expanded')).to.equal('true')
    input.blur()
    await el.updateComplete
    expect(input.value).to.equal('Kolkata')
    await type(input, '')
    input.blur()
    await el.updateComplete
    expect(input.value).to.equal('Kolkata')
    expect(el.value).to.equal('Asia/Kolkata')
    expect(events).to.deep.equal([])
  })

  it('shows "No matches" in a status message when nothing matches', async () => {
    const { el, root, input, listbox } = await open()
    const status = root.querySelector('[role="status"]')!
    expect(status.textContent!.trim()).to.equal('')
    await type(input, 'zzz')
    await el.updateComplete
    expect(status.textContent!.trim()).to.equal('No matches')
    expect(listbox.hidden).to.equal(true)
    expect(root.querySelectorAll('[role="option"]').length).to.equal(0)
    await expect(el).to.be.accessible()
    await type(input, 'par')
    await el.updateComplete
    expect(status.textContent!.trim()).to.equal('')
    expect(listbox.hidden).to.equal(false)
  })

  it('selects an option on click, keeping focus in the input', async () => {
    const { el, input, root } = await open('UTC')
    input.focus()
    input.click()
    await el.updateComplete
    expect(input.getAttribute('aria-expanded')).to.equal('true')
    const kolkata = [...root.querySelectorAll<HTMLElement>('[role="option"]')].find(
      (o) => o.querySelector('.option-label')!.textContent === 'Kolkata',
    )!
    setTimeout(() => {
      kolkata.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true, composed: true }))
      kolkata.click()
    })
    const event = await oneEvent(el, 'cg-field-change')
    expect(event.detail.value).to.equal('Asia/Kolkata')
    await el.updateComplete
    expect(input.value).to.equal('Kolkata')
    expect(input.getAttribute('aria-expanded')).to.equal('false')
    expect(el.shadowRoot!.activeElement).to.equal(input)
  })

  it('opens no popup when readonly or disabled', async () => {
    for (const attr of ['readonly', 'disabled'] as const) {
      const { el, input, listbox, events } = await open('Europe/Paris')
      el[attr] = true
      await el.updateComplete
      input.focus()
      input.click()
      if (attr === 'readonly') {
        await sendKeys({ press: 'ArrowDown' })
        await sendKeys({ type: 'lon' })
      }
      await el.updateComplete
      expect(listbox.hidden, attr).to.equal(true)
      expect(input.getAttribute('aria-expanded'), attr).to.equal('false')
      expect(input.value, attr).to.equal('Paris')
      expect(events, attr).to.deep.equal([])
      await expect(el).to.be.accessible()
    }
  })

  it('shows an error and marks the combobox invalid', async () => {
    const { el, input } = await open('UTC')
    el.error = 'Pick a timezone'
    await el.updateComplete
    expect(input.getAttribute('aria-invalid')).to.equal('true')
    const described = input.getAttribute('aria-describedby')!.split(' ')
    expect(described.map((id) => el.shadowRoot!.getElementById(id)!.textContent)).to.deep.equal([
      'Used for scheduling',
      'Pick a timezone',
    ])
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('Pick a timezone')
    await expect(el).to.be.accessible()
  })

  it('with 450 options renders only the matches and scrolls the active option into view', async () => {
    const many: SelectOption[] = Array.from({ length: 450 }, (_, i) => ({
      value: `zone-${i}`,
      label: `Place ${String(i).padStart(3, '0')}`,
      group: `Region ${Math.floor(i / 50)}`,
    }))
    const { el, input, root, listbox, active } = await open('', many)
    expect(root.querySelectorAll('[role="option"]').length, 'nothing rendered while closed').to.equal(0)
    input.focus()
    await sendKeys({ press: 'ArrowDown' })
    await el.updateComplete
    expect(root.querySelectorAll('[role="option"]').length).to.equal(450)
    expect(listbox.scrollHeight).to.be.greaterThan(listbox.clientHeight)
    await sendKeys({ press: 'End' })
    await el.updateComplete
    expect(active()).to.equal('Place 449')
    const last = root.getElementById(input.getAttribute('aria-activedescendant')!)!
    const box = listbox.getBoundingClientRect()
    const option = last.getBoundingClientRect()
    expect(option.top).to.be.at.least(box.top - 1)
    expect(option.bottom).to.be.at.most(box.bottom + 1)

    await type(input, 'place 12')
    await el.updateComplete
    expect(root.querySelectorAll('[role="option"]').length).to.equal(10) // Place 120–129
  })
})
