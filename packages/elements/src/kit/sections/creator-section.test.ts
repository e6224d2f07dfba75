import {
  type ApiKey,
  GenerateApiKeyRequest,
  type GenerateApiKeyResponse,
} from '@connectgain/contracts/api-keys'
import { expect, html, oneEvent } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import { LitElement } from 'lit'
import { apiUrl, devSession, uniqueSlug, until } from '../../../test/session.ts'
import { hostPage, listOf, rest, takeSecret, typeInto } from '../../../test/tabs.ts'
import { ApiClient } from '../../api/client.ts'
import '../../form/cg-toast.ts'
import { readSession } from '../../session.ts'
import type { CgDialog } from '../cg-dialog.ts'
import { ConfirmController } from '../confirm-controller.ts'
import { FunctionController } from '../function-controller.ts'
import { ResourceController } from '../resource-controller.ts'
import type { ActionOutcome } from '../row-actions.ts'
import { tabStyles } from '../tab-styles.ts'
import { CreatorSection } from './creator-section.ts'
import { ListSection } from './list-section.ts'
import { SecretSection, secretStyles } from './secret-section.ts'

/** A tab of sections: keys a function makes (no Edit, no Delete); New opens a CreatorSection that calls it. */
class KeysHost extends LitElement {
  static override styles = [...tabStyles, secretStyles]
  readonly confirmation = new ConfirmController(this)
  readonly secret = new SecretSection(this)
  /** What a create did, from the answer (a test may show the key). */
  outcome: (key: GenerateApiKeyResponse) => ActionOutcome = (key) => ({
    ok: true,
    toast: `Key ${key.name} created.`,
    saved: { id: key.id, name: key.name },
  })
  readonly resource = new ResourceController<ApiKey>(this, {
    name: 'api_keys',
    shape: 'list',
    columns: ['id', 'name', 'prefix', 'last4'],
    order: 'created_at.asc',
  })
  readonly generate = new FunctionController<GenerateApiKeyResponse>(this, {
    name: 'generate-api-key',
    schema: GenerateApiKeyRequest,
    initial: () => ({ name: '' }),
  })
  private readonly texts = () => ({
    list: 'Keys',
    empty: 'No keys yet.',
    create: 'New key',
    submitCreate: 'Create',
  })
  private readonly fields = () => [
    { kind: 'text', name: 'name', label: 'Name', required: true, maxlength: 100 } as const,
  ]
  readonly creating = new CreatorSection(this, {
    creator: this.generate,
    fields: this.fields,
    texts: this.texts,
    secret: this.secret,
    created: (key) => this.list.finish(this.outcome(key)),
  })
  readonly list: ListSection<ApiKey> = new ListSection<ApiKey>(this, {
    tab: 'api-keys',
    resource: this.resource,
    columns: () => [{ key: 'name', label: 'Name' }],
    texts: this.texts,
    rowName: (key) => key.name,
    ask: (question) => this.confirmation.ask(question),
    fields: this.fields,
    secret: this.secret,
    readonly: () => !this.generate.canCall,
    create: (opener) => this.creating.open(opener),
  })
  override render() {
    return html`${this.list.render()} ${this.confirmation.render()} ${this.creating.render()}
      ${this.secret.render()}<cg-toast-region></cg-toast-region>`
  }
}
customElements.define('cg-keys-host', KeysHost)

/** The keys host for an admin of a fresh org, under the tab's h2 as the shell shows it; `fetcher` may fail requests. */
async function mount(fetcher: typeof fetch = (...args) => fetch(...args)) {
  const session = await devSession('admin', uniqueSlug('creat'))
  const api = new ApiClient({ baseUrl: apiUrl(), token: session.access_token, fetch: fetcher })
  const tab = document.createElement('cg-keys-host') as KeysHost
  const page = await hostPage(
    html`<h2>API Keys</h2>
      <cg-test-context .api=${api} .session=${readSession(session.access_token)}>${tab}</cg-test-context>`,
  )
  const root = tab.shadowRoot as ShadowRoot
  await until(() => !!root.querySelector('cg-resource-list'), 'the list')
  const list = listOf(root)
  await until(() => list.list.status === 'empty', 'the empty list')
  const create = () => root.querySelector<HTMLButtonElement>('[data-action="create"]')!
  const dialog = () => root.querySelector<CgDialog>('#cg-create')
  const name = () => root.querySelector<HTMLElement & { error: string }>('#cg-create-form [name="name"]')!
  const submit = () => root.querySelector<HTMLButtonElement>('button[form="cg-create-form"]')!
  const keys = () => rest<ApiKey[]>(session.access_token, 'api_keys?select=name')
  const toasts = () => root.querySelector('cg-toast-region')!.shadowRoot!.textContent!
  const open = async () => {
    create().click()
    await until(() => !!dialog()?.open, 'the create dialog')
  }
  return { page, tab, root, ...list, create, dialog, name, submit, keys, toasts, open }
}

