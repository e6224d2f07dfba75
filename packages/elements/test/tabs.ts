/** @module Browser-side helpers for tab tests: a host page with its own landmarks, a tab opened in it, typing and Tab, seeding. */
import type { TabId } from '@connectgain/contracts/tabs'
import { provide } from '@lit/context'
import { fixtureSync, html } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import { LitElement, type TemplateResult } from 'lit'
import { property } from 'lit/decorators.js'
import { ApiClient } from '../src/api/client.ts'
import type { CgSettings } from '../src/cg-settings.ts'
import { apiContext, sessionContext } from '../src/context.ts'
import type { CgDialog } from '../src/kit/cg-dialog.ts'
import type { CgResourceList } from '../src/kit/cg-resource-list.ts'
import type { CgSecretOnce } from '../src/kit/cg-secret-once.ts'
import '../src/index.ts'
import { readSession, type Session } from '../src/session.ts'
import { apiUrl, type DevSession, devSession, uniqueSlug, until } from './session.ts'

type Role = DevSession['role']

/** `content` inside a host application's page: its own `<header>` (banner) and `<main>`, as embedders have. */
export async function hostPage(content: TemplateResult): Promise<HTMLElement> {
  // Not `fixture`: it waits a frame for a plain element, and a page in the background gets none.
  const page = fixtureSync<HTMLElement>(html`<div class="host-page">
    <header><p>Host app</p></header>
    <main>
      <h1>Account</h1>
      ${content}
    </main>
  </div>`)
  const elements = [...page.querySelectorAll('*')] as Partial<LitElement>[]
  await Promise.all(elements.map((el) => el.updateComplete))
  return page
}

/** What a tab test needs: the page, the shell, the tab element, its shadow root, its controls, the session. */
export interface OpenTab<T extends HTMLElement> {
  page: HTMLElement
  shell: CgSettings
  tab: T
  root: ShadowRoot
  field: <F extends HTMLElement = HTMLElement & { value: string; error: string; label: string }>(
    name: string,
  ) => F
  session: DevSession
  slug: string
}

/** Waits until `tab` has rendered `selector` in its shadow root. */
export async function ready(tab: () => HTMLElement | null | undefined, selector: string): Promise<void> {
  await until(() => !!tab()?.shadowRoot?.querySelector(selector), `${selector} in the tab`)
}

/**
 * `<cg-settings tab=…>` for `role` in a fresh org of its own (tests write), inside a host page; resolves once
 * the tab rendered `readySelector`.
 */
export async function openTab<T extends HTMLElement>(
  tab: TabId,
  role: Role,
  { locale = '', slug = uniqueSlug(tab.slice(0, 8)), readySelector = 'form' } = {},
): Promise<OpenTab<T>> {
  const session = await devSession(role, slug)
  const page = await hostPage(
    html`<cg-settings api-url=${apiUrl()} token=${session.access_token} tab=${tab} locale=${locale}></cg-settings>`,
  )
  const shell = page.querySelector('cg-settings') as CgSettings
  const element = () => shell.shadowRoot?.querySelector<T>(`cg-${tab}-tab`)
  await ready(element, readySelector)
  const el = element() as T
  const root = el.shadowRoot as ShadowRoot
  const field = <F extends HTMLElement>(name: string) => root.querySelector(`[name="${name}"]`) as F
  return { page, shell, tab: el, root, field, session, slug }
}

/** Provides an API client and a session to the tab inside it, as `<cg-settings>` does. */
class CgTestContext extends LitElement {
  @provide({ context: apiContext }) @property({ attribute: false }) api?: ApiClient
  @provide({ context: sessionContext }) @property({ attribute: false }) session: Session | null = null
  override createRenderRoot() {
    return this // light DOM: the tab is a plain child
  }
}
if (!customElements.get('cg-test-context')) customElements.define('cg-test-context', CgTestContext)

/**
 * A tab element on its own (no shell, so no tab filtering by role) with `session`'s API, inside a host page;
 * resolves once it rendered `readySelector` (at once when empty).
 */
export async function mountTab<T extends HTMLElement>(
  tag: string,
  session: DevSession,
  readySelector: string,
  fetcher: typeof fetch = (...args) => fetch(...args),
) {
  const api = new ApiClient({ baseUrl: apiUrl(), token: session.access_token, fetch: fetcher })
  const page = await hostPage(
    html`<cg-test-context .api=${api} .session=${readSession(session.access_token)}></cg-test-context>`,
  )
  const context = page.querySelector('cg-test-context') as CgTestContext
  const el = document.createElement(tag) as T
  context.append(el)
  if (readySelector) await ready(() => el, readySelector)
  return { page, tab: el, root: el.shadowRoot as ShadowRoot }
}

/** Types into a control's own input (or textarea), as a user would; clears it first. */
export async function typeInto(control: HTMLElement, text: string, { clear = true } = {}): Promise<void> {
  const input = control.shadowRoot?.querySelector<HTMLInputElement>('input:not([type="color"]), textarea')
  if (!input) throw new Error(`no input in ${control.localName}`)
  input.focus()
  if (clear) {
    input.select()
    await sendKeys({ press: 'Backspace' })
  }
  if (text) await sendKeys({ type: text })
}

