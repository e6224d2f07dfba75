import {
  type ApiKey,
  GenerateApiKeyRequest,
  type GenerateApiKeyResponse,
} from '@connectgain/contracts/api-keys'
import { type Tag, TagInsert, TagUpdate } from '@connectgain/contracts/tags'
import { expect, oneEvent } from '@open-wc/testing'
import { html } from 'lit'
import { contactsOnly } from '../../test/row-action-fixture.ts'
import { devSession, uniqueSlug, until } from '../../test/session.ts'
import { listOf, mountTab, rest, typeInto } from '../../test/tabs.ts'
import type { CgDialog } from './cg-dialog.ts'
import type { ListColumn } from './cg-resource-list.ts'
import type { FieldSpec } from './fields.ts'
import { FunctionController } from './function-controller.ts'
import { ListTab, type ListTexts } from './list-tab.ts'
import { ResourceController } from './resource-controller.ts'
import type { ActionOutcome, RowAction } from './row-actions.ts'

/**
 * A list tab with Edit and Delete and one action of its own ("Contacts only", asked first), a toolbar button, a line
 * under the list, and Lead that cannot be deleted. The sections' own tests (sections/*.test.ts) go through each step;
 * these check that the preset's hooks reach them.
 */
class ActionsTab extends ListTab<Tag> {
  protected readonly tab = 'tags-labels'
  protected readonly resource = new ResourceController<Tag>(this, {
    name: 'tags',
    shape: 'list',
    columns: ['id', 'name', 'scope'],
    order: 'name.asc',
    schemas: { insert: TagInsert, update: TagUpdate },
  })
  /** The session's token, for the action's own request. */
  token = ''
  /** What the action answers, after it made its change (a test sets it). */
  outcome: (tag: Tag) => ActionOutcome = (tag) => ({
    ok: true,
    toast: `${tag.name} moved.`,
    saved: { id: tag.id },
  })

  protected texts(): ListTexts<Tag> {
    return {
      list: 'Tags',
      empty: 'No tags yet.',
      create: 'New tag',
      edit: (tag) => `Edit tag ${tag.name}`,
      confirmDelete: (tag) => `Delete tag ${tag.name}?`,
      saved: 'Tag saved.',
      deleted: 'Tag deleted.',
    }
  }
  protected rowName(tag: Tag) {
    return tag.name
  }
  protected columns(): ListColumn<Tag>[] {
    return [
      { key: 'name', label: 'Name' },
      { key: 'scope', label: 'Applies to' },
    ]
  }
  protected fields(): FieldSpec[] {
    return [{ kind: 'text', name: 'name', label: 'Name', required: true }]
  }
  protected override canDelete(tag: Tag): boolean {
    return tag.name !== 'Lead'
  }
  protected override toolbar() {
    return html`<button type="button" data-action="export">Export</button>`
  }
  protected override belowList() {
    return html`<p class="below">${this.resource.rows.length} tags</p>`
  }
  protected override rowActions(): RowAction<Tag>[] {
    return [contactsOnly(this)]
  }
}
customElements.define('cg-actions-tab', ActionsTab)

/** A list whose rows a function creates: no Edit, no Delete; New opens a dialog that calls it. */
class CreatedTab extends ListTab<ApiKey, GenerateApiKeyResponse> {
  protected readonly tab = 'api-keys'
  protected readonly resource = new ResourceController<ApiKey>(this, {
    name: 'api_keys',
    shape: 'list',
    columns: ['id', 'name', 'prefix', 'last4'],
    order: 'created_at.asc',
    schemas: { update: GenerateApiKeyRequest },
  })
  protected override readonly editable = false
  protected override readonly deletable = false
  protected override readonly creator = new FunctionController<GenerateApiKeyResponse>(this, {
    name: 'generate-api-key',
    schema: GenerateApiKeyRequest,
    initial: () => ({ name: '' }),
  })
  protected override created(key: GenerateApiKeyResponse): ActionOutcome {
    return { ok: true, toast: `Key ${key.name} created.`, saved: { id: key.id, name: key.name } }
  }
  protected texts(): ListTexts<ApiKey> {
    return { list: 'Keys', empty: 'No keys yet.', create: 'New key', submitCreate: 'Create' }
  }
  protected rowName(key: ApiKey) {
    return key.name
  }
  protected columns(): ListColumn<ApiKey>[] {
    return [{ key: 'name', label: 'Name' }]
  }
  protected fields(): FieldSpec[] {
    return [{ kind: 'text', name: 'name', label: 'Name', required: true, maxlength: 100 }]
  }
}
customElements.define('cg-created-tab', CreatedTab)

async function mountActions() {
  const session = await devSession('admin', uniqueSlug('kit'))
  for (const [name, scope] of [
    ['VIP', 'both'],
    ['Lead', 'contacts'],
  ]) {
    await rest(session.access_token, 'tags', { method: 'POST', body: { name, scope } })
  }
  const mounted = await mountTab<ActionsTab>('cg-actions-tab', session, 'cg-resource-list')
  mounted.tab.token = session.access_token
  const list = listOf(mounted.root)
  await until(() => list.rows().length === 2, 'the rows')
  return { ...mounted, ...list, session }
}

