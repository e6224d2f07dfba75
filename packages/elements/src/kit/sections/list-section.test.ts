import type { LifecycleStage } from '@connectgain/contracts/lifecycle-stages'
import type { RoleName } from '@connectgain/contracts/permissions'
import { type Tag, TagInsert, TagUpdate } from '@connectgain/contracts/tags'
import { expect, oneEvent } from '@open-wc/testing'
import { sendKeys, sendMouse } from '@web/test-runner-commands'
import { html, LitElement } from 'lit'
import { contactsOnly } from '../../../test/row-action-fixture.ts'
import { apiUrl, type DevSession, devSession, uniqueSlug, until } from '../../../test/session.ts'
import { focused, heldFetch, hostPage, listOf, rest, typeInto } from '../../../test/tabs.ts'
import { ApiClient, ApiRequestError } from '../../api/client.ts'
import '../../form/cg-toast.ts'
import { readSession } from '../../session.ts'
import type { CgDialog } from '../cg-dialog.ts'
import type { CgSecretOnce } from '../cg-secret-once.ts'
import { ConfirmController } from '../confirm-controller.ts'
import { ResourceController } from '../resource-controller.ts'
import type { ActionOutcome } from '../row-actions.ts'
import { tabStyles } from '../tab-styles.ts'
import { ListSection } from './list-section.ts'
import { SecretSection, secretStyles } from './secret-section.ts'

/** A tab of sections only: tags with Edit, Delete and one action of its own ("Contacts only", asked first). */
class TagsHost extends LitElement {
  static override styles = [...tabStyles, secretStyles]
  readonly confirmation = new ConfirmController(this)
  readonly secret = new SecretSection(this)
  /** The session's token, for the action's own request. */
  token = ''
  /** What the action answers, after it made its change (a test sets it). */
  outcome: (tag: Tag) => ActionOutcome = (tag) => ({
    ok: true,
    toast: `${tag.name} moved.`,
    saved: { id: tag.id },
  })
  readonly resource = new ResourceController<Tag>(this, {
    name: 'tags',
    shape: 'list',
    columns: ['id', 'name', 'scope'],
    order: 'name.asc',
    schemas: { insert: TagInsert, update: TagUpdate },
  })
  readonly list = new ListSection<Tag>(this, {
    tab: 'tags-labels',
    resource: this.resource,
    columns: () => [
      { key: 'name', label: 'Name' },
      { key: 'scope', label: 'Applies to' },
    ],
    texts: () => ({
      list: 'Tags',
      empty: 'No tags yet.',
      create: 'New tag',
      edit: (tag) => `Edit tag ${tag.name}`,
      confirmDelete: (tag) => `Delete tag ${tag.name}?`,
      saved: 'Tag saved.',
      deleted: 'Tag deleted.',
    }),
    rowName: (tag) => tag.name,
    ask: (question) => this.confirmation.ask(question),
    fields: () => [{ kind: 'text', name: 'name', label: 'Name', required: true }],
    editable: true,
    deletable: true,
    secret: this.secret,
    rowActions: () => [contactsOnly(this)],
  })
  override render() {
    return html`${this.list.render()} ${this.confirmation.render()} ${this.secret.render()}
      <cg-toast-region></cg-toast-region>`
  }
}
customElements.define('cg-tags-host', TagsHost)

/** A list of tags that are read and removed, no more: no New, no editor; Delete is called Remove. */
class RemoveHost extends LitElement {
  static override styles = tabStyles
  readonly confirmation = new ConfirmController(this)
  /** The rows `afterDelete` was called with. */
  removed: string[] = []
  readonly resource = new ResourceController<Tag>(this, {
    name: 'tags',
    shape: 'list',
    columns: ['id', 'name'],
    order: 'name.asc',
  })
  readonly list = new ListSection<Tag>(this, {
    tab: 'tags-labels',
    resource: this.resource,
    columns: () => [{ key: 'name', label: 'Name' }],
    texts: () => ({
      list: 'Tags',
      empty: 'No tags yet.',
      confirmDelete: (tag) => ({
        heading: `Remove ${tag.name}?`,
        body: 'It stops sorting anything.',
        confirmLabel: 'Remove',
        danger: true,
      }),
      deleted: (tag) => `${tag.name} removed.`,
      deleteButton: { id: 'remove', label: 'Remove', name: (tag) => `Remove ${tag.name}` },
    }),
    rowName: (tag) => tag.name,
    ask: (question) => this.confirmation.ask(question),
    deletable: true,
    afterDelete: async (tag) => {
      this.removed.push(tag.name)
    },
    refocus: () => this.renderRoot.querySelector<HTMLElement>('#tags-heading'),
  })
  override render() {
    return html`<h3 id="tags-heading" tabindex="-1">Tags</h3>
      ${this.list.render()} ${this.confirmation.render()}<cg-toast-region></cg-toast-region>`
  }
}
customElements.define('cg-remove-host', RemoveHost)

