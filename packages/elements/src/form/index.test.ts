import { expect, fixtureSync, html } from '@open-wc/testing'
import { setViewport } from '@web/test-runner-commands'
import * as kit from './index.ts'

const tags = [
  'cg-text-field',
  'cg-textarea',
  'cg-select',
  'cg-toggle',
  'cg-checkbox-group',
  'cg-color-field',
  'cg-datetime',
  'cg-radio-group',
  'cg-secret-field',
  'cg-toast-region',
] as const

describe('form kit', () => {
  after(() => setViewport({ width: 800, height: 600 }))

  it('registers every control and exports its class', () => {
    for (const tag of tags) expect(customElements.get(tag), tag).to.be.a('function')
    expect(customElements.get('cg-select')).to.equal(kit.CgSelect)
    expect(customElements.get('cg-toast-region')).to.equal(kit.CgToastRegion)
    expect(customElements.get('cg-secret-field')).to.equal(kit.CgSecretField)
  })

  it('fits a 360 px wide screen without horizontal overflow, and is accessible there', async () => {
    await setViewport({ width: 360, height: 800 })
    const long = 'A rather long label that has to wrap on a narrow phone screen'
    const el = fixtureSync<HTMLFormElement>(html`<form style="padding: 8px">
      <cg-text-field label=${long} value="Acme"></cg-text-field>
      <cg-textarea label="About" maxlength="200" help=${long}></cg-textarea>
      <cg-select
        label="Timezone"
        value="America/Argentina/Buenos_Aires"
        .options=${[
          {
            value: 'America/Argentina/Buenos_Aires',
            label: 'Argentina / Buenos Aires',
            group: 'America',
            description: 'UTC−03:00',
          },
        ]}
      ></cg-select>
      <cg-toggle label=${long}></cg-toggle>
      <cg-checkbox-group
        label="Events"
        .options=${[{ value: 'a', label: long, description: long }]}
      ></cg-checkbox-group>
      <cg-color-field label="Color" value="#2456d3"></cg-color-field>
      <cg-datetime label="Starts at" value="2025-01-15T09:30:00.000Z"></cg-datetime>
      <cg-secret-field label="API key" readonly value="cg_live_0123456789abcdef0123456789abcdef"></cg-secret-field>
    </form>`)
    // (Not `fixture`: it waits a frame for a plain element, and a page in the background gets none.)
    await Promise.all(
      [...el.children].map((c) => (c as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete),
    )
    expect(document.documentElement.clientWidth).to.equal(360)
    const select = el.querySelector('cg-select')!
    select.shadowRoot!.querySelector('input')!.click()
    await select.updateComplete
    for (const control of el.children) {
      const root = control.shadowRoot!
      for (const node of root.querySelectorAll<HTMLElement>('*')) {
        const box = node.getBoundingClientRect()
        if (box.width === 0) continue
        expect(box.right, `${control.localName} ${node.localName}.${node.className}`).to.be.at.most(360)
      }
    }
    expect(document.documentElement.scrollWidth).to.equal(360)
    await expect(el).to.be.accessible()
  })
})
