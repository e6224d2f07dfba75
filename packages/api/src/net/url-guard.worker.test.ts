/** @module The URL guard inside workerd: its URL parser normalises odd spellings as Node's does, so they are refused. */
import { describe, expect, it } from 'vitest'
import { checkResolved, checkUrl, isPublicAddress } from './url-guard.ts'

describe('the URL guard in workerd', () => {
  it.each([
    ['https://2130706433/', '127.0.0.1'],
    ['https://0177.0.0.1/', '127.0.0.1'],
    ['https://0x7f.1/', '127.0.0.1'],
    ['https://127.1/', '127.0.0.1'],
    ['https://127.0.0.1./', '127.0.0.1'],
    ['https://１２７.０.０.１/', '127.0.0.1'],
    ['https://0xa9.0xfe.0xa9.0xfe/', '169.254.169.254'],
    ['https://[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
    ['https://[0:0:0:0:0:0:0:1]/', '[::1]'],
    ['https://[64:ff9b::10.0.0.1]/', '[64:ff9b::a00:1]'],
  ])('refuses %s in production (read as %s)', (raw, host) => {
    expect(new URL(raw).hostname).toBe(host)
    expect(checkUrl(raw, 'production')).toMatchObject({ ok: false, issue: 'url_private_address' })
  })

  it('refuses local names, zone ids and credentials, and accepts a public https URL', () => {
    expect(checkUrl('https://ℓocalhost./', 'production')).toMatchObject({
      ok: false,
      issue: 'url_internal_host',
    })
    expect(checkUrl('https://[fe80::1%25eth0]/', 'production')).toMatchObject({
      ok: false,
      issue: 'url_invalid',
    })
    expect(checkUrl('https://u:p@example.com/', 'demo')).toMatchObject({
      ok: false,
      issue: 'url_credentials',
    })
    const ok = checkUrl('https://bücher.example/hook', 'production')
    expect(ok.ok && ok.url.href).toBe('https://xn--bcher-kva.example/hook')
  })

  it('checks resolved addresses with a resolver the Worker host supplies', async () => {
    expect(isPublicAddress('100.64.0.0')).toBe(false)
    expect(isPublicAddress('2606:4700:4700::1111')).toBe(true)
    const resolve = async () => ['1.1.1.1', '10.0.0.1']
    expect(await checkResolved(new URL('https://hooks.example.com/'), 'production', resolve)).toMatchObject({
      ok: false,
      issue: 'url_private_address',
    })
  })
})