/** The organization's lifecycle stages as an ordered list (a fresh org has eight), deleted without `deleteRefused`. */
class StagesHost extends LitElement {
  static override styles = tabStyles
  readonly confirmation = new ConfirmController(this)
  readonly resource = new ResourceController<LifecycleStage>(this, {
    name: 'lifecycle_stages',
    shape: 'list',
    columns: ['id', 'name', 'position'],
    order: 'position.asc',
    pageSize: 200,
  })
  readonly list = new ListSection<LifecycleStage>(this, {
    tab: 'lifecycle-stages',
    resource: this.resource,
    columns: () => [{ key: 'name', label: 'Name' }],
    texts: () => ({ list: 'Stages', empty: 'No stages.', confirmDelete: (s) => `Delete ${s.name}?` }),
    rowName: (stage) => stage.name,
    ask: (question) => this.confirmation.ask(question),
    deletable: true,
    ordered: true,
  })
  override render() {
    return html`${this.list.render()} ${this.confirmation.render()}<cg-toast-region></cg-toast-region>`
  }
}
customElements.define('cg-stages-host', StagesHost)

/** The host element in a page as the shell shows a tab: under the tab's h2, with `session`'s API and session. */
async function mountUnderHeading<T extends HTMLElement>(tag: string, session: DevSession) {
  const api = new ApiClient({ baseUrl: apiUrl(), token: session.access_token })
  const tab = document.createElement(tag) as T
  const page = await hostPage(
    html`<h2>Settings</h2>
      <cg-test-context .api=${api} .session=${readSession(session.access_token)}>${tab}</cg-test-context>`,
  )
  const root = tab.shadowRoot as ShadowRoot
  await until(() => !!root.querySelector('cg-resource-list'), 'the list')
  return { page, tab, root }
}

/** `tag` in a fresh org with the tags VIP (both) and Lead (contacts), for `role` (an admin unless said). */
async function mount<T extends HTMLElement>(tag: string, role: RoleName = 'admin', ready = 2) {
  const slug = uniqueSlug('sect')
  const admin = await devSession('admin', slug)
  for (const [name, scope] of [
    ['VIP', 'both'],
    ['Lead', 'contacts'],
  ]) {
    await rest(admin.access_token, 'tags', { method: 'POST', body: { name, scope } })
  }
  const session = role === 'admin' ? admin : await devSession(role, slug)
  const mounted = await mountUnderHeading<T>(tag, session)
  const list = listOf(mounted.root)
  await until(() => list.rows().length === ready, 'the rows')
  const { root } = mounted
  const confirm = root.querySelector<CgDialog>('#cg-confirm')!
  const part = (name: string) => confirm.shadowRoot!.querySelector<HTMLButtonElement>(`[part="${name}"]`)!
  const toasts = () => root.querySelector('cg-toast-region')!.shadowRoot!.textContent!
  const tags = () =>
    rest<Pick<Tag, 'name' | 'scope'>[]>(admin.access_token, 'tags?select=name,scope&order=name')
  const create = () => root.querySelector<HTMLButtonElement>('[data-action="create"]')
  return { ...mounted, ...list, admin, confirm, part, toasts, tags, create }
}

/** The tags host, whose action can make its change (it has the admin's token). */
async function mountTags() {
  const mounted = await mount<TagsHost>('cg-tags-host')
  mounted.tab.token = mounted.admin.access_token
  return mounted
}

