import {
  type ApiKey,
  GenerateApiKeyRequest,
  type GenerateApiKeyResponse,
} from '@connectgain/contracts/api-keys'
import { type Tag, TagInsert, TagUpdate } from '@connectgain/contracts/tags'
import { expect, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import { devSession, uniqueSlug, until } from '../../test/session.ts'
import { listOf, mountTab, rest, typeInto } from '../../test/tabs.ts'
import { ApiRequestError } from '../api/client.ts'
import type { CgDialog } from './cg-dialog.ts'
import type { ListColumn } from './cg-resource-list.ts'
import type { CgSecretOnce } from './cg-secret-once.ts'
import type { FieldSpec } from './fields.ts'
import { FunctionController } from './function-controller.ts'
import { ListTab, type ListTexts } from './list-tab.ts'
import { ResourceController } from './resource-controller.ts'
import type { ActionOutcome, RowAction } from './row-actions.ts'

/** A list tab with Edit and Delete and one action of its own: "Contacts only", asked first. */
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
  protected override rowActions(): RowAction<Tag>[] {
    return [
      {
        id: 'contacts',
        label: 'Contacts only',
        name: (tag) => `Apply ${tag.name} to contacts only`,
        when: (tag) => tag.scope !== 'contacts',
        confirm: (tag) => ({
          heading: `Apply ${tag.name} to contacts only?`,
          body: 'Conversations lose it.',
          confirmLabel: 'Apply',
        }),
        run: async (tag) => {
          const outcome = this.outcome(tag)
          if (outcome.ok) {
            await rest(this.token, `tags?id=eq.${tag.id}`, { method: 'PATCH', body: { scope: 'contacts' } })
          }
          return outcome
        },
      },
    ]
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
  const confirm = mounted.root.querySelector<CgDialog>('#cg-confirm')!
  const part = (name: string) => confirm.shadowRoot!.querySelector<HTMLButtonElement>(`[part="${name}"]`)!
  const toasts = () => mounted.root.querySelector('cg-toast-region')!.shadowRoot!.textContent!
  const scopeOf = async (name: string) =>
    (await rest<Tag[]>(session.access_token, `tags?name=eq.${name}&select=scope`))[0]!.scope
  return { ...mounted, ...list, session, confirm, part, toasts, scopeOf }
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

describe('ListTab row actions', () => {
  it("puts the tab's actions after Edit and Delete, on the rows they apply to, named per row", async () => {
    const { page, button, list } = await mountActions()
    expect(button('edit', 'VIP')).not.to.equal(null)
    expect(button('delete', 'VIP')).not.to.equal(null)
    const action = button('contacts', 'VIP')!
    expect(action.textContent!.trim()).to.equal('Contacts only')
    expect(action.getAttribute('aria-label')).to.equal('Apply VIP to contacts only')
    const cell = action.parentElement!
    expect([...cell.querySelectorAll('button')].map((b) => b.dataset.action)).to.deep.equal([
      'edit',
      'delete',
      'contacts',
    ])
    expect(button('contacts', 'Lead'), '`when` leaves it off this row').to.equal(null)
    expect(list.shadowRoot!.querySelector('th.actions')!.textContent!.trim()).to.equal('Actions')
    await expect(page).to.be.accessible()
  })

  it('asks first: Cancel runs nothing; confirming runs it, reloads, says so, fires cg-saved, keeps the focus', async () => {
    const { tab, root, button, confirm, part, toasts, scopeOf, rows } = await mountActions()
    button('contacts', 'VIP')!.click()
    await until(() => confirm.open, 'the question')
    expect(confirm.heading).to.equal('Apply VIP to contacts only?')
    expect(confirm.textContent).to.equal('Conversations lose it.')
    expect(part('confirm').textContent!.trim()).to.equal('Apply')
    expect(part('confirm').className, 'not destructive').to.equal('primary')
    await sendKeys({ press: 'Escape' })
    await until(() => !confirm.open, 'closed')
    expect(await scopeOf('VIP')).to.equal('both')

    const opener = button('contacts', 'VIP')!
    opener.click()
    await until(() => confirm.open, 'the question again')
    const saved = oneEvent(tab, 'cg-saved')
    part('confirm').click()
    const event = await saved
    expect(event.detail.tab).to.equal('tags-labels')
    expect(event.detail.resource).to.equal('tags')
    expect(event.detail.value).to.have.property('id')
    expect(await scopeOf('VIP')).to.equal('contacts')
    await until(() => rows()[1]?.[1] === 'contacts', 'the list reloaded')
    expect(button('contacts', 'VIP'), 'it no longer applies').to.equal(null)
    await until(() => toasts().includes('VIP moved.'), 'the toast')
    expect(
      root.activeElement === root.querySelector('[data-action="create"]'),
      'its button is gone: the focus goes to New',
    ).to.equal(true)
  })

  it('a failed action says why in an error toast and changes nothing', async () => {
    const { tab, button, confirm, part, toasts, scopeOf } = await mountActions()
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
    expect(await scopeOf('VIP')).to.equal('both')
    expect(saved).to.equal(0)
  })

  it('shows a secret from the outcome once; Done takes it off the page and the focus goes back', async () => {
    const { tab, root, button, confirm, part } = await mountActions()
    const secret = 'whsec_dGhpcyBpcyBhIHRlc3Qgc2VjcmV0IQ'
    tab.outcome = () => ({
      ok: true,
      secret: { heading: 'Your new signing secret', label: 'Secret', value: secret },
    })
    const opener = button('contacts', 'VIP')!
    opener.click()
    await until(() => confirm.open, 'the question')
    part('confirm').click()
    const panel = () => root.querySelector<CgSecretOnce>('cg-secret-once')
    await until(() => !!panel()?.shadowRoot?.querySelector('cg-secret-field'), 'the secret')
    const dialog = root.querySelector<CgDialog>('#cg-secret')!
    expect(dialog.heading).to.equal('Your new signing secret')
    expect(panel()!.value).to.equal(secret)
    expect(tab.hasUnsavedChanges, 'leaving now would lose it').to.equal(true)
    panel()!.shadowRoot!.querySelector<HTMLInputElement>('#stored')!.click()
    await panel()!.updateComplete
    panel()!.shadowRoot!.querySelector<HTMLButtonElement>('[part="done"]')!.click()
    await until(() => !root.querySelector('#cg-secret'), 'the secret dialog gone')
    expect(panel()).to.equal(null)
    expect(tab.hasUnsavedChanges).to.equal(false)
    expect(root.activeElement === root.querySelector('[data-action="create"]')).to.equal(true)
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

  it('Cancel and Escape close the dialog, drop what was typed, and give the focus back to New', async () => {
    const { root, create, dialog, name, keys, open, tab } = await mountCreated()
    await open()
    await typeInto(name(), 'Draft')
    await sendKeys({ press: 'Escape' })
    await until(() => !dialog(), 'closed')
    expect(root.activeElement === create()).to.equal(true)
    expect(tab.hasUnsavedChanges).to.equal(false)
    await open()
    expect((name() as unknown as { value: string }).value, 'starts over').to.equal('')
    root.querySelector<HTMLButtonElement>('#cg-create button[slot="footer"][type="button"]')!.click()
    await until(() => !dialog(), 'closed again')
    expect(root.activeElement === create()).to.equal(true)
    expect(await keys()).to.deep.equal([])
  })

  it('a failure no field explains is said inside the dialog, which stays open', async () => {
    let offline = false
    const fetcher: typeof fetch = (input, init) =>
      offline && init?.method === 'POST' ? Promise.reject(new TypeError('offline')) : fetch(input, init)
    const { root, dialog, name, submit, open } = await mountCreated(fetcher)
    await open()
    await typeInto(name(), 'Reporting')
    offline = true
    submit().click()
    const alert = () => root.querySelector('#cg-create-form [role="alert"]')
    await until(() => !!alert(), 'the alert')
    expect(alert()!.textContent).to.equal('Could not reach the server. Check your connection.')
    expect(dialog()!.open).to.equal(true)
  })
})
