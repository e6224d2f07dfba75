import { expect, fixture, html } from '@open-wc/testing'
import { apiUrl, devSession, until } from '../test/session.ts'
import './index.ts'
import type { TokenProvider } from './api/client.ts'
import type { CgSettings } from './cg-settings.ts'
import type { CgErrorDetail } from './events.ts'
import { tabLoaders } from './tabs/tab-registry.ts'

const base64url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

/** A token whose claims read fine but expired a minute ago (its signature does not matter: it is never sent). */
const expiredToken = () =>
  [
    base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' })),
    base64url(
      JSON.stringify({ sub: 'usr_x', org: 'org_x', role: 'admin', exp: Math.floor(Date.now() / 1000) - 60 }),
    ),
    'c2lnbmF0dXJl',
  ].join('.')

/** The same member's claims signed with another key: the element reads them, the server answers 401. */
async function forgedToken(): Promise<string> {
  const [head, body] = (await devSession('admin')).access_token.split('.')
  return `${head}.${body}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`
}

/** Undone after each test: listeners and the stubbed fetch. */
const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

const freshToken: TokenProvider = async () => (await devSession('admin')).access_token

interface Options {
  token?: string
  provider?: TokenProvider
  tab?: string
  timeout?: number
}

/** `<cg-settings>` with `options`, recording every `cg-error` it fires. */
async function mount({ token = '', provider, tab = '', timeout = 15_000 }: Options) {
  const errors: CgErrorDetail[] = []
  const record = (event: CustomEvent<CgErrorDetail>) => errors.push(event.detail)
  document.addEventListener('cg-error', record)
  cleanups.push(() => document.removeEventListener('cg-error', record))
  const el = await fixture<CgSettings>(
    html`<cg-settings api-url=${apiUrl()} token=${token} tab=${tab} .requestTimeout=${timeout} .tokenProvider=${provider}></cg-settings>`,
  )
  const root = el.shadowRoot!
  const text = () => root.textContent!.replace(/\s+/g, ' ').trim()
  const tabCount = () => root.querySelectorAll('nav a[data-tab]').length
  return { el, root, errors, text, tabCount }
}

/** An admin sees every tab that has landed. */
const adminTabs = Object.keys(tabLoaders).length