describe('ListSection', () => {
  it("shows the rows with Edit, the tab's actions and Delete, on the rows they apply to; beyond two in More", async () => {
    const { page, button, list } = await mountTags()
    const cell = button('contacts', 'VIP')!.closest('td')!
    expect([...cell.querySelectorAll('button')].map((b) => b.dataset.action)).to.deep.equal([
      'edit',
      'more',
      'contacts',
      'delete',
    ])
    const lead = button('edit', 'Lead')!.closest('td')!
    expect(
      [...lead.querySelectorAll('button')].map((b) => b.dataset.action),
      'two: both shown',
    ).to.deep.equal(['edit', 'delete'])
    expect(button('edit', 'VIP')!.getAttribute('aria-label')).to.equal('Edit VIP')
    expect(button('delete', 'VIP')!.getAttribute('aria-label')).to.equal('Delete VIP')
    expect(button('contacts', 'VIP')!.getAttribute('aria-label')).to.equal('Apply VIP to contacts only')
    expect(button('contacts', 'Lead'), '`when` leaves it off this row').to.equal(null)
    expect(list.shadowRoot!.querySelector('th.actions')!.textContent!.trim()).to.equal('Actions')
    await expect(page).to.be.accessible()
  })

  it('More is a menu button: Enter, Space and ArrowDown open it, arrows move, Escape and Tab close it, so does a click outside', async () => {
    const { page, button, confirm, part } = await mountTags()
    const more = () => button('more', 'VIP')!
    const menu = () => more().nextElementSibling as HTMLElement
    const open = () => menu().matches(':popover-open')
    const at = () => (focused() as HTMLElement | null)?.dataset.action ?? ''
    expect(more().textContent!.trim()).to.equal('More')
    expect(more().getAttribute('aria-label')).to.equal('More actions for VIP')
    expect(more().getAttribute('aria-haspopup')).to.equal('menu')
    expect(more().getAttribute('aria-expanded')).to.equal('false')
    expect(menu().getAttribute('role')).to.equal('menu')
    expect([...menu().querySelectorAll('[role="menuitem"]')].map((b) => b.textContent!.trim())).to.deep.equal(
      ['Contacts only', 'Delete'],
    )
    expect(open()).to.equal(false)

    more().focus()
    await sendKeys({ press: 'Enter' })
    await until(() => at() === 'contacts', 'Enter: open, the first item focused')
    expect(more().getAttribute('aria-expanded')).to.equal('true')
    await expect(page).to.be.accessible()
    await sendKeys({ press: 'ArrowDown' })
    expect(at()).to.equal('delete')
    await sendKeys({ press: 'ArrowDown' })
    expect(at(), 'round to the first').to.equal('contacts')
    await sendKeys({ press: 'ArrowUp' })
    expect(at(), 'round to the last').to.equal('delete')
    await sendKeys({ press: 'Escape' })
    await until(() => !open(), 'Escape: closed')
    expect(at(), 'the focus back on More').to.equal('more')
    expect(more().getAttribute('aria-expanded')).to.equal('false')

    await sendKeys({ press: 'Space' })
    await until(() => at() === 'contacts', 'Space: open')
    await sendKeys({ press: 'Tab' })
    await until(() => !open(), 'Tab: closed')
    expect(more().getAttribute('aria-expanded')).to.equal('false')
    expect(at(), 'the focus left the menu').not.to.equal('contacts')

    more().focus()
    await sendKeys({ press: 'ArrowDown' })
    await until(() => at() === 'contacts', 'ArrowDown: open')
    const heading = page.querySelector('h1')!.getBoundingClientRect()
    await sendMouse({ type: 'click', position: [Math.round(heading.left + 4), Math.round(heading.top + 4)] })
    await until(() => !open(), 'a click outside: closed')
    expect(more().getAttribute('aria-expanded')).to.equal('false')

    // An item runs its action from the menu, which closes; Cancel gives the focus back to More.
    more().focus()
    await sendKeys({ press: 'Enter' })
    await until(() => at() === 'contacts', 'open again')
    await sendKeys({ press: 'ArrowDown' })
    await sendKeys({ press: 'Enter' })
    await until(() => confirm.open, 'the delete question')
    expect(open()).to.equal(false)
    part('cancel').click()
    await until(() => at() === 'more', 'the focus back on More')
  })

  it('below 600 px of its own width (the page is wider) shows each row as a card of label and value pairs, and its buttons', async () => {
    const { page, tab, list, button } = await mountTags()
    const shadow = list.shadowRoot!
    const row = () => button('edit', 'VIP')!.closest('tr')!
    const labels = () =>
      [...row().querySelectorAll('td')].map((td) =>
        getComputedStyle(td, '::before').content.replaceAll('"', ''),
      )
    expect(getComputedStyle(row()).display, 'a table row when wide').to.equal('table-row')
    tab.style.display = 'block'
    tab.style.width = '390px'
    await until(() => getComputedStyle(row()).display === 'block', 'a card')
    expect(window.innerWidth, 'the page itself is wider').to.be.above(600)
    expect(labels()).to.deep.equal(['Name', 'Applies to', 'none'])
    expect(
      [...row().querySelectorAll('td')].map((td) => td.textContent!.trim().split(/\s+/)[0]),
    ).to.deep.equal(['VIP', 'both', 'Edit'])
    const card = row().getBoundingClientRect()
    expect(card.right <= tab.getBoundingClientRect().right, 'the card fits the list').to.equal(true)
    for (const action of ['edit', 'more']) {
      const rect = button(action, 'VIP')!.getBoundingClientRect()
      expect(rect.left >= card.left && rect.right <= card.right, `${action} inside its card`).to.equal(true)
    }
    expect(
      shadow.querySelector('thead')!.getBoundingClientRect().width,
      'headers only for screen readers',
    ).to.be.at.most(1)
    expect(document.documentElement.scrollWidth).to.equal(document.documentElement.clientWidth)
    await expect(page).to.be.accessible()
  })

  it('New shows the editor in place of the list; Save says so, fires cg-saved, and refocuses New', async () => {
    const { page, tab, root, list, rows, toasts, tags, create } = await mountTags()
    const form = () => root.querySelector('form')
    const name = () => root.querySelector<HTMLElement>('form [name="name"]')!
    create()!.focus()
    create()!.click()
    await until(() => !!form() && root.activeElement === name(), 'the editor, its first field focused')
    expect(list.parentElement!.hidden, 'the editor replaces the list').to.equal(true)
    expect(root.querySelector('#cg-editor-heading')!.textContent).to.equal('New tag')
    await expect(page).to.be.accessible()
    await typeInto(name(), 'Gold')
    expect(tab.list.dirty).to.equal(true)
    const saved = oneEvent(tab, 'cg-saved')
    root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click()
    const event = await saved
    expect(event.detail).to.deep.include({ tab: 'tags-labels', resource: 'tags' })
    expect(event.detail.value).to.include({ name: 'Gold' })
    await until(() => !form() && rows().length === 3, 'the list again, with the new row')
    await until(() => toasts().includes('Tag saved.'), 'the toast')
    await until(() => root.activeElement === create(), 'the focus back on New')
    expect(tab.list.dirty).to.equal(false)
    expect((await tags()).map((t) => t.name)).to.deep.equal(['Gold', 'Lead', 'VIP'])
  })

  it('Edit starts from the row with Save off; Cancel drops the changes and gives the focus back to Edit', async () => {
    const { tab, root, button, tags } = await mountTags()
    const form = () => root.querySelector('form')
    const name = () => root.querySelector<HTMLElement & { value: string }>('form [name="name"]')!
    button('edit', 'VIP')!.click()
    await until(() => !!form(), 'the editor for VIP')
    expect(root.querySelector('#cg-editor-heading')!.textContent).to.equal('Edit tag VIP')
    expect(name().value).to.equal('VIP')
    const submit = root.querySelector<HTMLButtonElement>('form button[type="submit"]')!
    expect(submit.disabled, 'nothing changed yet').to.equal(true)
    await typeInto(name(), 'Draft')
    await tab.updateComplete
    expect(submit.disabled).to.equal(false)
    expect(tab.list.dirty).to.equal(true)
    root.querySelector<HTMLButtonElement>('form .actions button[type="button"]')!.click() // Cancel
    await until(() => !form(), 'the list again')
    expect(tab.list.dirty, 'the edit was dropped').to.equal(false)
    await until(() => focused() === button('edit', 'VIP'), 'the focus back on Edit')
    expect((await tags()).map((t) => t.name)).to.deep.equal(['Lead', 'VIP'])
  })

  it('Delete asks first: Cancel keeps the row; confirming deletes it, says so, and the focus goes to New', async () => {
    const { root, button, rows, confirm, part, toasts, tags, create } = await mountTags()
    button('delete', 'VIP')!.click()
    await until(() => confirm.open, 'the question')
    expect(confirm.heading).to.equal('Delete tag VIP?')
    expect(confirm.textContent).to.equal('This cannot be undone.')
    expect(part('confirm').textContent!.trim()).to.equal('Delete')
    expect(part('confirm').className, 'destructive').to.equal('danger')
    part('cancel').click()
    await until(() => !confirm.open, 'cancelled')
    expect(await tags()).to.have.length(2)

    button('delete', 'VIP')!.click()
    await until(() => confirm.open, 'the question again')
    part('confirm').click()
    await until(() => rows().length === 1, 'the row gone')
    await until(() => toasts().includes('Tag deleted.'), 'the toast')
    expect(root.activeElement === create(), 'its row is gone: the focus goes to New').to.equal(true)
    expect((await tags()).map((t) => t.name)).to.deep.equal(['Lead'])
  })

  it('a row action asks first: Cancel runs nothing; confirming runs it, reloads, says so, fires cg-saved', async () => {
    const { tab, root, button, confirm, part, toasts, tags, rows, create } = await mountTags()
    button('contacts', 'VIP')!.click()
    await until(() => confirm.open, 'the question')
    expect(confirm.heading).to.equal('Apply VIP to contacts only?')
    expect(confirm.textContent).to.equal('Conversations lose it.')
    expect(part('confirm').textContent!.trim()).to.equal('Apply')
    expect(part('confirm').className, 'not destructive').to.equal('primary')
    await sendKeys({ press: 'Escape' })
    await until(() => !confirm.open, 'closed')
    expect((await tags()).find((t) => t.name === 'VIP')!.scope).to.equal('both')

    button('contacts', 'VIP')!.click()
    await until(() => confirm.open, 'the question again')
    const saved = oneEvent(tab, 'cg-saved')
    part('confirm').click()
    const event = await saved
    expect(event.detail.tab).to.equal('tags-labels')
    expect(event.detail.resource).to.equal('tags')
    expect(event.detail.value).to.have.property('id')
    expect((await tags()).find((t) => t.name === 'VIP')!.scope).to.equal('contacts')
    await until(() => rows()[1]?.[1] === 'contacts', 'the list reloaded')
    expect(button('contacts', 'VIP'), 'it no longer applies').to.equal(null)
    await until(() => toasts().includes('VIP moved.'), 'the toast')
    expect(root.activeElement === create(), 'its button is gone: the focus goes to New').to.equal(true)
  })

  it('a failed action says why in an error toast and changes nothing', async () => {
    const { tab, button, confirm, part, toasts, tags } = await mountTags()
    tab.outcome = () => ({
      ok: false,
      reason: 'failed',
      error: new ApiRequestError(409, 'CG409', 'This tag is locked'),
    })
    let saved = 0
    tab.addEventListener('cg-saved', () => saved++)
    button('contacts', 'VIP')!.click()
    await until(() => confirm.open, 'the question')
    part('confirm').click()
    await until(() => toasts().includes('This tag is locked'), 'the error toast')
    expect((await tags()).find((t) => t.name === 'VIP')!.scope).to.equal('both')
    expect(saved).to.equal(0)
  })

  it('shows a secret from the outcome once; Done takes it off the page and the focus goes back', async () => {
    const { tab, root, button, confirm, part, create } = await mountTags()
    const secret = 'whsec_dGhpcyBpcyBhIHRlc3Qgc2VjcmV0IQ'
    tab.outcome = () => ({
      ok: true,
      secret: { heading: 'Your new signing secret', label: 'Secret', value: secret },
    })
    button('contacts', 'VIP')!.click()
    await until(() => confirm.open, 'the question')
    part('confirm').click()
    const panel = () => root.querySelector<CgSecretOnce>('cg-secret-once')
    await until(() => !!panel()?.shadowRoot?.querySelector('cg-secret-field'), 'the secret')
    const dialog = root.querySelector<CgDialog>('#cg-secret')!
    expect(dialog.heading).to.equal('Your new signing secret')
    expect(panel()!.value).to.equal(secret)
    expect(tab.secret.dirty, 'leaving now would lose it').to.equal(true)
    panel()!.shadowRoot!.querySelector<HTMLInputElement>('#stored')!.click()
    await panel()!.updateComplete
    panel()!.shadowRoot!.querySelector<HTMLButtonElement>('[part="done"]')!.click()
    await until(() => !root.querySelector('#cg-secret'), 'the secret dialog gone')
    expect(panel()).to.equal(null)
    expect(tab.secret.dirty).to.equal(false)
    expect(root.activeElement === create()).to.equal(true)
  })

  it('a role that cannot write gets the list and a note saying why, without New or any row button', async () => {
    const { page, root, list, rows, button, create } = await mount<TagsHost>('cg-tags-host', 'agent')
    expect(root.querySelector('.note')!.textContent).to.contain('Only owners and admins')
    expect(create()).to.equal(null)
    expect(rows()).to.deep.equal([
      ['Lead', 'contacts'],
      ['VIP', 'both'],
    ])
    expect(button('edit', 'VIP')).to.equal(null)
    expect(list.shadowRoot!.querySelector('th.actions'), 'no actions column').to.equal(null)
    await expect(page).to.be.accessible()
  })
})