describe('CreatorSection', () => {
  it('New opens a dialog of the fields, checked by the contract; a create reloads the list and says so', async () => {
    const { page, tab, root, button, create, dialog, name, submit, keys, rows, toasts, open } = await mount()
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
    expect(tab.creating.dirty).to.equal(true)
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
    await until(() => toasts().includes('Key Reporting created.'), 'the toast')
    expect(root.activeElement === create()).to.equal(true)
    expect(tab.creating.dirty).to.equal(false)
    expect(await keys()).to.deep.equal([{ name: 'Reporting' }])
  })

  it('Cancel and Escape close the dialog, drop what was typed (Escape asks first), and give the focus back to New', async () => {
    const { tab, root, create, dialog, name, keys, open } = await mount()
    await open()
    await typeInto(name(), 'Draft')
    await sendKeys({ press: 'Escape' })
    const discard = () => dialog()?.shadowRoot?.querySelector<HTMLButtonElement>('[part="discard"]')
    await until(() => !!discard(), 'Discard this draft?')
    expect(dialog()!.open, 'the draft stays until the member says').to.equal(true)
    discard()!.click()
    await until(() => !dialog(), 'closed')
    expect(root.activeElement === create()).to.equal(true)
    expect(tab.creating.dirty).to.equal(false)
    await open()
    expect((name() as unknown as { value: string }).value, 'starts over').to.equal('')
    root.querySelector<HTMLButtonElement>('#cg-create button[slot="footer"][type="button"]')!.click()
    await until(() => !dialog(), 'closed again')
    expect(root.activeElement === create()).to.equal(true)
    expect(await keys()).to.deep.equal([])
  })

  it('Enter in a field creates, once however often it is pressed; the button is busy meanwhile', async () => {
    const posts: string[] = []
    const fetcher: typeof fetch = (input, init) => {
      if (init?.method === 'POST') posts.push(String(input))
      return fetch(input, init)
    }
    const { root, dialog, name, submit, keys, rows, open } = await mount(fetcher)
    await open()
    await typeInto(name(), 'By Enter')
    const busy: (string | null)[] = []
    const watch = new MutationObserver(() => busy.push(submit()?.getAttribute('aria-busy') ?? null))
    watch.observe(submit(), { attributes: true, attributeFilter: ['aria-busy'] })
    await sendKeys({ press: 'Enter' })
    await sendKeys({ press: 'Enter' })
    await until(() => !dialog() && rows().length === 1, 'created')
    watch.disconnect()
    expect(busy).to.include('true')
    expect(posts.filter((url) => url.includes('generate-api-key'))).to.have.length(1)
    expect(await keys()).to.deep.equal([{ name: 'By Enter' }])
    expect(root.querySelector('#cg-create')).to.equal(null)
  })

  it('a failure no field explains is said inside the dialog, which stays open', async () => {
    let offline = false
    const fetcher: typeof fetch = (input, init) =>
      offline && init?.method === 'POST' ? Promise.reject(new TypeError('offline')) : fetch(input, init)
    const { root, dialog, name, submit, open } = await mount(fetcher)
    await open()
    await typeInto(name(), 'Reporting')
    offline = true
    submit().click()
    const alert = () => root.querySelector('#cg-create-form [role="alert"]')
    await until(() => !!alert(), 'the alert')
    expect(alert()!.textContent).to.equal('Could not reach the server. Check your connection.')
    expect(dialog()!.open).to.equal(true)
  })

  it("shows the answer's secret once, after the dialog closed, then says so", async () => {
    const { tab, root, name, submit, rows, toasts, open } = await mount()
    tab.outcome = (key) => ({
      ok: true,
      secret: { heading: 'Copy your new key', label: 'Key', value: key.api_key },
      toast: `Key ${key.name} created.`,
    })
    await open()
    await typeInto(name(), 'Shown once')
    submit().click()
    const secret = await takeSecret(root)
    expect(secret).to.match(/^ak_/)
    expect(root.querySelector('#cg-create'), 'the create dialog went first').to.equal(null)
    expect(rows()).to.deep.equal([['Shown once']])
    await until(() => toasts().includes('Key Shown once created.'), 'the toast, after the secret')
  })
})
