/** @module The outbound guard before connecting: a box's host resolved now, refused when private in production. */
import { describe, expect, it } from 'vitest'
import { testConfig } from '../../test-utils/index.ts'
import { type SideSettings, serverFor } from './servers.ts'

const settings: SideSettings = {
  host: 'mail.example.com',
  port: 993,
  security: 'tls',
  username: 'support@example.com',
  password: 'pw-123',
}
const production = testConfig({ CG_MODE: 'production' })
const demo = testConfig({ CG_MODE: 'demo' })
const resolvesTo =
  (...addresses: string[]) =>
  async () =>
    addresses

describe('serverFor', () => {
  it('connects to the address the guard checked, keeping the name for TLS', async () => {
    expect(
      await serverFor('imap', settings, { config: production, resolve: resolvesTo('93.184.216.34') }),
    ).toEqual({
      ...settings,
      address: '93.184.216.34',
    })
  })

  it('in production, a name that resolves to a private address is refused before connecting', async () => {
    expect(
      await serverFor('smtp', settings, {
        config: production,
        resolve: resolvesTo('93.184.216.34', '10.0.0.7'),
      }),
    ).toEqual({
      ok: false,
      code: 'refused',
      message: expect.stringMatching(/^Not connecting to the SMTP host: .*resolves to 10\.0\.0\.7/),
    })
  })

  it('demo mode connects to 127.0.0.1', async () => {
    expect(
      await serverFor('imap', settings, { config: demo, resolve: resolvesTo('127.0.0.1') }),
    ).toMatchObject({
      address: '127.0.0.1',
    })
  })

  it('a name that does not resolve is dns_failed', async () => {
    const resolve = async () => {
      throw new Error('queryA ENOTFOUND mail.example.com')
    }
    expect(await serverFor('imap', settings, { config: production, resolve })).toEqual({
      ok: false,
      code: 'dns_failed',
      message: 'The IMAP host mail.example.com could not be found (DNS). Check the host name.',
    })
  })

  it('without a password there is nothing to try: auth_failed saying so', async () => {
    const missing = { ...settings, password: null, missing: 'No IMAP password is saved.' }
    expect(await serverFor('imap', missing, { config: demo })).toEqual({
      ok: false,
      code: 'auth_failed',
      message: 'No IMAP password is saved.',
    })
  })
})