describe('ListSection that reads and removes', () => {
  it('has no New or Edit; Remove asks its own question, names the row gone, and refocuses where told', async () => {
    const { page, tab, root, button, rows, confirm, part, toasts, tags, create } =
      await mount<RemoveHost>('cg-remove-host')
    expect(create()).to.equal(null)
    expect(root.querySelector('.toolbar')).to.equal(null)
    expect(button('edit', 'VIP')).to.equal(null)
    const remove = button('remove', 'VIP')!
    expect(remove.textContent!.trim()).to.equal('Remove')
    expect(remove.getAttribute('aria-label')).to.equal('Remove VIP')
    await expect(page).to.be.accessible()

    remove.click()
    await until(() => confirm.open, 'the question')
    expect(confirm.heading).to.equal('Remove VIP?')
    expect(confirm.textContent).to.equal('It stops sorting anything.')
    expect(part('confirm').textContent!.trim()).to.equal('Remove')
    part('confirm').click()
    await until(() => rows().length === 1, 'the row gone')
    await until(() => toasts().includes('VIP removed.'), 'the toast')
    expect(tab.removed, 'afterDelete, once').to.deep.equal(['VIP'])
    expect(root.activeElement?.id).to.equal('tags-heading')
    expect((await tags()).map((t) => t.name)).to.deep.equal(['Lead'])
  })
})

