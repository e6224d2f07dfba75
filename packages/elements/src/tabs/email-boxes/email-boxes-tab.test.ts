import type { EmailBox } from '@connectgain/contracts/email-boxes'
import { expect } from '@open-wc/testing'
import { uniqueSlug, until } from '../../../test/session.ts'
import { listOf, openTab, rest, typeInto } from '../../../test/tabs.ts'
import type { CgEmailBoxesTab } from './email-boxes-tab.ts'

type Field = HTMLElement & { value: string; error: string; placeholder: string }

/** The settings of the test's mail servers (test/api-host.js), as a member types them. */
const typed = (password = window.CG_MAIL.password) => ({
  name: 'Support',
  email: 'support@example.com',
  imap_host: '127.0.0.1',
  imap_port: String(window.CG_MAIL.imap),
  imap_username: window.CG_MAIL.username,
  imap_password: password,
  smtp_host: '127.0.0.1',
  smtp_port: String(window.CG_MAIL.smtp),
  smtp_username: window.CG_MAIL.username,
  smtp_password: password,
})

/** Saved over REST, as a box connected earlier. */
const saved = (token: string) =>
  rest<EmailBox[]>(token, 'email_boxes', {
    method: 'POST',
    body: {
      ...typed(),
      imap_port: window.CG_MAIL.imap,
      smtp_port: window.CG_MAIL.smtp,
      imap_security: 'none',
      smtp_security: 'none',
    },
  })

/** The tab for an admin of a fresh org. */
async function open() {
  const opened = await openTab<CgEmailBoxesTab>('email-boxes', 'admin', {
    slug: uniqueSlug('mail'),
    readySelector: 'cg-resource-list',
  })
  return { ...opened, ...listOf(opened.root), token: opened.session.access_token }
}

/** The tab in the org `slug` holding one saved box. */
async function withBox() {
  const slug = uniqueSlug('mail')
  const first = await openTab('email-boxes', 'admin', { slug, readySelector: 'cg-resource-list' })
  await saved(first.session.access_token)
  first.page.remove()
  const opened = await openTab<CgEmailBoxesTab>('email-boxes', 'admin', {
    slug,
    readySelector: 'cg-resource-list',
  })
  const list = listOf(opened.root)
  await until(() => list.rows().length === 1, 'the saved box')
  return { ...opened, ...list, token: opened.session.access_token }
}

/** Fills the open form with `values`; the security of both sides set to None (the test servers are plaintext). */
async function fill(root: ShadowRoot, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values))
    await typeInto(root.querySelector<HTMLElement>(`form [name="${name}"]`)!, value)
  for (const side of ['imap', 'smtp']) {
    const none = root
      .querySelector(`form [name="${side}_security"]`)!
      .shadowRoot!.querySelector<HTMLInputElement>('input[value="none"]')!
    none.click()
  }
}

const checks = (root: ShadowRoot) =>
  [...root.querySelectorAll('.checks li')].map((li) => ({
    side: li.getAttribute('data-side'),
    ok: li.getAttribute('data-ok'),
    text: li.textContent?.replace(/\s+/g, ' ').trim() ?? '',
  }))

describe('Email Boxes tab', () => {
  it('tests a new box from the form before saving: each side logs in for real, then it saves without its passwords', async () => {
    const { root, tab, token, rows, page } = await open()
    root.querySelector<HTMLButtonElement>('button[data-action="create"]')!.click()
    await until(() => !!root.querySelector('form [name="imap_password"]')?.shadowRoot, 'the form')
    expect(root.querySelector('form [name="imap_password"]')!.localName, 'a masked field').to.equal(
      'cg-secret-field',
    )
    await fill(root, typed('wrong-password'))
    root.querySelector<HTMLButtonElement>('[data-action="test-form"]')!.click()
    await until(() => checks(root).every((c) => c.ok !== null) && checks(root).length === 2, 'both results')
    expect(checks(root).map((c) => c.ok)).to.deep.equal(['false', 'false'])
    expect(checks(root)[0]!.text).to.match(/^IMAP: .*(password|username)/i)

    await typeInto(root.querySelector<HTMLElement>('form [name="imap_password"]')!, window.CG_MAIL.password)
    await typeInto(root.querySelector<HTMLElement>('form [name="smtp_password"]')!, window.CG_MAIL.password)
    await tab.updateComplete
    expect(checks(root), 'a result of other settings is not shown').to.deep.equal([])
    root.querySelector<HTMLButtonElement>('[data-action="test-form"]')!.click()
    await until(() => checks(root).length === 2 && checks(root).every((c) => c.ok !== null), 'both results')
    expect(checks(root).map((c) => c.ok)).to.deep.equal(['true', 'true'])
    expect(checks(root)[0]!.text).to.contain(String(window.CG_MAIL.messages))
    await expect(page).to.be.accessible()

    root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click()
    await until(() => rows().some((cells) => cells.join(' ').includes('Support')), 'the saved box')
    const [stored] = await rest<Record<string, unknown>[]>(token, 'email_boxes')
    expect(stored).to.include({
      imap_port: window.CG_MAIL.imap,
      imap_password_set: true,
      smtp_password_set: true,
    })
    expect(JSON.stringify(stored)).not.to.contain(window.CG_MAIL.password)
  })

  it('edits a box keeping its saved passwords when their fields stay empty', async () => {
    const { root, button, token, rows } = await withBox()
    button('edit', 'Support')!.click()
    await until(() => !!root.querySelector('form [name="imap_password"]')?.shadowRoot, 'the form')
    const password = root.querySelector<Field>('form [name="imap_password"]')!
    expect(password.value).to.equal('')
    expect(password.placeholder).to.equal('Saved: type a new one to replace it')
    await typeInto(root.querySelector<HTMLElement>('form [name="name"]')!, 'Helpdesk')
    root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click()
    await until(() => rows().some((cells) => cells.join(' ').includes('Helpdesk')), 'the renamed box')
    // Still logs in with the saved passwords.
    const [box] = await rest<EmailBox[]>(token, 'email_boxes?select=id')
    const result = await fetch(`${window.CG_API_URL}/functions/v1/test-email-box`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: box!.id }),
    }).then((r) => r.json())
    expect([result.imap.ok, result.smtp.ok]).to.deep.equal([true, true])
  })

  it('sends a test email through a saved box, and tests its connection from the row', async () => {
    const { root, button, list, rows } = await withBox()
    const toast = () => root.querySelector('cg-toast-region')?.shadowRoot?.textContent ?? ''
    const press = (action: string) => {
      const direct = button(action, 'Support')
      if (direct) return direct.click()
      // Folded into the row's More menu.
      const more = list.shadowRoot!.querySelector<HTMLButtonElement>('tbody tr button[popovertarget]')!
      more.click()
      list.shadowRoot!.querySelector<HTMLButtonElement>(`[role="menu"] [data-action="${action}"]`)!.click()
    }
    press('send-test')
    await until(() => /support@example\.com|admin|@/.test(toast()), 'the result of the test email')
    expect(toast()).to.match(/Sent to/)
    await until(() => list.status === 'ready' && !root.querySelector('[aria-busy="true"]'), 'the list again')
    press('test')
    await until(() => rows()[0]?.join(' ').includes('Connected') ?? false, 'the status after the test')
  })
})
