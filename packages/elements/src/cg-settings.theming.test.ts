import { expect, fixture, html } from '@open-wc/testing'
import { apiUrl, devSession } from '../test/session.ts'
import { openTab } from '../test/tabs.ts'
import './index.ts'
import type { CgSettings } from './cg-settings.ts'

/** A Tailwind-preflight-like reset plus hostile `*` rules, as a host page might ship. */
const AGGRESSIVE_CSS = `
  *, ::before, ::after { box-sizing: content-box; border: 3px solid lime; margin: 0; padding: 0; }
  * { color: rgb(255, 0, 0) !important; font-family: serif !important; letter-spacing: 4px !important;
      line-height: 3 !important; text-transform: uppercase !important; }
  a { text-decoration: underline wavy !important; }
  h2 { font-size: 60px !important; }
  button { background: transparent; all: unset; }
  nav, ul, li { display: inline !important; }
`

const probe = (el: CgSettings) => {
  const root = el.shadowRoot!
  const pick = (selector: string, props: string[]) => {
    const style = getComputedStyle(root.querySelector(selector)!)
    return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]))
  }
  return {
    base: pick('.base', ['color', 'font-family', 'letter-spacing', 'line-height', 'text-transform']),
    link: pick('nav a', ['color', 'text-decoration-line', 'display', 'padding-top', 'border-top-width']),
    heading: pick('#cg-tab-heading', ['font-size', 'margin-bottom', 'text-transform']),
    nav: pick('nav', ['display', 'background-color']),
  }
}

async function mount(theme = 'light') {
  const { access_token } = await devSession('admin')
  return fixture<CgSettings>(
    html`<cg-settings api-url=${apiUrl()} token=${access_token} tab="webhooks" theme=${theme}></cg-settings>`,
  )
}

function addStyle(css: string): HTMLStyleElement {
  const style = document.createElement('style')
  style.textContent = css
  document.head.append(style)
  return style
}

describe('cg-settings styling', () => {
  it('looks the same under a hostile global stylesheet', async () => {
    const clean = probe(await mount())
    const style = addStyle(AGGRESSIVE_CSS)
    try {
      const hostile = probe(await mount())
      expect(hostile).to.deep.equal(clean)
      expect(clean.base['font-family']).not.to.contain('serif,') // our own font stack, not the page's
    } finally {
      style.remove()
    }
  })

  it('keeps its sizes on a host page with a large root font size (no rem, nothing inherited)', async () => {
    const { shell, root, field } = await openTab('organization', 'admin')
    const sizes = () => {
      const shellRoot = shell.shadowRoot!
      const input = field('name').shadowRoot!.querySelector('input')!
      const label = field('name').shadowRoot!.querySelector('label')!
      const box = (el: Element) => Math.round(el.getBoundingClientRect().width)
      const font = (el: Element) => getComputedStyle(el).fontSize
      return {
        nav: box(shellRoot.querySelector('nav')!),
        form: box(root.querySelector('form')!),
        input: [box(input), Math.round(input.getBoundingClientRect().height), font(input)],
        label: font(label),
        heading: font(shellRoot.querySelector('#cg-tab-heading')!),
        link: font(shellRoot.querySelector('nav a')!),
        button: font(root.querySelector('button[type="submit"]')!),
      }
    }
    const normal = sizes()
    const style = addStyle('html { font-size: 30px } body { font-size: 30px; line-height: 2 }')
    try {
      expect(getComputedStyle(document.documentElement).fontSize).to.equal('30px')
      expect(sizes()).to.deep.equal(normal)
      expect(normal.label).to.equal('14px') // --cg-font-size's default
    } finally {
      style.remove()
    }
  })

  it('leaks no style onto the host page', async () => {
    const outside = document.createElement('div')
    outside.innerHTML = '<nav><a href="#x">link</a></nav><h2>Heading</h2><button>Button</button>'
    document.body.append(outside)
    const snapshot = () =>
      ['nav', 'a', 'h2', 'button'].map((tag) => {
        const style = getComputedStyle(outside.querySelector(tag)!)
        return [style.color, style.backgroundColor, style.fontSize, style.padding, style.display].join('|')
      })
    const before = snapshot()
    await mount()
    expect(snapshot()).to.deep.equal(before)
    outside.remove()
  })

  it('is themed by --cg-* properties and ::part, and switches to dark', async () => {
    const style = addStyle(`
      cg-settings.branded { --cg-color-primary: rgb(0, 70, 140); }
      cg-settings.branded::part(nav) { background-color: rgb(255, 250, 240); }
    `)
    try {
      const el = await mount()
      el.classList.add('branded')
      const current = el.shadowRoot!.querySelector('a[aria-current="page"]')!
      expect(getComputedStyle(current).color).to.equal('rgb(0, 70, 140)')
      expect(probe(el).nav['background-color']).to.equal('rgb(255, 250, 240)')
      await expect(el).to.be.accessible()
      el.classList.remove('branded')
      const light = getComputedStyle(el.shadowRoot!.querySelector('.base')!).backgroundColor
      el.theme = 'dark'
      await el.updateComplete
      const dark = getComputedStyle(el.shadowRoot!.querySelector('.base')!).backgroundColor
      expect(light).to.equal('rgb(255, 255, 255)')
      expect(dark).to.equal('rgb(20, 23, 27)')
      await expect(el, 'the dark theme keeps its contrast').to.be.accessible()
    } finally {
      style.remove()
    }
  })
})
