/** @module The Webhooks tab in Chromium against the real API host: endpoints, secrets, test events, the delivery log. */
import { checkWebhookSecret } from '@connectgain/contracts/webhook-secret'
import type { WebhookConfiguration, WebhookDelivery } from '@connectgain/contracts/webhooks'
import { expect, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import { devSession, uniqueSlug, until } from '../../../test/session.ts'
import { callFunction, listOf, mountTab, openTab, rest, takeSecret, typeInto } from '../../../test/tabs.ts'
import type { CgCheckboxGroup } from '../../form/cg-checkbox-group.ts'
import type { CgDialog } from '../../kit/cg-dialog.ts'
import type { CgResourceList } from '../../kit/cg-resource-list.ts'
import type { CgSecretOnce } from '../../kit/cg-secret-once.ts'
import type { CgWebhookDeliveries } from './delivery-log.ts'
import type { CgWebhooksTab } from './webhooks-tab.ts'

type Field = HTMLElement & { value: string; error: string; label: string }

/** Nothing listens there: a test event records a failed attempt with a connection error. */
const DEAD = 'http://127.0.0.1:9/none'

const hooksOf = (token: string) =>
  rest<WebhookConfiguration[]>(
    token,
    'webhook_configurations?select=id,url,events,description,enabled&order=created_at',
  )

/** The Webhooks tab for an admin in a fresh org, with `seed` endpoints created over REST first. */
async function open({ locale = '', seed = [] as Record<string, unknown>[] } = {}) {
  const slug = uniqueSlug('hooks')
  const session = await devSession('admin', slug)
  const seeded: WebhookConfiguration[] = []
  for (const body of seed)
    seeded.push(
      (
        await rest<WebhookConfiguration[]>(session.access_token, 'webhook_configurations', {
          method: 'POST',
          body,
        })
      )[0]!,
    )
  const opened = await openTab<CgWebhooksTab>('webhooks', 'admin', {
    locale,
    slug,
    readySelector: 'cg-resource-list',
  })
  const { root } = opened
  const list = listOf(root)
  await until(() => ['ready', 'empty'].includes(list.list.status), 'the list')
  await list.list.updateComplete
  const create = () => root.querySelector<HTMLButtonElement>('button[data-action="create"]')!
  const dialog = (id: 'confirm' | 'secret' | 'attempt' | 'log') => root.querySelector<CgDialog>(`#cg-${id}`)
  const field = (name: string) => root.querySelector<Field>(`form [name="${name}"]`)!
  const save = () => root.querySelector<HTMLButtonElement>('form button[type="submit"]')!
  const panel = () => root.querySelector<CgSecretOnce>('cg-secret-once')
  const part = (name: string) =>
    dialog('confirm')!.shadowRoot!.querySelector<HTMLButtonElement>(`[part="${name}"]`)!
  const cell = (rowText: string, column: number) =>
    list.rows().find((r) => r.some((c) => c.includes(rowText)))?.[column] ?? ''
  const check = (value: string) =>
    field('events').shadowRoot!.querySelector<HTMLInputElement>(`input[value="${value}"]`)!.click()
  const toast = () => root.querySelector('cg-toast-region')!.shadowRoot!.textContent ?? ''

  /** Waits for the secret dialog; resolves to the secret shown (then closes it, ticking "stored" if asked). */
  const readSecret = () => takeSecret(root)

  return {
    ...opened,
    ...list,
    seeded,
    create,
    dialog,
    field,
    save,
    panel,
    part,
    cell,
    check,
    toast,
    readSecret,
  }
}

describe('Webhooks tab', () => {
  it('Use Case 3: adds an endpoint through the form (events from the catalog, a generated secret); reveal shows that secret', async () => {
    const {
      page,
      tab,
      root,
      create,
      field,
      save,
      check,
      rows,
      cell,
      session,
      readSecret,
      button,
      dialog,
      panel,
    } = await open()
    expect(root.querySelector('cg-resource-list')!.shadowRoot!.textContent).to.contain(
      'Add an endpoint to have ConnectGain POST',
    )
    await expect(page).to.be.accessible()

    create().click()
    await until(() => !!field('url'), 'the form')
    const events = field('events') as unknown as CgCheckboxGroup
    await until(
      () => (events.options?.length ?? 0) > 1 && !!events.shadowRoot?.querySelector('details'),
      'the catalog',
    )
    const labels = events.options.map((o) => o.value)
    expect(labels[0]).to.equal('*')
    expect(labels).to.include.members(['message.created', 'conversation.created', 'contact.updated'])
    expect(labels, 'test events are sent on demand only').not.to.include('webhook.test')
    const example = events.shadowRoot!.querySelector('details')!
    expect(example.querySelector('summary')!.textContent).to.equal('Example payload')
    expect(JSON.parse(example.querySelector('pre')!.textContent!)).to.have.property('type')
    expect(
      field('secret').getAttribute('help') ?? (field('secret') as Field & { help: string }).help,
    ).to.contain('Leave it empty and one is generated')
    await expect(page).to.be.accessible()

    await typeInto(field('url'), DEAD)
    await typeInto(field('description'), 'Local receiver')
    check('message.created')
    check('conversation.created')
    root.querySelector<HTMLButtonElement>('button[data-action="generate"]')!.click()
    await tab.updateComplete
    const generated = field('secret').value
    expect(generated).to.match(/^whsec_/)
    expect(checkWebhookSecret(generated)).to.deep.equal({ ok: true, kind: 'whsec' })
    const saved = oneEvent(tab, 'cg-saved')
    save().click()
    const event = await saved
    expect(event.detail.value).to.include({ url: DEAD })
    expect(event.detail.value, 'the host page never gets the secret').not.to.have.property('secret')

    await until(() => rows().length === 1, 'the new row')
    const [stored] = await hooksOf(session.access_token)
    expect(stored).to.deep.include({ url: DEAD, description: 'Local receiver', enabled: true })
    expect(stored!.events).to.deep.equal(['message.created', 'conversation.created'])
    expect(cell(DEAD, 0)).to.equal(`${DEAD}Local receiver`)
    expect(cell(DEAD, 1)).to.equal('2 events')
    await until(() => cell(DEAD, 2) === 'Active', 'the status')
    await until(() => cell(DEAD, 3) === 'No deliveries in the last 24 hours', 'the success rate')
    expect(root.activeElement === create(), 'the focus is back on Add webhook').to.equal(true)

    const reveal = button('reveal', DEAD)!
    reveal.click()
    await until(() => !!dialog('secret')?.open, 'the secret')
    await until(() => !!panel()?.shadowRoot?.querySelector('cg-secret-field'), 'the field')
    expect(
      panel()!.shadowRoot!.querySelector('#stored'),
      'a secret that can be revealed again needs no "stored"',
    ).to.equal(null)
    await expect(page).to.be.accessible()
    expect(await readSecret()).to.equal(generated)
  })

  it('shows field errors: no URL and no event in the browser, a URL the server refuses under the URL; creates nothing', async () => {
    const { root, create, field, save, check, session } = await open()
    create().click()
    await until(() => !!field('url'), 'the form')
    save().click()
    await until(() => field('url').error !== '', 'the URL error')
    expect(field('url').error).to.equal('Required')
    expect(field('events').error).to.equal('Choose at least one event')
    expect(root.activeElement === field('url'), 'the first field at fault has the focus').to.equal(true)

    await typeInto(field('url'), 'https://user:secret@example.com/hooks')
    check('*')
    await (root.host as CgWebhooksTab).updateComplete
    expect(field('events').error, 'fixed as it changes').to.equal('')
    save().click()
    await until(() => field('url').error !== '', 'the server error')
    expect(field('url').error).to.match(/password|user/i)
    expect(await hooksOf(session.access_token)).to.deep.equal([])
  })

  it('sends a test event: the failed attempt is shown; the log lists it, expands, and Redeliver adds attempt 2', async () => {
    const { page, root, button, dialog, cell, seeded, session } = await open({
      seed: [{ url: DEAD, events: ['*'] }],
    })
    expect(cell(DEAD, 1)).to.equal('All events')
    const test = button('test', DEAD)!
    expect(test.getAttribute('aria-label')).to.equal(`Send test event to ${DEAD}`)
    test.focus()
    test.click()
    await until(() => !!dialog('attempt')?.open, 'the attempt')
    const shown = dialog('attempt')!.textContent!
    expect(shown).to.contain('No answer')
    expect(shown).to.contain('Failed')
    expect(shown).to.contain('webhook.test')
    const [delivery] = await rest<WebhookDelivery[]>(
      session.access_token,
      `webhook_deliveries?select=id,message_id,error,attempt&webhook_id=eq.${seeded[0]!.id}`,
    )
    expect(delivery!.error).to.be.a('string')
    expect(shown).to.contain(delivery!.error!)
    expect(shown).to.contain(delivery!.message_id)
    await expect(page).to.be.accessible()
    await sendKeys({ press: 'Escape' })
    await until(() => !dialog('attempt')!.open, 'closed')
    expect(
      listOf(root).list.shadowRoot!.activeElement === button('more', DEAD),
      'the focus returns to More, the menu it was in',
    ).to.equal(true)
    await until(() => cell(DEAD, 2) === 'Failing', 'Failing after a failed delivery')
    const bar = () =>
      listOf(root).list.shadowRoot!.querySelector('cg-ratio-bar')?.shadowRoot?.querySelector('[role="img"]')
    await until(() => !!bar(), 'the success bar')
    expect(bar()!.getAttribute('aria-label')).to.equal('0% of 1 delivery succeeded in the last 24 hours')

    button('deliveries', DEAD)!.click()
    await until(() => !!dialog('log')?.open, 'the log')
    await until(
      () => !!root.querySelector('cg-webhook-deliveries')?.shadowRoot?.querySelector('cg-resource-list'),
      'the log loaded',
    )
    const log = root.querySelector<CgWebhookDeliveries>('cg-webhook-deliveries')!
    const logList = () => log.shadowRoot!.querySelector<CgResourceList>('cg-resource-list')!
    const logRows = () =>
      [...(logList().shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim()),
      )
    await until(() => logRows().length === 1, 'the attempt in the log')
    expect(logRows()[0]![1]).to.equal('webhook.test')
    expect(logRows()[0]![2]).to.equal('1')
    expect(logRows()[0]![3]).to.contain('No answer')
    const details = logList().shadowRoot!.querySelector('details')!
    details.querySelector('summary')!.click()
    expect(details.open).to.equal(true)
    expect(details.textContent).to.contain(delivery!.message_id)
    await expect(page).to.be.accessible()

    logList().shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="redeliver"]')!.click()
    await until(() => logRows().length === 2, 'the redelivery')
    expect(logRows()[0]![2], 'the newest first: attempt 2').to.equal('2')
    expect(log.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('attempt 2')

    const select = (name: string, value: string) => {
      const el = log.shadowRoot!.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!
      el.value = value
      el.dispatchEvent(new Event('change'))
    }
    select('status', 'succeeded')
    await until(() => logList().status === 'empty', 'no successes')
    expect(logList().shadowRoot!.textContent).to.contain('No deliveries match these filters.')
    select('status', 'failed')
    await until(() => logRows().length === 2, 'the failures')
    select('event', 'message.created')
    await until(() => logList().status === 'empty', 'no such events')
    select('event', 'webhook.test')
    await until(() => logRows().length === 2, 'the test events')

    dialog('log')!.shadowRoot!.querySelector('slot[name="footer"]')
    root.querySelector<HTMLButtonElement>('#cg-log button[slot="footer"]')!.click()
    await until(() => !dialog('log')!.open, 'the log closed')
  })

  it('rotates the secret after a confirmation that explains the overlap; the new one is shown once and then revealed', async () => {
    const { button, dialog, part, readSecret, seeded, session, toast } = await open({
      seed: [{ url: DEAD, events: ['contact.created'], secret: 'webhook-secret-key' }],
    })
    button('reveal', DEAD)!.click()
    expect(await readSecret()).to.equal('webhook-secret-key')
    button('rotate', DEAD)!.click()
    await until(() => !!dialog('confirm')?.open, 'the confirmation')
    expect(dialog('confirm')!.heading).to.equal(`Rotate the signing secret of ${DEAD}?`)
    expect(dialog('confirm')!.textContent).to.contain('For 24 hours every delivery is signed with both')
    part('cancel').click()
    await until(() => !dialog('confirm')!.open, 'cancelled')
    const kept = await callFunction<{ secret: string }>(session.access_token, 'reveal-webhook-secret', {
      id: seeded[0]!.id,
    })
    expect(kept.secret, 'Cancel rotates nothing').to.equal('webhook-secret-key')

    button('rotate', DEAD)!.click()
    await until(() => !!dialog('confirm')?.open, 'the confirmation again')
    part('confirm').click()
    await until(() => !!dialog('secret')?.open, 'the new secret')
    expect(dialog('secret')!.heading).to.equal('Copy your new signing secret')
    const rotated = await readSecret()
    expect(rotated).to.match(/^whsec_/)
    expect(toast()).to.contain('The old one keeps signing for 24 hours.')
    button('reveal', DEAD)!.click()
    expect(await readSecret()).to.equal(rotated)
  })

  it('disables and enables through the row action, edits the events, and deletes after a confirmation', async () => {
    const { root, button, cell, dialog, part, field, save, check, seeded, session, rows } = await open({
      seed: [{ url: DEAD, events: ['contact.created'] }],
    })
    button('disable', DEAD)!.click()
    await until(() => cell(DEAD, 2) === 'Disabled', 'Disabled')
    expect((await hooksOf(session.access_token))[0]!.enabled).to.equal(false)
    button('enable', DEAD)!.click()
    await until(() => cell(DEAD, 2) === 'Active', 'Active again')
    expect((await hooksOf(session.access_token))[0]!.enabled).to.equal(true)

    button('edit', DEAD)!.click()
    await until(() => !!field('events'), 'the editor')
    expect(field('secret'), 'the secret changes by rotating only').to.equal(null)
    check('message.created')
    await (root.host as CgWebhooksTab).updateComplete
    save().click()
    await until(() => cell(DEAD, 1) === '2 events', 'the edit saved')
    expect((await hooksOf(session.access_token))[0]!.events).to.deep.equal([
      'message.created',
      'contact.created',
    ])

    button('delete', DEAD)!.click()
    await until(() => !!dialog('confirm')?.open, 'the confirmation')
    expect(dialog('confirm')!.heading).to.equal(`Delete webhook ${DEAD}?`)
    part('confirm').click()
    await until(() => rows().length === 0, 'the row gone')
    expect(await hooksOf(session.access_token)).to.deep.equal([])
    expect(seeded).to.have.length(1)
  })

  // Who sees the tab in the shell, and deep links to it: the shared suite (src/tabs/tab-suite.test.ts).
  it('refuses an agent the list and the Add button on its own', async () => {
    const slug = uniqueSlug('hooks')
    const admin = await devSession('admin', slug)
    await rest(admin.access_token, 'webhook_configurations', {
      method: 'POST',
      body: { url: DEAD, events: ['*'] },
    })
    const agent = await devSession('agent', slug)

    const { page, root } = await mountTab<CgWebhooksTab>('cg-webhooks-tab', agent, 'cg-resource-list')
    const { list, rows } = listOf(root)
    await until(() => list.status === 'failed', 'the refused load')
    expect(root.querySelector('[data-action="create"]')).to.equal(null)
    expect(rows()).to.deep.equal([])
    await expect(page).to.be.accessible()
  })

  it('speaks Spanish, axe-clean with the form and a dialog open', async () => {
    const { page, root, create, field, save, button, dialog, cell, part } = await open({
      locale: 'es',
      seed: [{ url: DEAD, events: ['*'] }],
    })
    await until(() => create().textContent!.trim() === 'Añadir webhook', 'Spanish')
    expect(cell(DEAD, 1)).to.equal('Todos los eventos')
    await until(() => cell(DEAD, 3) === 'Sin entregas en las últimas 24 horas', 'the rate in Spanish')
    await expect(page).to.be.accessible()

    button('rotate', DEAD)!.click()
    await until(() => !!dialog('confirm')?.open, 'the confirmation')
    expect(dialog('confirm')!.heading).to.equal(`¿Rotar el secreto de firma de ${DEAD}?`)
    await expect(page).to.be.accessible()
    part('cancel').click()
    await until(() => !dialog('confirm')!.open, 'closed')

    create().click()
    await until(() => !!field('url'), 'the form')
    save().click()
    await until(() => field('events').error !== '', 'the errors')
    expect(field('events').error).to.equal('Elige al menos un evento')
    expect(field('url').label).to.equal('URL del endpoint')
    await expect(page).to.be.accessible()
    root.querySelector<HTMLButtonElement>('form button[type="button"]:not([data-action])')!.click()
  })
})
