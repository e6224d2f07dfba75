/** @module Tests of `<cg-ratio-bar>`. */
import { expect, fixtureSync, html } from '@open-wc/testing'
import './cg-ratio-bar.ts'
import { type CgRatioBar, clampRatio } from './cg-ratio-bar.ts'

describe('cg-ratio-bar', () => {
  it('is one image named by its label, filled to its share', async () => {
    const page = fixtureSync<HTMLElement>(
      html`<p>Success <cg-ratio-bar .value=${0.92} label="92% of 25 deliveries succeeded"></cg-ratio-bar></p>`,
    )
    const el = page.querySelector<CgRatioBar>('cg-ratio-bar')!
    await el.updateComplete
    const track = el.shadowRoot!.querySelector('[part="track"]')!
    expect(track.getAttribute('role')).to.equal('img')
    expect(track.getAttribute('aria-label')).to.equal('92% of 25 deliveries succeeded')
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part="fill"]')!.style.width).to.equal('92%')
    await expect(page).to.be.accessible()
  })

  it('without a label is hidden from assistive tech; a share stays within 0 and 1', async () => {
    const page = fixtureSync<HTMLElement>(html`<p>x <cg-ratio-bar .value=${3}></cg-ratio-bar></p>`)
    const el = page.querySelector<CgRatioBar>('cg-ratio-bar')!
    await el.updateComplete
    expect(el.shadowRoot!.querySelector('[part="track"]')!.getAttribute('aria-hidden')).to.equal('true')
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part="fill"]')!.style.width).to.equal('100%')
    expect([clampRatio(-1), clampRatio(Number.NaN), clampRatio(0.5)]).to.deep.equal([0, 0, 0.5])
  })
})
