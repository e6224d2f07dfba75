import type { ApiKey, GenerateApiKeyResponse } from '@connectgain/contracts/api-keys'
import { expect, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import { apiUrl, devSession, uniqueSlug, until } from '../../../test/session.ts'
import { callFunction, listOf, mountTab, openTab, rest, takeSecret, typeInto } from '../../../test/tabs.ts'
import type { CgDialog } from '../../kit/cg-dialog.ts'
import type { CgSecretOnce } from '../../kit/cg-secret-once.ts'
import type { CgApiKeysTab } from './api-keys-tab.ts'

type Field = HTMLElement & { value: string; error: string; label: string }

const DAY = 86_400_000

/** What the API answers to a request made with `key` (as a developer's app would send it). */
const useKey = (key: string) =>
  fetch(`${apiUrl()}/rest/v1/api_keys?select=id`, { headers: { apikey: key } }).then((r) => r.status)

const keysOf = (token: string) =>
  rest<ApiKey[]>(
    token,
    'api_keys?select=id,name,description,scope,created_at,expires_at,revoked_at,status&order=created_at',
  )

/** Whether `text` is anywhere under `node`: text, attributes, input values, through every shadow root. */
function holds(node: Node, text: string): boolean {
  if (node instanceof Element) {
    if ([...node.attributes].some((a) => a.value.includes(text))) return true
    if (node instanceof HTMLInputElement && node.value.includes(text)) return true
    if (node.shadowRoot && holds(node.shadowRoot, text)) return true
  }
  if (node.nodeType === Node.TEXT_NODE && node.textContent?.includes(text)) return true
  return [...node.childNodes].some((child) => holds(child, text))
}

/** The API Keys tab for an admin in a fresh org, with `seed` keys generated first. */
async function open({
  locale = '',
  seed = [] as Record<string, unknown>[],
  prepare = async (_token: string, _seeded: GenerateApiKeyResponse[]) => {},
} = {}) {
  const slug = uniqueSlug('keys')
  const session = await devSession('admin', slug)
  const seeded: GenerateApiKeyResponse[] = []
  for (const body of seed) seeded.push(await callFunction(session.access_token, 'generate-api-key', body))
  await prepare(session.access_token, seeded)
  const opened = await openTab<CgApiKeysTab>('api-keys', 'admin', {
    locale,
    slug,
    readySelector: 'cg-resource-list',
  })
  const { root } = opened
  const list = listOf(root)
  await until(() => ['ready', 'empty'].includes(list.list.status), 'the list')
  await list.list.updateComplete
  const create = () => root.querySelector<HTMLButtonElement>('button[data-action="create"]')!
  const dialog = (id: 'create' | 'confirm' | 'secret') => root.querySelector<CgDialog>(`#cg-${id}`)
  const field = (name: string) => root.querySelector<Field>(`#cg-create-form [name="${name}"]`)!
  const submit = () => root.querySelector<HTMLButtonElement>('button[form="cg-create-form"]')!
  const pick = (name: string, value: string) =>
    field(name).shadowRoot!.querySelector<HTMLInputElement>(`input[data-value="${value}"]`)!.click()
  const panel = () => root.querySelector<CgSecretOnce>('cg-secret-once')
  const shownKey = () =>
    panel()!.shadowRoot!.querySelector('cg-secret-field')!.shadowRoot!.querySelector('input')!.value
  const part = (id: 'confirm', name: string) =>
    dialog(id)!.shadowRoot!.querySelector<HTMLButtonElement>(`[part="${name}"]`)!
  const cell = (rowText: string, column: number) =>
    list.rows().find((r) => r.some((c) => c.includes(rowText)))?.[column] ?? ''
  const sparkline = (rowText: string) => {
    const tr = [...list.list.shadowRoot!.querySelectorAll('tbody tr')].find((r) =>
      r.textContent!.includes(rowText),
    )
    return tr?.querySelector('cg-sparkline')?.shadowRoot?.querySelector('svg') ?? null
  }

  /** Fills the generate dialog as a member would and presses Generate. */
  async function generate({
    name = 'CRM sync',
    description = '',
    expiry = '90d',
    custom = '',
    scope = 'full',
  } = {}) {
    create().click()
    await until(() => !!dialog('create')?.open && !!field('name'), 'the generate dialog')
    await typeInto(field('name'), name)
    if (description) await typeInto(field('description'), description)
    pick('expiry', expiry)
    if (expiry === 'custom') {
      await until(() => !!field('expires_at'), 'the date field')
      const input = field('expires_at').shadowRoot!.querySelector('input')!
      input.value = custom
      input.dispatchEvent(new Event('input', { bubbles: true }))
    }
    pick('scope', scope)
    await opened.tab.updateComplete
    submit().click()
  }

  /** Waits for the shown-once key, ticks "I have stored it", presses Done; resolves to the key. */
  const storeKey = () => takeSecret(root)

  return {
    ...opened,
    ...list,
    seeded,
    create,
    dialog,
    field,
    submit,
    pick,
    panel,
    shownKey,
    part,
    cell,
    sparkline,
    generate,
    storeKey,
  }
}

describe('API Keys tab', () => {
  it('Use Case 2: generates a key, shows it once (Done after "I have stored it"), then only its ends; the key works', async () => {
    const { page, tab, root, create, dialog, field, generate, panel, shownKey, rows, cell, session } =
      await open()
    expect(root.querySelector('cg-resource-list')!.shadowRoot!.textContent).to.contain(
      'Generate an API key to let',
    )
    await expect(page).to.be.accessible()

    create().focus()
    await sendKeys({ press: 'Enter' })
    await until(() => !!dialog('create')?.open, 'the generate dialog')
    expect(dialog('create')!.heading).to.equal('Generate new API key')
    expect(field('expiry').value, 'a 90-day expiry is chosen to start with').to.equal('90d')
    expect(field('scope').value).to.equal('full')
    await expect(page).to.be.accessible()
    await sendKeys({ press: 'Escape' })
    await until(() => !dialog('create'), 'the dialog closed')
    expect(root.activeElement === create(), 'the focus is back on the button').to.equal(true)

    const saved = oneEvent(tab, 'cg-saved')
    await generate({ name: 'CRM sync', description: 'Nightly contact export', expiry: '30d' })
    const event = await saved
    expect(event.detail).to.deep.include({ tab: 'api-keys', resource: 'api_keys' })
    expect(event.detail.value).to.include({ name: 'CRM sync', scope: 'full' })
    expect(event.detail.value, 'the host page never gets the key').not.to.have.property('api_key')

    await until(
      () => !!dialog('secret')?.open && !!panel()?.shadowRoot?.querySelector('cg-secret-field'),
      'the key',
    )
    await panel()!.updateComplete
    const key = shownKey()
    expect(key).to.match(/^ak_/)
    expect(dialog('secret')!.heading).to.equal('Copy your new API key')
    expect(panel()!.shadowRoot!.textContent).to.contain('It will not be shown again.')
    const done = panel()!.shadowRoot!.querySelector<HTMLButtonElement>('[part="done"]')!
    expect(done.disabled, 'Done waits for "I have stored it"').to.equal(true)
    await expect(page).to.be.accessible()

    // Copy: the clipboard when the browser allows it, else the key is selected for Ctrl+C.
    const secretField = panel()!.shadowRoot!.querySelector('cg-secret-field')!
    secretField.shadowRoot!.querySelector<HTMLButtonElement>('[part="copy-button"]')!.click()
    const status = () => secretField.shadowRoot!.querySelector('[part="status"]')!.textContent!
    await until(() => status() !== '', 'the copy status')
    if (status() !== 'Copied') {
      expect(status()).to.equal('Selected: press Ctrl+C (⌘C) to copy')
      const input = secretField.shadowRoot!.querySelector('input')!
      expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, key.length])
    }

    expect(await useKey(key), 'the key shown works').to.equal(200)
    await sendKeys({ press: 'Escape' })
    expect(dialog('secret')!.open, 'Escape does not lose the key before it is stored').to.equal(true)
    panel()!.shadowRoot!.querySelector<HTMLInputElement>('#stored')!.click()
    await panel()!.updateComplete
    expect(done.disabled).to.equal(false)
    done.click()
    await until(() => !dialog('secret'), 'the key dialog closed')
    expect(holds(document.body, key), 'the key has left the page').to.equal(false)
    expect(root.activeElement === create()).to.equal(true)

    await until(() => rows().length === 1, 'the new row')
    expect(cell('CRM sync', 0)).to.equal('CRM syncNightly contact export')
    expect(cell('CRM sync', 1)).to.equal(`${key.slice(0, 7)}…${key.slice(-4)}Full access`)
    const [stored] = await keysOf(session.access_token)
    const format = (iso: string) =>
      new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(iso))
    expect(cell('CRM sync', 2)).to.equal(format(stored!.created_at))
    expect(cell('CRM sync', 3)).to.equal(format(stored!.expires_at!))
    expect(cell('CRM sync', 4), 'last used, as listed before the key was tried').to.equal('Never')
    expect(cell('CRM sync', 6)).to.equal('Active')
    await expect(page).to.be.accessible()
  })

  it('one click, one key: a double click on Generate makes one key, shown once; Escape asks before dropping a draft', async () => {
    const { page, tab, root, create, dialog, field, submit, rows, session } = await open()
    create().click()
    await until(() => !!dialog('create')?.open && !!field('name'), 'the generate dialog')
    await typeInto(field('name'), 'Double click')
    await tab.updateComplete
    const question = () => dialog('create')!.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? ''
    await sendKeys({ press: 'Escape' })
    await until(() => question() === 'Discard this draft?', 'the question')
    expect(dialog('create')!.open, 'the draft is still there').to.equal(true)
    await expect(page).to.be.accessible()
    await sendKeys({ press: 'Escape' }) // on the question: keep editing
    await until(() => question() === '', 'back to the draft')
    expect(field('name').value).to.equal('Double click')

    let secrets = 0 // times the secret dialog came
    let showing = false
    const shown = new MutationObserver(() => {
      const now = !!root.querySelector('#cg-secret')
      if (now && !showing) secrets++
      showing = now
    })
    shown.observe(root, { childList: true, subtree: true })
    const busy: (string | null)[] = []
    const watch = new MutationObserver(() => busy.push(submit()?.getAttribute('aria-busy') ?? null))
    watch.observe(submit(), { attributes: true, attributeFilter: ['aria-busy'] })
    submit().click()
    submit().click() // the second click of a double click, while the first one's request is under way
    const key = await takeSecret(root)
    await until(() => rows().length > 0, 'the new row')
    watch.disconnect()
    shown.disconnect()
    expect(busy, 'Generate said it was busy').to.include('true')
    const keys = await keysOf(session.access_token)
    expect(
      keys.map((k) => k.name),
      'one key',
    ).to.deep.equal(['Double click'])
    expect(rows()).to.have.length(1)
    expect(secrets, 'its secret shown once').to.equal(1)
    expect(await useKey(key)).to.equal(200)
  })

  it('stores the expiry each preset says, Never as none, a custom date as picked, and the scope', async () => {
    const { generate, storeKey, session, rows } = await open()
    const before = Date.now()
    await generate({ name: 'Week', expiry: '7d', scope: 'read_only' })
    const readOnlyKey = await storeKey()
    await generate({ name: 'Quarter', expiry: '90d' })
    await storeKey()
    await generate({ name: 'Forever', expiry: 'never' })
    await storeKey()
    await generate({ name: 'Custom', expiry: 'custom', custom: '2031-05-17T09:30' })
    await storeKey()
    const after = Date.now()
    await until(() => rows().length === 4, 'four rows')

    const stored = Object.fromEntries((await keysOf(session.access_token)).map((k) => [k.name, k]))
    const within = (iso: string | null, days: number) => {
      const t = Date.parse(iso ?? '')
      return t >= before + days * DAY && t <= after + days * DAY
    }
    expect(within(stored.Week!.expires_at, 7), `7 days: ${stored.Week!.expires_at}`).to.equal(true)
    expect(within(stored.Quarter!.expires_at, 90), `90 days: ${stored.Quarter!.expires_at}`).to.equal(true)
    expect(stored.Forever!.expires_at).to.equal(null)
    expect(stored.Custom!.expires_at).to.equal(new Date(2031, 4, 17, 9, 30).toISOString())
    expect(stored.Week!.scope).to.equal('read_only')
    expect(stored.Quarter!.scope).to.equal('full')
    expect(rows().find((r) => r[0] === 'Forever')![3]).to.equal('Never')
    expect(rows().find((r) => r[0] === 'Week')![1]).to.match(/Read only$/)
    expect(rows().find((r) => r[0] === 'Week')![6], 'within 7 days of expiring').to.equal('Expiring soon')
    expect(await useKey(readOnlyKey)).to.equal(200)
  })

  it("shows the server's issue under a custom date in the past, checks the name in the browser, and creates nothing", async () => {
    const { root, generate, field, submit, dialog, pick, session, tab } = await open()
    await generate({ name: 'Old', expiry: 'custom', custom: '2020-01-01T10:00' })
    await until(() => field('expires_at').error !== '', 'the date error')
    expect(field('expires_at').error).to.equal('Choose a time in the future')
    expect(root.activeElement === field('expires_at'), 'the field at fault has the focus').to.equal(true)
    expect(dialog('create')!.open).to.equal(true)

    pick('expiry', 'never')
    await tab.updateComplete
    expect(field('expires_at'), 'the date goes with "Never"').to.equal(null)
    pick('expiry', 'custom')
    await tab.updateComplete
    expect(field('expires_at').value, 'the date picked is kept').to.equal(
      new Date(2020, 0, 1, 10).toISOString(),
    )
    expect(field('expires_at').error, 'its issue went with the value').to.equal('')
    const date = field('expires_at').shadowRoot!.querySelector('input')!
    date.value = ''
    date.dispatchEvent(new Event('input', { bubbles: true }))
    await typeInto(field('name'), '   ')
    submit().click()
    await until(() => field('name').error !== '', 'the name error')
    expect(field('name').error).to.equal('Required')
    expect(field('expires_at').error).to.equal('Choose a date and time')
    expect(root.activeElement === field('name')).to.equal(true)

    root.querySelector<HTMLButtonElement>('#cg-create button[slot="footer"]:not([type="submit"])')!.click()
    await until(() => !dialog('create'), 'the dialog closed')
    expect(await keysOf(session.access_token)).to.deep.equal([])
  })

  it('revokes after a danger confirmation: the key then gets 401; Cancel changes nothing', async () => {
    const { page, tab, root, button, dialog, part, cell, seeded, session } = await open({
      seed: [{ name: 'Zapier' }],
    })
    const key = seeded[0]!
    const name = `Zapier (${key.prefix}…${key.last4})`
    const revoke = () => button('revoke', 'Zapier')
    expect(revoke()!.getAttribute('aria-label')).to.equal(`Revoke key ${name}`)

    revoke()!.click()
    await until(() => !!dialog('confirm')?.open, 'the confirmation')
    expect(dialog('confirm')!.heading).to.equal(`Revoke key ${name}?`)
    expect(dialog('confirm')!.textContent).to.contain('Apps using it stop working at once.')
    expect(part('confirm', 'confirm').className).to.equal('danger')
    expect(dialog('confirm')!.shadowRoot!.activeElement === part('confirm', 'cancel')).to.equal(true)
    await expect(page).to.be.accessible()
    part('confirm', 'cancel').click()
    await until(() => !dialog('confirm')!.open, 'closed')
    expect(cell('Zapier', 6)).to.equal('Active')
    expect(await useKey(key.api_key)).to.equal(200)
    expect((await keysOf(session.access_token))[0]!.revoked_at).to.equal(null)

    revoke()!.click()
    await until(() => !!dialog('confirm')?.open, 'the confirmation again')
    const saved = oneEvent(tab, 'cg-saved')
    part('confirm', 'confirm').click()
    expect((await saved).detail.value).to.include({ id: key.id, name: 'Zapier' })
    await until(() => cell('Zapier', 6) === 'Revoked', 'the Revoked badge')
    expect(revoke(), 'a revoked key offers neither Roll nor Revoke').to.equal(null)
    expect(button('roll', 'Zapier')).to.equal(null)
    expect(await useKey(key.api_key)).to.equal(401)
    expect(root.querySelector('cg-toast-region')!.shadowRoot!.textContent).to.contain('Key Zapier revoked.')
    expect(
      root.activeElement === root.querySelector('[data-action="create"]'),
      'its button is gone: the focus goes to Generate',
    ).to.equal(true)
  })

  it('rolls a key: the new one is shown once and works, the old one works for 24 hours more', async () => {
    const { button, dialog, part, storeKey, rows, seeded, session } = await open({
      seed: [
        { name: 'Billing', expires_at: new Date(Date.now() + 60 * DAY).toISOString() },
        { name: 'Stopped' },
      ],
      // Rolled with no overlap: the old "Stopped" key expired at once.
      prepare: (token, [, stopped]) =>
        callFunction(token, 'roll-api-key', { id: stopped!.id, expires_in_hours: 0 }).then(() => undefined),
    })
    const old = seeded[0]!
    const stopped = seeded[1]!
    const rowOf = (key: { prefix: string; last4: string }) =>
      rows().find((r) => r[1]!.startsWith(`${key.prefix}…${key.last4}`))!
    expect(rowOf(stopped)[6]).to.equal('Expired')
    expect(rowOf(stopped)[7], 'an expired key offers neither Roll nor Revoke').to.equal('')
    button('roll', 'Billing')!.click()
    await until(() => !!dialog('confirm')?.open, 'the confirmation')
    expect(dialog('confirm')!.heading).to.equal(`Roll key Billing (${old.prefix}…${old.last4})?`)
    expect(dialog('confirm')!.textContent).to.contain('The old one keeps working for 24 hours')
    expect(part('confirm', 'confirm').className).to.equal('primary')
    const before = Date.now()
    part('confirm', 'confirm').click()
    const key = await storeKey()
    const after = Date.now()
    expect(key).not.to.equal(old.api_key)
    expect(await useKey(key)).to.equal(200)
    expect(await useKey(old.api_key), 'the old key works through the overlap').to.equal(200)

    await until(() => rows().length === 4, 'the new row')
    expect(rowOf(old)[6], 'the old key now expires within a day').to.equal('Expiring soon')
    expect(rowOf(old)[3]).to.equal(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(Date.now() + DAY)),
    )
    const stored = await keysOf(session.access_token)
    const previous = stored.find((k) => k.id === old.id)!
    const expires = Date.parse(previous.expires_at!)
    expect(expires).to.be.within(before + DAY - 1000, after + DAY + 1000)
    const rolled = stored.find((k) => k.name === 'Billing' && k.id !== old.id)!
    expect(rolled).to.include({ name: 'Billing', scope: 'full', expires_at: old.expires_at })
    expect(rows().map((r) => r[1])).to.include(`${key.slice(0, 7)}…${key.slice(-4)}Full access`)
  })

  it("draws each key's last 30 days from the server's api_key_usage rows", async () => {
    const slug = uniqueSlug('keys')
    const admin = await devSession('admin', slug)
    const used = await callFunction<GenerateApiKeyResponse>(admin.access_token, 'generate-api-key', {
      name: 'Used',
    })
    await callFunction(admin.access_token, 'generate-api-key', { name: 'Idle' })
    for (let i = 0; i < 3; i++) expect(await useKey(used.api_key)).to.equal(200)
    type Usage = { requests: number }
    const usage = () =>
      rest<Usage[]>(admin.access_token, `api_key_usage?select=requests&key_id=eq.${used.id}`)
    let counted = 0 // the server writes a key's first use at once, in the background
    for (let i = 0; i < 100 && counted === 0; i++) {
      counted = (await usage()).reduce((sum, row) => sum + row.requests, 0)
      if (!counted) await new Promise((r) => setTimeout(r, 50))
    }
    expect(counted, 'api_key_usage has the use').to.be.greaterThan(0)

    const { root } = await openTab<CgApiKeysTab>('api-keys', 'admin', {
      slug,
      readySelector: 'cg-resource-list',
    })
    const svgOf = (name: string) => {
      const list = root.querySelector('cg-resource-list')!
      const tr = [...list.shadowRoot!.querySelectorAll('tbody tr')].find((r) => r.textContent!.includes(name))
      return tr?.querySelector('cg-sparkline')?.shadowRoot?.querySelector('svg') ?? null
    }
    await until(() => !!svgOf('Used') && !!svgOf('Idle'), 'the sparklines')
    const label = counted === 1 ? '1 request in the last 30 days' : `${counted} requests in the last 30 days`
    expect(svgOf('Used')!.getAttribute('aria-label')).to.equal(label)
    expect(svgOf('Used')!.getAttribute('role')).to.equal('img')
    expect(svgOf('Idle')!.getAttribute('aria-label')).to.equal('0 requests in the last 30 days')
    expect(svgOf('Used')!.querySelector('polyline')!.getAttribute('points')!.split(' ')).to.have.length(30)
  })

  // Who sees the tab in the shell, and deep links to it: the shared suite (src/tabs/tab-suite.test.ts).
  it('refuses an agent a Generate button on its own, and the server lists them nothing', async () => {
    const slug = uniqueSlug('keys')
    const admin = await devSession('admin', slug)
    await callFunction(admin.access_token, 'generate-api-key', { name: 'Secret' })
    const agent = await devSession('agent', slug)

    // The element on its own with an agent's session: no buttons, and the server lists nothing.
    const { page, root } = await mountTab<CgApiKeysTab>('cg-api-keys-tab', agent, 'cg-resource-list')
    const { list, rows } = listOf(root)
    await until(() => list.status === 'failed', 'the refused load')
    expect(root.querySelector('[data-action="create"]')).to.equal(null)
    expect(rows()).to.deep.equal([])
    expect(list.shadowRoot!.textContent).to.contain('Your role does not allow this.')
    await expect(page).to.be.accessible()
  })

  it('speaks Spanish: the list, the dialogs, dates in Spanish; axe-clean with each dialog open', async () => {
    const { page, root, create, dialog, field, generate, panel, cell, button, part, pick } = await open({
      locale: 'es',
      seed: [{ name: 'Webhook' }],
    })
    await until(() => create().textContent!.trim() === 'Generar nueva clave de API', 'Spanish')
    expect(cell('Webhook', 6)).to.equal('Activa')
    expect(cell('Webhook', 4)).to.equal('Nunca')
    const created = root.querySelector('cg-resource-list')!.shadowRoot!.querySelector('time')!
    expect(created.textContent).to.equal(
      new Intl.DateTimeFormat('es', { dateStyle: 'medium' }).format(new Date(created.dateTime)),
    )
    await expect(page).to.be.accessible()

    button('revoke', 'Webhook')!.click()
    await until(() => !!dialog('confirm')?.open, 'the confirmation')
    expect(dialog('confirm')!.heading).to.match(/^¿Revocar la clave Webhook \(ak_/)
    await expect(page).to.be.accessible()
    part('confirm', 'cancel').click()
    await until(() => !dialog('confirm')!.open, 'closed')

    await generate({ name: 'Pruebas', expiry: 'custom', custom: '2020-01-01T10:00' })
    await until(() => field('expires_at')?.error !== '', 'the date error')
    expect(field('expires_at').error).to.equal('Elige un momento futuro')
    expect(field('name').label).to.equal('Nombre')
    expect(field('scope').shadowRoot!.textContent).to.contain('Solo lectura')
    await expect(page).to.be.accessible()
    pick('expiry', '7d')
    root.querySelector<HTMLButtonElement>('button[form="cg-create-form"]')!.click()
    await until(() => !!panel()?.shadowRoot?.querySelector('cg-secret-field'), 'the key')
    await panel()!.updateComplete
    expect(dialog('secret')!.heading).to.equal('Copia tu nueva clave de API')
    expect(panel()!.shadowRoot!.textContent).to.contain('No se volverá a mostrar.')
    await expect(page).to.be.accessible()
  })
})
