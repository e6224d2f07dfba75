import { expect, fixture, fixtureSync, html } from '@open-wc/testing'
import './cg-sparkline.ts'
import { type CgSparkline, sparkPoints } from './cg-sparkline.ts'

const points = (el: CgSparkline) =>
  el
    .shadowRoot!.querySelector('polyline')!
    .getAttribute('points')!
    .split(' ')
    .map((p) => p.split(',').map(Number) as [number, number])

describe('cg-sparkline', () => {
  it('is one image named by its label, with a point per value, left to right', async () => {
    const values = [0, 3, 1, 0, 6]
    // Not `fixture` for the paragraph: it waits a frame for a plain element, and a page in the background gets none.
    const page = fixtureSync<HTMLElement>(
      html`<p>Usage <cg-sparkline .values=${values} label="10 requests in the last 5 days"></cg-sparkline></p>`,
    )
    const el = page.querySelector('cg-sparkline')!
    await el.updateComplete
    const svg = el.shadowRoot!.querySelector('svg')!
    expect(svg.getAttribute('role')).to.equal('img')
    expect(svg.getAttribute('aria-label')).to.equal('10 requests in the last 5 days')
    expect(svg.hasAttribute('aria-hidden')).to.equal(false)
    await expect(page).to.be.accessible()
    const xy = points(el)
    expect(xy.map(([x]) => x)).to.deep.equal([0, 25, 50, 75, 100])
    const ys = xy.map(([, y]) => y)
    expect(Math.min(...ys)).to.equal(ys[4], 'the largest value is highest')
    expect(ys[0]).to.equal(ys[3]).and.to.be.greaterThan(ys[2]!, 'zeros at the bottom')
  })

  it('draws zeros flat along the bottom, and a single value as one point', () => {
    expect(sparkPoints([0, 0, 0])).to.equal('0,22 50,22 100,22')
    expect(sparkPoints([5])).to.equal('0,2')
    expect(sparkPoints([])).to.equal('')
  })

  it('follows new values, and without a label is decoration hidden from assistive tech', async () => {
    const el = await fixture<CgSparkline>(html`<cg-sparkline .values=${[1, 2]}></cg-sparkline>`)
    const svg = el.shadowRoot!.querySelector('svg')!
    expect(svg.getAttribute('aria-hidden')).to.equal('true')
    expect(svg.hasAttribute('role')).to.equal(false)
    await expect(el).to.be.accessible()
    el.values = [4, 2, 0]
    await el.updateComplete
    expect(points(el).length).to.equal(3)
    el.values = []
    await el.updateComplete
    expect(el.shadowRoot!.querySelector('polyline')).to.equal(null)
  })
})