describe('cg-settings sign-in', () => {
  it('asks the tokenProvider when the token is not a JWT, and signs in with what it returns', async () => {
    let calls = 0
    const { tabCount, errors } = await mount({
      token: 'not-a-jwt',
      provider: () => {
        calls++
        return freshToken()
      },
    })
    await until(() => tabCount() === adminTabs, 'the admin tabs')
    expect(calls).to.equal(1)
    expect(errors).to.deep.equal([])
  })

  it('asks the tokenProvider when the token has expired', async () => {
    let calls = 0
    const { tabCount } = await mount({
      token: expiredToken(),
      provider: () => {
        calls++
        return freshToken()
      },
    })
    await until(() => tabCount() === adminTabs, 'the admin tabs')
    expect(calls).to.equal(1)
  })

  it('after a 401 (a token signed with another key) asks the tokenProvider once and retries', async () => {
    let calls = 0
    const { root } = await mount({
      token: await forgedToken(),
      tab: 'organization',
      provider: () => {
        calls++
        return freshToken()
      },
    })
    const tab = () => root.querySelector('cg-organization-tab')
    await until(() => !!tab()?.shadowRoot?.querySelector('form'), 'the organization form')
    expect(calls).to.equal(1)
  })

  it('without a tokenProvider, says plainly that it cannot sign in, and tells the host why', async () => {
    const cases = [
      ['', 'token_missing', 'Could not sign you in to settings.'],
      ['not-a-jwt', 'token_invalid', 'Could not sign you in to settings.'],
      [expiredToken(), 'token_expired', 'Your session has expired. Reload the page to continue.'],
    ] as const
    for (const [token, code, shown] of cases) {
      const { el, root, errors, text } = await mount({ token })
      await until(() => errors.length > 0, `cg-error ${code}`)
      expect(errors).to.have.length(1)
      expect(errors[0]).to.include({ code, status: 0 })
      expect(text()).to.equal(shown)
      expect(root.querySelector('button'), 'no Try again: it cannot work without a provider').to.equal(null)
      await expect(el).to.be.accessible()
    }
  })

  it('without a tokenProvider, a 401 shows the session has ended, with no Try again', async () => {
    const { root, errors } = await mount({ token: await forgedToken(), tab: 'organization' })
    await until(() => errors.length > 0, 'cg-error')
    expect(errors[0]).to.include({ code: 'PGRST301', status: 401 })
    const tab = () => root.querySelector('cg-organization-tab')?.shadowRoot
    await until(() => !!tab()?.querySelector('[role="alert"]'), 'the failed load')
    const alert = tab()!.querySelector('[role="alert"]')!
    expect(alert.textContent).to.contain('Your session has expired. Reload the page to continue.')
    expect(alert.textContent).not.to.contain('JWT')
    expect(alert.querySelector('button')).to.equal(null)
  })

  it('reports a tokenProvider that throws as token_provider, and Try again asks it again', async () => {
    let calls = 0
    const { el, root, errors, text, tabCount } = await mount({
      provider: async () => {
        if (++calls === 1) throw new Error('token route answered 503')
        return freshToken()
      },
    })
    await until(() => errors.length > 0, 'cg-error')
    expect(errors[0]).to.include({ code: 'token_provider', status: 0 })
    expect(errors[0]!.message).to.contain('token route answered 503')
    expect(text()).to.equal('Could not sign you in to settings. Try again')
    await expect(el).to.be.accessible()
    root.querySelector('button')!.click()
    await until(() => tabCount() === adminTabs, 'the admin tabs after Try again')
    expect(calls).to.equal(2)
  })

  it('reports a tokenProvider that returns an object, or a string that is no token, as token_provider', async () => {
    const wrong = [
      async () => ({ access_token: 'x' }) as unknown as string, // the whole JSON answer
      async () => '{"token":"eyJ…"}',
    ]
    for (const provider of wrong) {
      const { errors, text } = await mount({ provider })
      await until(() => errors.length > 0, 'cg-error')
      expect(errors[0]).to.include({ code: 'token_provider', status: 0 })
      expect(errors[0]!.message).not.to.contain('is not a function')
      expect(text()).to.contain('Could not sign you in to settings.')
    }
  })

  it('gives up on a tokenProvider that never answers after request-timeout', async () => {
    const { errors, text } = await mount({ provider: () => new Promise<string>(() => {}), timeout: 200 })
    await until(() => errors.length > 0, 'cg-error')
    expect(errors[0]).to.include({ code: 'token_provider' })
    expect(errors[0]!.message).to.contain('did not answer')
    expect(text()).to.contain('Could not sign you in to settings.')
  })

  it('gives up on a request that never answers after request-timeout, and Try again loads it', async () => {
    const realFetch = window.fetch
    let stall = true
    window.fetch = (input, init) =>
      stall && String(input).includes('/rest/v1/')
        ? new Promise((_, reject) =>
            init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
          )
        : realFetch(input, init)
    cleanups.push(() => {
      window.fetch = realFetch
    })
    const { root, errors } = await mount({
      token: (await devSession('admin')).access_token,
      tab: 'organization',
      timeout: 300,
    })
    await until(() => errors.length > 0, 'cg-error')
    expect(errors[0]).to.include({ code: 'timeout', status: 0 })
    const tab = () => root.querySelector('cg-organization-tab')?.shadowRoot
    await until(() => !!tab()?.querySelector('[role="alert"]'), 'the failed load')
    expect(tab()!.querySelector('[role="alert"]')!.textContent).to.contain('taking too long')
    stall = false
    tab()!.querySelector<HTMLButtonElement>('[role="alert"] button')!.click()
    await until(() => !!tab()?.querySelector('form'), 'the organization form')
  })
})
