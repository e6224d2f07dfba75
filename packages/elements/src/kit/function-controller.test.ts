import {
  type ApiKey,
  GenerateApiKeyRequest,
  type GenerateApiKeyResponse,
  RevokeApiKeyRequest,
} from '@connectgain/contracts/api-keys'
import { expect } from '@open-wc/testing'
import { LitElement } from 'lit'
import { devSession, uniqueSlug } from '../../test/session.ts'
import { mountTab, rest } from '../../test/tabs.ts'
import { FunctionController, type FunctionSpec } from './function-controller.ts'

class FunctionHost extends LitElement {}
customElements.define('cg-function-host', FunctionHost)

/** A controller on a bare element, in the API context of `role` in a fresh org. */
async function controller<T>(spec: FunctionSpec, role: 'admin' | 'agent' = 'admin') {
  const slug = uniqueSlug('fn')
  const session = await devSession(role, slug)
  const admin = role === 'admin' ? session : await devSession('admin', slug)
  const { tab: host } = await mountTab<FunctionHost>('cg-function-host', session, '')
  const fn = new FunctionController<T>(host, spec)
  const keys = () => rest<ApiKey[]>(admin.access_token, 'api_keys?select=id,name,description,expires_at')
  return { fn, keys, session, admin }
}

const generate: FunctionSpec = { name: 'generate-api-key', schema: GenerateApiKeyRequest }

describe('FunctionController', () => {
  it('checks the body with the contract first: issues by field, nothing sent', async () => {
    const { fn, keys } = await controller(generate)
    fn.reset({ name: '  ', expires_at: 'next week' })
    expect(await fn.submit()).to.deep.equal({ ok: false, reason: 'invalid' })
    expect(fn.errors.name).to.include({ field: 'name', issue: 'too_small' })
    expect(fn.errors.expires_at).to.include({ field: 'expires_at', issue: 'custom' })
    expect(fn.errors.expires_at!.params).to.deep.include({ id: 'iso_instant' })
    expect(await keys()).to.deep.equal([])
  })

  it('sends the body the form builds, as the contract parses it, and answers with the value', async () => {
    const { fn, keys } = await controller<GenerateApiKeyResponse>({
      ...generate,
      initial: () => ({ title: '', days: 7 }),
      body: ({ title, days }) => ({
        name: title,
        expires_at: new Date(Date.now() + Number(days) * 86_400_000).toISOString(),
      }),
    })
    fn.reset()
    expect(fn.values).to.deep.equal({ title: '', days: 7 })
    expect(fn.dirty).to.equal(false)
    fn.set('title', '  Billing  ')
    expect(fn.dirty).to.equal(true)
    expect(fn.canCall).to.equal(true)
    const result = await fn.submit()
    if (!result.ok) throw new Error(`not created: ${result.reason}`)
    expect(result.value).to.include({ name: 'Billing', scope: 'full', rate_limit: 600 }) // trimmed, defaults
    expect(result.value.api_key).to.match(/^ak_/)
    const [stored] = await keys()
    expect(stored).to.include({ id: result.value.id, name: 'Billing', description: null })
    expect(Date.parse(stored!.expires_at!)).to.be.greaterThan(Date.now() + 6 * 86_400_000)
    expect(fn.busy).to.equal(false)
  })

  it("maps the server's field issues onto the fields; an issue stays until its own value changes", async () => {
    const { fn, keys } = await controller(generate)
    fn.reset({ name: 'Old', expires_at: '2020-01-01T00:00:00Z' })
    const result = await fn.submit()
    expect(result.ok === false && result.reason).to.equal('failed')
    expect(fn.errors.expires_at).to.include({ field: 'expires_at', issue: 'custom' })
    expect(fn.errors.expires_at!.params).to.deep.equal({ id: 'future' })
    fn.set('name', 'Older')
    expect(fn.errors.expires_at, 'another field changed: the issue stays').to.include({ issue: 'custom' })
    fn.set('expires_at', 'soon')
    expect(fn.errors.expires_at!.params, 'checked again in the browser').to.deep.include({
      id: 'iso_instant',
    })
    fn.set('expires_at', '2099-01-01T00:00:00Z')
    expect(fn.errors).to.deep.equal({})
    expect(await keys()).to.deep.equal([])
  })

  it('call() sends a body of its own (a row action); a refusal is a value with the error', async () => {
    const { fn } = await controller({ name: 'revoke-api-key', schema: RevokeApiKeyRequest })
    const result = await fn.call({ id: 'key_nope' })
    if (result.ok || result.reason !== 'failed') throw new Error('expected a failure')
    expect(result.error.status).to.equal(404)
    expect(result.error.code).to.equal('CG404')
    expect(fn.errors.id).to.include({ field: 'id' })
    expect(await fn.call({})).to.deep.equal({ ok: false, reason: 'invalid' })
  })

  it('knows from the permission matrix whether the role may call it; the server refuses it too', async () => {
    const { fn, keys } = await controller(generate, 'agent')
    expect(fn.canCall).to.equal(false)
    const result = await fn.call({ name: 'Sneaky' })
    expect(result.ok === false && result.reason === 'failed' && result.error.status).to.equal(403)
    expect(await keys()).to.deep.equal([])
  })

  it('sending the same body again after a lost answer is one action: one key, its answer; a new send after it is another', async () => {
    const session = await devSession('admin', uniqueSlug('fn'))
    let lose = 1
    // The request reaches the server and runs; its answer is lost on the way back (a network fault).
    const flaky: typeof fetch = async (input, init) => {
      const res = await fetch(input, init)
      if (lose-- > 0) throw new TypeError('Failed to fetch')
      return res
    }
    const { tab: host } = await mountTab<FunctionHost>('cg-function-host', session, '', flaky)
    const fn = new FunctionController<GenerateApiKeyResponse>(host, generate)
    const names = async () =>
      (await rest<ApiKey[]>(session.access_token, 'api_keys?select=id,name')).map((k) => `${k.id} ${k.name}`)
    fn.reset({ name: 'Lost answer' })
    const lost = await fn.submit()
    expect(lost.ok === false && lost.reason === 'failed' && lost.error.code).to.equal('network')
    const retried = await fn.submit()
    if (!retried.ok) throw new Error(`not answered: ${retried.reason}`)
    expect(await names()).to.deep.equal([`${retried.value.id} Lost answer`])
    expect(retried.value.api_key).to.match(/^ak_/) // the secret of the key the lost request made
    expect((await fn.submit()).ok).to.equal(true)
    expect((await names()).length).to.equal(2)
  })

  it('refuses a second call while the first is under way: one key, the second sends nothing', async () => {
    const { fn, keys } = await controller<GenerateApiKeyResponse>(generate)
    fn.reset({ name: 'Once' })
    const [first, second] = await Promise.all([fn.submit(), fn.submit()])
    expect(first.ok).to.equal(true)
    expect(second.ok === false && second.reason === 'failed' && second.error.code).to.equal('busy')
    expect(fn.busy).to.equal(false)
    expect((await keys()).map((k) => k.name)).to.deep.equal(['Once'])
  })
})