/** Picks an option in a cg-select by typing to filter and pressing Enter. */
export async function choose(select: HTMLElement, text: string): Promise<void> {
  await typeInto(select, text)
  await sendKeys({ press: 'ArrowDown' })
  await sendKeys({ press: 'Enter' })
}

/** The focused element and each shadow host on the way to it, outermost first. */
export function focusPath(): Element[] {
  const path: Element[] = []
  for (let el = document.activeElement; el; el = el.shadowRoot?.activeElement ?? null) path.push(el)
  return path
}

/** The focused element, looking inside shadow roots. */
export const focused = (): Element | null => focusPath().at(-1) ?? null

/**
 * Presses Tab until `target()` (or something inside it) has the focus, as a keyboard user moves through the
 * page; fails naming `what` after `max` presses.
 */
export async function tabTo(
  target: () => Element | null | undefined,
  what: string,
  max = 120,
): Promise<void> {
  for (let presses = 0; presses <= max; presses++) {
    const el = target()
    if (el && focusPath().includes(el)) return
    await sendKeys({ press: 'Tab' })
  }
  throw new Error(`Tab never reached ${what}`)
}

/** Replaces the text of the focused input or textarea by keyboard: End, Backspace over what it held, then `text`. */
export async function retype(text: string): Promise<void> {
  const input = focused() as HTMLInputElement | HTMLTextAreaElement | null
  const held = input?.value.length ?? 0
  await sendKeys({ press: 'End' })
  for (let i = 0; i < held; i++) await sendKeys({ press: 'Backspace' })
  if (text) await sendKeys({ type: text })
}

/** `POST /functions/v1/<name>` with `token`: seeds what only a function creates (an API key). */
export async function callFunction<T = unknown>(token: string, name: string, body: unknown): Promise<T> {
  const res = await fetch(`${apiUrl()}/functions/v1/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${name}: ${res.status} ${await res.text()}`)
  return res.json() as Promise<T>
}

/** A REST call with `token`, for seeding rows and reading what the server holds. */
export async function rest<T = unknown>(
  token: string,
  path: string,
  { method = 'GET', body }: { method?: string; body?: unknown } = {},
): Promise<T> {
  const res = await fetch(`${apiUrl()}/rest/v1/${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      prefer: 'return=representation',
    },
    body: body === undefined ? null : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
  return res.json() as Promise<T>
}

/** A member named `key` (`key@example.com`) in the caller's org: invited with `role`, then accepted (demo mode needs no API key). */
export async function joinMember(
  token: string,
  key: string,
  role: Role = 'agent',
  name: string = key,
): Promise<string> {
  const email = `${key}@example.com`
  const { accept_url } = await callFunction<{ accept_url: string }>(token, 'invite-member', {
    email,
    role,
  })
  const invite = new URL(accept_url, apiUrl()).searchParams.get('invite')
  const accepted = await fetch(`${apiUrl()}/functions/v1/accept-invitation`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: invite, email, name }),
  })
  if (!accepted.ok) throw new Error(`accept-invitation: ${accepted.status} ${await accepted.text()}`)
  const [member] = await rest<{ id: string }[]>(
    token,
    `members?select=id&email=eq.${encodeURIComponent(email)}`,
  )
  return member!.id
}

/** The list inside a list tab, and its rows' cells as text. */
export function listOf(root: ShadowRoot) {
  const list = root.querySelector('cg-resource-list') as CgResourceList
  const rows = () =>
    [...(list.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
    )
  const button = (action: string, rowText: string) => {
    const tr = [...(list.shadowRoot?.querySelectorAll('tbody tr') ?? [])].find((r) =>
      r.textContent?.includes(rowText),
    )
    return tr?.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`) ?? null
  }
  return { list, rows, button }
}

/**
 * The kit's shown-once secret dialog in `root` (a new key, a webhook secret): waits for it, reads the secret, ticks
 * "I have stored it" when the panel asks, presses Done and waits for the dialog to close; resolves to the secret.
 */
export async function takeSecret(root: ShadowRoot): Promise<string> {
  const panel = () => root.querySelector<CgSecretOnce>('cg-secret-once')
  await until(
    () =>
      !!root.querySelector<CgDialog>('#cg-secret')?.open &&
      !!panel()?.shadowRoot?.querySelector('cg-secret-field'),
    'the secret',
  )
  await panel()!.updateComplete
  const shown = panel()!.shadowRoot!
  const secret = shown.querySelector('cg-secret-field')!.shadowRoot!.querySelector('input')!.value
  const stored = shown.querySelector<HTMLInputElement>('#stored')
  if (stored) {
    stored.click()
    await panel()!.updateComplete
  }
  shown.querySelector<HTMLButtonElement>('[part="done"]')!.click()
  await until(() => !root.querySelector('#cg-secret'), 'the secret dialog closed')
  return secret
}

/** A fetch that waits until `release()`: what a slow network shows (skeletons, busy buttons) stays on screen. */
export function heldFetch(): { fetch: typeof fetch; release: () => void } {
  let release = () => {}
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  return {
    fetch: async (...args) => {
      await held
      return fetch(...args)
    },
    release: () => release(),
  }
}
