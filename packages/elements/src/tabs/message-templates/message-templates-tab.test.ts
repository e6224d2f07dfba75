import type { MessageTemplate } from '@connectgain/contracts/message-templates'
import { expect } from '@open-wc/testing'
import { readOrg, uniqueSlug, until } from '../../../test/session.ts'
import { callFunction, type OpenTab, openTab, rest, typeInto } from '../../../test/tabs.ts'
import type { CgTextarea } from '../../form/cg-textarea.ts'
import type { CgMessageTemplatesTab } from './message-templates-tab.ts'

type Field = HTMLElement & { value: string; error: string }

/** The tab's editor open on a new template: its fields, the preview's text, the variable buttons, the rows. */
async function editorOf(opened: OpenTab<CgMessageTemplatesTab>) {
  const token = opened.session.access_token
  const { root } = opened
  root.querySelector<HTMLButtonElement>('button[data-action="create"]')!.click()
  await until(
    () => !!root.querySelector('form [name="body"]')?.shadowRoot?.querySelector('textarea'),
    'the editor',
  )
  const body = () => opened.field<CgTextarea>('body')
  const bubble = () => root.querySelector('.bubble')?.textContent?.trim() ?? ''
  const variable = (name: string) => root.querySelector<HTMLButtonElement>(`[data-variable="${name}"]`)!
  const stored = () => rest<MessageTemplate[]>(token, 'message_templates?select=name,category,body')
  const caret = (at: number) => body().shadowRoot!.querySelector('textarea')!.setSelectionRange(at, at)
  return { ...opened, token, body, bubble, variable, stored, caret }
}

/** The tab for an admin of the org `slug` (a fresh one by default), its editor open on a new template. */
async function openEditor(slug = uniqueSlug('templates')) {
  return editorOf(
    await openTab<CgMessageTemplatesTab>('message-templates', 'admin', {
      slug,
      readySelector: 'cg-resource-list',
    }),
  )
}

describe('Message Templates tab', () => {
  it('inserts a variable where the caret was, and previews the message with a sample contact as it is typed', async () => {
    const { body, bubble, variable, caret, tab, session, page } = await openEditor()
    expect(bubble()).to.equal('Type a message to see it here.')
    await typeInto(body(), 'Hi , thanks for writing')
    await tab.updateComplete
    expect(bubble()).to.equal('Hi , thanks for writing')
    caret(3)
    variable('contact.first_name').click()
    await tab.updateComplete
    expect(body().value).to.equal('Hi {{contact.first_name}}, thanks for writing')
    expect(bubble(), 'the sample contact').to.equal('Hi Ana, thanks for writing')
    caret(body().value.length)
    variable('organization.name').click()
    const org = (await readOrg(session.access_token)) as { name: string }
    await until(() => bubble().endsWith(org.name), "the org's real name")
    expect(bubble()).to.equal(`Hi Ana, thanks for writing${org.name}`)
    await expect(page).to.be.accessible()
  })

  it('flags an unknown variable in the preview and refuses it before sending, under the message', async () => {
    const { body, bubble, root, tab, field, stored } = await openEditor()
    await typeInto(field('name'), 'Nickname')
    await typeInto(body(), 'Hi {{contact.nickname}}')
    await tab.updateComplete
    expect(bubble()).to.equal('Hi {{contact.nickname}}')
    expect(root.querySelector('.preview .failed')?.textContent?.trim()).to.equal(
      'Not in the catalog, so never filled in: {{contact.nickname}}',
    )
    const posts: string[] = []
    const real = window.fetch
    window.fetch = (input, init) => {
      if (init?.method === 'POST') posts.push(String(input))
      return real(input, init)
    }
    try {
      root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click()
      await until(() => !!field<Field>('body').error, 'the error under the message')
    } finally {
      window.fetch = real
    }
    expect(field<Field>('body').error).to.equal(
      'Unknown variable {{contact.nickname}}. Insert one from the list below.',
    )
    expect(posts, 'nothing sent').to.deep.equal([])
    expect(await stored()).to.deep.equal([])
  })

  it("previews a chosen contact's values as the server renders them; a value it lacks stays as written", async () => {
    const slug = uniqueSlug('templates')
    const first = await openTab('message-templates', 'admin', { slug, readySelector: 'cg-resource-list' })
    const [bruno] = await rest<{ id: string }[]>(first.session.access_token, 'contacts', {
      method: 'POST',
      body: { name: 'Bruno Díaz', email: 'bruno@example.com' },
    })
    first.page.remove()
    const { body, bubble, root, tab, token } = await openEditor(slug)
    const text =
      'Hola {{contact.first_name}} ({{contact.email}}), {{contact.phone}}. {{agent.name}}, {{organization.name}}'
    await typeInto(body(), text)
    const select = () => root.querySelector<HTMLSelectElement>('select[name="preview-contact"]')!
    await until(() => select().options.length === 2, 'the contacts to preview with')
    select().value = bruno!.id
    select().dispatchEvent(new Event('change'))
    await tab.updateComplete
    const rendered = await callFunction<{ text: string; unresolved: string[] }>(token, 'render-template', {
      body: text,
      contact_id: bruno!.id,
    })
    expect(rendered.unresolved, 'a dev member has no name').to.deep.equal(['contact.phone', 'agent.name'])
    expect(bubble()).to.equal(rendered.text)
    expect(bubble()).to.contain('Hola Bruno (bruno@example.com), {{contact.phone}}.')
    expect(root.querySelector('.preview .muted')?.textContent?.trim()).to.equal(
      'Without a value, so sent as written: {{contact.phone}}, {{agent.name}}',
    )
  })

  it('a name already used in the org is refused under the name, and only the first is kept', async () => {
    const { body, root, field, stored, token } = await openEditor()
    await rest(token, 'message_templates', { method: 'POST', body: { name: 'Welcome', body: 'Hi' } })
    await typeInto(field('name'), 'welcome')
    await typeInto(body(), 'Hello again')
    root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click()
    await until(() => !!field<Field>('name').error, 'the error under the name')
    expect(field<Field>('name').error).to.equal('Already in use')
    expect((await stored()).map((t) => t.name)).to.deep.equal(['Welcome'])
  })
})