describe('ListSection of an ordered resource', () => {
  it('moves a row with the keyboard: one reorder, the focus stays on the button, the move announced', async () => {
    const { root, list, rows } = await mount<StagesHost>('cg-stages-host', 'admin', 8)
    const move = (direction: 'up' | 'down', name: string) =>
      list.shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="Move ${name} ${direction}"]`)!
    const first = rows()[0]![1]!
    const second = rows()[1]![1]!
    expect(move('up', first).disabled, 'the first row cannot move up').to.equal(true)
    move('down', first).focus()
    await sendKeys({ press: 'Enter' })
    await until(() => rows()[1]?.[1] === first, `${first} in second place`)
    expect(rows()[0]![1]).to.equal(second)
    const announced = () => root.querySelector('[role="status"]')!.textContent
    await until(() => announced() === `${first} moved to position 2 of 8.`, 'the move announced')
    expect(focused()).to.equal(move('down', first))
  })

  it('a delete the server refuses, and no tab resolves, is an error toast', async () => {
    const { admin, root, button, rows, confirm, part } = await mount<StagesHost>('cg-stages-host', 'admin', 8)
    const [stage] = await rest<LifecycleStage[]>(
      admin.access_token,
      'lifecycle_stages?select=id,name&is_default=eq.false&order=position',
    )
    await rest(admin.access_token, 'contacts', {
      method: 'POST',
      body: { name: 'Ana', lifecycle_stage_id: stage!.id },
    })
    button('delete', stage!.name)!.click()
    await until(() => confirm.open, 'the question')
    part('confirm').click()
    const errors = () => root.querySelector('cg-toast-region')!.shadowRoot!.querySelector('[role="alert"]')!
    await until(() => !!errors().querySelector('.toast'), 'the error toast')
    expect(rows(), 'nothing deleted').to.have.length(8)
    expect(confirm.open, 'not asked where its contacts go').to.equal(false)
  })
})

describe('ListSection while it loads, when it is empty, and under a double click', () => {
  it('stands skeleton rows while the list loads, then an empty state: an icon, its sentence and New, which creates', async () => {
    const session = await devSession('admin', uniqueSlug('empty'))
    const { fetch: fetcher, release } = heldFetch()
    const api = new ApiClient({ baseUrl: apiUrl(), token: session.access_token, fetch: fetcher })
    const tab = document.createElement('cg-tags-host') as TagsHost
    tab.token = session.access_token
    const page = await hostPage(
      html`<h2>Settings</h2>
        <cg-test-context .api=${api} .session=${readSession(session.access_token)}>${tab}</cg-test-context>`,
    )
    const root = tab.shadowRoot!
    const { list, rows } = listOf(root)
    const shadow = () => list.shadowRoot!
    await until(() => !!shadow().querySelector('.skeleton'), 'the skeleton')
    const skeleton = shadow().querySelector('.skeleton')!
    expect(skeleton.getAttribute('aria-busy')).to.equal('true')
    expect(skeleton.querySelectorAll('.bone').length, 'rows where the rows will be').to.equal(3)
    expect(skeleton.querySelector('[role="status"]')!.textContent).to.equal('Loading…')
    await expect(page).to.be.accessible()

    release()
    await until(() => !!shadow().querySelector('.empty-state'), 'the empty state')
    const empty = shadow().querySelector('.empty-state')!
    expect(empty.querySelector('svg')!.getAttribute('aria-hidden'), 'the icon is decoration').to.equal('true')
    expect(empty.querySelector('[role="status"]')!.textContent).to.equal('No tags yet.')
    const first = () => root.querySelector<HTMLButtonElement>('[data-action="create-first"]')
    expect(first()!.textContent!.trim()).to.equal('New tag')
    expect(first()!.assignedSlot?.name, 'shown under the sentence').to.equal('empty')
    await expect(page).to.be.accessible()

    first()!.click()
    const name = () => root.querySelector<HTMLElement>('form [name="name"]')
    await until(() => !!name() && root.activeElement === name(), 'the same editor New opens')
    expect(root.querySelector('#cg-editor-heading')!.textContent).to.equal('New tag')
    await typeInto(name()!, 'First')
    await sendKeys({ press: 'Enter' })
    await until(() => rows().length === 1, 'the row, saved by Enter')
    expect(first(), 'no empty state once there is a row').to.equal(null)
    await until(
      () => root.activeElement === root.querySelector('[data-action="create"]'),
      'the focus on New, its button gone',
    )
  })

  it('a double click on a row action runs it once, its button busy meanwhile; a delete sends one request', async () => {
    const session = await devSession('admin', uniqueSlug('once'))
    for (const name of ['VIP', 'Lead'])
      await rest(session.access_token, 'tags', { method: 'POST', body: { name, scope: 'both' } })
    const deletes: string[] = []
    const fetcher: typeof fetch = (input, init) => {
      if (init?.method === 'DELETE') deletes.push(String(input))
      return fetch(input, init)
    }
    const api = new ApiClient({ baseUrl: apiUrl(), token: session.access_token, fetch: fetcher })
    const tab = document.createElement('cg-tags-host') as TagsHost
    tab.token = session.access_token
    await hostPage(
      html`<cg-test-context .api=${api} .session=${readSession(session.access_token)}>${tab}</cg-test-context>`,
    )
    const root = tab.shadowRoot!
    const { list, rows, button } = listOf(root)
    await until(() => rows().length === 2, 'the rows')
    const confirm = root.querySelector<CgDialog>('#cg-confirm')!
    const part = (name: string) => confirm.shadowRoot!.querySelector<HTMLButtonElement>(`[part="${name}"]`)!
    const toasts = () => root.querySelector('cg-toast-region')!.shadowRoot!.textContent!
    const busyIn = (rowText: string) =>
      [...list.shadowRoot!.querySelectorAll('tbody tr')]
        .find((tr) => tr.textContent!.includes(rowText))!
        .querySelectorAll('[aria-busy="true"]').length
    let runs = 0
    tab.outcome = (tag) => {
      runs++
      return { ok: true, toast: `${tag.name} moved.` }
    }
    button('contacts', 'VIP')!.click()
    button('contacts', 'VIP')!.click()
    expect(busyIn('VIP'), 'its button busy from the first click').to.equal(1)
    await until(() => confirm.open, 'the question, asked once')
    part('confirm').click()
    await until(() => toasts().includes('VIP moved.'), 'the outcome')
    expect(runs).to.equal(1)
    await until(() => busyIn('VIP') === 0, 'not busy once done')

    button('delete', 'Lead')!.click()
    await until(() => confirm.open, 'the delete question')
    button('delete', 'Lead')!.click() // a second click, behind the question: nothing more
    part('confirm').click()
    part('confirm').click()
    await until(() => toasts().includes('Tag deleted.'), 'deleted')
    expect(deletes, 'one DELETE').to.have.length(1)
    await until(() => rows().length === 1, 'the row gone')
  })
})