async function mountCreated(fetcher?: typeof fetch) {
  const session = await devSession('admin', uniqueSlug('kit'))
  const mounted = await mountTab<CreatedTab>('cg-created-tab', session, 'cg-resource-list', fetcher)
  const list = listOf(mounted.root)
  await until(() => list.list.status === 'empty', 'the empty list')
  const { root } = mounted
  const create = () => root.querySelector<HTMLButtonElement>('[data-action="create"]')!
  const dialog = () => root.querySelector<CgDialog>('#cg-create')
  const name = () => root.querySelector<HTMLElement & { error: string }>('#cg-create-form [name="name"]')!
  const submit = () => root.querySelector<HTMLButtonElement>('button[form="cg-create-form"]')!
  const keys = () => rest<ApiKey[]>(session.access_token, 'api_keys?select=name')
  const open = async () => {
    create().click()
    await until(() => !!dialog()?.open, 'the create dialog')
  }
  return { ...mounted, ...list, create, dialog, name, submit, keys, open }
}

describe('ListTab', () => {
  it("puts the tab's actions between Edit and Delete, on the rows they apply to, named per row", async () => {
    const { page, button, list } = await mountActions()
    expect(button('edit', 'VIP')).not.to.equal(null)
    expect(button('delete', 'VIP')).not.to.equal(null)
    const action = button('contacts', 'VIP')!
    expect(action.textContent!.trim()).to.equal('Contacts only')
    expect(action.getAttribute('aria-label')).to.equal('Apply VIP to contacts only')
    const cell = action.closest('td')!
    expect([...cell.querySelectorAll('button')].map((b) => b.dataset.action)).to.deep.equal([
      'edit',
      'more', // beyond two, the first stays and More holds the others (Delete last)
      'contacts',
      'delete',
    ])
    expect(button('contacts', 'Lead'), '`when` leaves it off this row').to.equal(null)
    expect(list.shadowRoot!.querySelector('th.actions')!.textContent!.trim()).to.equal('Actions')
    await expect(page).to.be.accessible()
  })

  it('draws its hooks: canDelete() per row, toolbar() after New, belowList() under the list; Edit is unsaved work', async () => {
    const { tab, root, button } = await mountActions()
    expect(button('delete', 'VIP')).not.to.equal(null)
    expect(button('delete', 'Lead'), 'canDelete() refuses it').to.equal(null)
    const toolbar = [...root.querySelectorAll('.toolbar button')].map(
      (b) => (b as HTMLElement).dataset.action,
    )
    expect(toolbar).to.deep.equal(['create', 'export'])
    const below = root.querySelector('.below')!
    expect(below.textContent).to.equal('2 tags')
    expect(below.previousElementSibling?.localName, 'under the list').to.equal('cg-resource-list')
    button('edit', 'VIP')!.click()
    await until(() => !!root.querySelector('form [name="name"]'), 'the editor')
    expect(tab.hasUnsavedChanges, 'not before a change').to.equal(false)
    await typeInto(root.querySelector<HTMLElement>('form [name="name"]')!, 'Gold')
    expect(tab.hasUnsavedChanges).to.equal(true)
  })
})

describe('ListTab created by a function', () => {
  it('has no Edit or Delete; New opens a dialog of the fields that calls the function', async () => {
    const { page, tab, root, button, create, dialog, name, submit, keys, rows, open } = await mountCreated()
    await open()
    expect(dialog()!.heading).to.equal('New key')
    expect(submit().textContent!.trim()).to.equal('Create')
    expect(root.activeElement === name(), 'the first field has the focus').to.equal(true)
    await expect(page).to.be.accessible()

    submit().click()
    await until(() => name().error !== '', 'the name error')
    expect(name().error).to.equal('Required')
    expect(await keys(), 'nothing sent').to.deep.equal([])

    await typeInto(name(), 'Reporting')
    expect(tab.hasUnsavedChanges).to.equal(true)
    const saved = oneEvent(tab, 'cg-saved')
    submit().click()
    const event = await saved
    expect(event.detail).to.deep.include({ tab: 'api-keys', resource: 'api_keys' })
    expect(event.detail.value).to.include({ name: 'Reporting' })
    await until(() => !dialog(), 'the dialog gone')
    await until(() => rows().length === 1, 'the row')
    expect(rows()[0]).to.deep.equal(['Reporting'])
    expect(button('edit', 'Reporting')).to.equal(null)
    expect(button('delete', 'Reporting')).to.equal(null)
    expect(listOf(root).list.shadowRoot!.querySelector('th.actions'), 'no actions column').to.equal(null)
    expect(root.activeElement === create()).to.equal(true)
    expect(await keys()).to.deep.equal([{ name: 'Reporting' }])
  })
})
