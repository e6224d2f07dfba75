import { expect } from '@open-wc/testing'
import { apiUrl, devSession, uniqueSlug } from '../../test/session.ts'
import { ApiClient } from './client.ts'

describe('ApiClient', () => {
  it('sends a fresh Idempotency-Key with each POST, the same one on its retry after a new token, none on a GET', async () => {
    const session = await devSession('admin', uniqueSlug('client'))
    const sent: string[] = []
    const api = new ApiClient({
      baseUrl: apiUrl(),
      token: 'stale.session.token', // answered 401: the client asks the provider and sends again
      tokenProvider: async () => session.access_token,
      fetch: (input, init) => {
        sent.push(`${init?.method} ${new Headers(init?.headers).get('Idempotency-Key') ?? 'none'}`)
        return fetch(input, init)
      },
    })
    const generate = (name: string) =>
      api.request('/functions/v1/generate-api-key', { method: 'POST', body: { name } })
    await generate('Refreshed')
    expect(sent.length).to.equal(2)
    expect(sent[0]).to.match(/^POST [0-9a-f-]{36}$/)
    expect(sent[1]).to.equal(sent[0])
    await generate('Second')
    expect(sent[2]).to.match(/^POST [0-9a-f-]{36}$/)
    expect(sent[2]).not.to.equal(sent[0])
    const keys = await api.request<{ name: string }[]>('/rest/v1/api_keys?select=name&order=name')
    expect(keys.map((k) => k.name).join()).to.equal('Refreshed,Second')
    expect(sent[3]).to.equal('GET none')
  })
})
