/** @module The outbound URL guard: what may be saved as a webhook or push URL and what may be contacted. */
import { describe, expect, it } from 'vitest'
import { checkResolved, checkUrl, isPublicAddress, maxUrlLength, type Resolve } from './url-guard.ts'

/** A real resolver with fixed answers; a name it does not know fails as DNS does. */
function dns(answers: Record<string, string[]>): Resolve {
  return async (hostname) => {
    const addresses = answers[hostname]
    if (!addresses) throw new Error(`getaddrinfo ENOTFOUND ${hostname}`)
    return addresses
  }
}

const noDns: Resolve = async (hostname) => {
  throw new Error(`an IP literal was resolved: ${hostname}`)
}

/** Each range: an address inside it and, where a neighbour is public, the addresses just outside. */
const ipv4: ReadonlyArray<readonly [string, boolean]> = [
  ['0.0.0.0', false],
  ['0.255.255.255', false],
  ['1.0.0.0', true],
  ['9.255.255.255', true],
  ['10.0.0.0', false],
  ['10.255.255.255', false],
  ['11.0.0.0', true],
  ['100.63.255.255', true],
  ['100.64.0.0', false],
  ['100.127.255.255', false],
  ['100.128.0.0', true],
  ['126.255.255.255', true],
  ['127.0.0.1', false],
  ['127.255.255.255', false],
  ['128.0.0.0', true],
  ['169.253.255.255', true],
  ['169.254.0.0', false],
  ['169.254.169.254', false],
  ['169.254.255.255', false],
  ['169.255.0.0', true],
  ['172.15.255.255', true],
  ['172.16.0.0', false],
  ['172.31.255.255', false],
  ['172.32.0.0', true],
  ['191.255.255.255', true],
  ['192.0.0.0', false],
  ['192.0.0.255', false],
  ['192.0.1.0', true],
  ['192.0.1.255', true],
  ['192.0.2.0', false],
  ['192.0.2.255', false],
  ['192.0.3.0', true],
  ['192.88.98.255', true],
  ['192.88.99.0', false],
  ['192.88.99.255', false],
  ['192.88.100.0', true],
  ['192.167.255.255', true],
  ['192.168.0.0', false],
  ['192.168.255.255', false],
  ['192.169.0.0', true],
  ['198.17.255.255', true],
  ['198.18.0.0', false],
  ['198.19.255.255', false],
  ['198.20.0.0', true],
  ['198.51.99.255', true],
  ['198.51.100.0', false],
  ['198.51.100.255', false],
  ['198.51.101.0', true],
  ['203.0.112.255', true],
  ['203.0.113.0', false],
  ['203.0.113.255', false],
  ['203.0.114.0', true],
  ['223.255.255.255', true],
  ['224.0.0.0', false],
  ['239.255.255.255', false],
  ['240.0.0.0', false],
  ['255.255.255.254', false],
  ['255.255.255.255', false],
  ['8.8.8.8', true],
  ['1.1.1.1', true],
  ['93.184.216.34', true],
]

const ipv6: ReadonlyArray<readonly [string, boolean]> = [
  ['2606:4700:4700::1111', true],
  ['2001:4860:4860::8888', true],
  ['2A00:1450:4001:81C::200E', true],
  ['2000::', true],
  ['1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', false],
  ['4000::', false],
  ['::', false],
  ['::1', false],
  ['0:0:0:0:0:0:0:1', false],
  ['fc00::', false],
  ['fd12:3456:789a::1', false],
  ['fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', false],
  ['fe80::1', false],
  ['FE80::1', false],
  ['febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', false],
  ['ff00::', false],
  ['ff02::1', false],
  ['2001:db8::1', false],
  ['2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', false],
  ['2001:db7:ffff:ffff:ffff:ffff:ffff:ffff', true],
  ['2001:db9::', true],
  ['3fff::1', false],
  ['3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff', false],
  ['3fff:1000::', true],
  // NAT64: the embedded IPv4 address decides.
  ['64:ff9b::7f00:1', false],
  ['64:ff9b::127.0.0.1', false],
  ['64:ff9b::a9fe:a9fe', false],
  ['64:ff9b::10.1.2.3', false],
  ['64:ff9b::8.8.8.8', true],
  ['64:ff9b::808:808', true],
  ['64:ff9b:1::8.8.8.8', false],
  // IPv4-mapped and IPv4-compatible: refused whatever they embed.
  ['::ffff:127.0.0.1', false],
  ['::ffff:7f00:1', false],
  ['::ffff:a9fe:a9fe', false],
  ['::ffff:8.8.8.8', false],
  ['0:0:0:0:0:ffff:7f00:1', false],
  ['::ffff:0:8.8.8.8', false],
  ['::127.0.0.1', false],
  ['::7f00:1', false],
  ['::8.8.8.8', false],
  // 6to4: the embedded IPv4 address decides.
  ['2002:7f00:1::', false],
  ['2002:c0a8:101::1', false],
  ['2002:a9fe:a9fe::1', false],
  ['2002:808:808::1', true],
  // Teredo and the rest of 2001::/23.
  ['2001::1', false],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', false],
  ['2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff', false],
  ['2001:200::', true],
  // Zone ids as a resolver may return them.
  ['fe80::1%eth0', false],
  ['2606:4700:4700::1111%eth0', true],
]

/** Not addresses (or not unambiguously): never public. */
const notAddresses = [
  '',
  'example.com',
  '1.2.3',
  '0177.0.0.1',
  '0x7f.0.0.1',
  '2130706433',
  '256.0.0.1',
  '1.2.3.4.5',
  ' 8.8.8.8',
  '8.8.8.8\n',
  '[2606:4700:4700::1111]',
  ':::1',
  '1::2::3',
  '12345::',
  '::g',
  '2606::1:2:3:4:5:6:7',
  '2606:1:2:3:4:5:6',
  '2606:1:2:3:4:5:6:7:8',
  '::1.2.3.4:1',
  '::8.8.8',
  'fe80::1%',
]

describe('isPublicAddress', () => {
  it.each(ipv4)('IPv4 %s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected)
  })

  it.each(ipv6)('IPv6 %s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected)
  })

  it.each(notAddresses)('%j is not a public address', (text) => {
    expect(isPublicAddress(text)).toBe(false)
  })
})

describe('checkUrl', () => {
  it('accepts a public https URL in production and answers the normalised URL', () => {
    const result = checkUrl('HTTPS://Hooks.Example.COM:8443/webhooks?team=1', 'production')
    expect(result.ok && result.url.href).toBe('https://hooks.example.com:8443/webhooks?team=1')
  })

  it.each([
    ['https://8.8.8.8/hook', 'https://8.8.8.8/hook'],
    ['https://[2606:4700:4700::1111]/hook', 'https://[2606:4700:4700::1111]/hook'],
    ['https://bücher.example/hook', 'https://xn--bcher-kva.example/hook'],
    ['https://localhost.example.com/', 'https://localhost.example.com/'],
    ['https://internal.example.com/', 'https://internal.example.com/'],
    ['https://metadata.example.com/', 'https://metadata.example.com/'],
    ['https://example.com#@127.0.0.1/', 'https://example.com/#@127.0.0.1/'],
    ['  https://example.com/hook  ', 'https://example.com/hook'],
  ])('accepts %s in production as %s', (raw, href) => {
    const result = checkUrl(raw, 'production')
    expect(result.ok && result.url.href).toBe(href)
  })

  it.each([
    'http://localhost:3000/hook',
    'http://127.0.0.1:8787/hook',
    'http://10.0.0.5/hook',
    'http://[::1]/hook',
    'http://printer.local/',
    'http://metadata.google.internal/',
    'http://169.254.169.254/latest/meta-data/',
    'http://intranet/',
    'https://example.com/hook',
  ])('accepts %s in demo mode', (raw) => {
    expect(checkUrl(raw, 'demo').ok).toBe(true)
  })

  it('accepts a URL of exactly the limit and refuses one character more', () => {
    const base = 'https://example.com/'
    const atLimit = base + 'a'.repeat(maxUrlLength - base.length)
    expect(checkUrl(atLimit, 'production').ok).toBe(true)
    expect(checkUrl(`${atLimit}a`, 'production')).toMatchObject({ ok: false, issue: 'url_too_long' })
  })

  it('refuses a URL that normalising makes longer than the limit', () => {
    const raw = `https://example.com/${'ü'.repeat(maxUrlLength / 2)}`
    expect(raw.length).toBeLessThanOrEqual(maxUrlLength)
    expect(checkUrl(raw, 'demo')).toMatchObject({ ok: false, issue: 'url_too_long' })
  })

  it('tells a user who typed http in production to use https', () => {
    expect(checkUrl('http://example.com/hook', 'production')).toEqual({
      ok: false,
      issue: 'url_https',
      reason: 'Use an https:// URL; http is only allowed in demo mode.',
    })
  })

  describe.each(['demo', 'production'] as const)('in %s mode', (mode) => {
    it.each([
      '',
      'not a url',
      'example.com/hook',
      '//example.com/hook',
      '/webhooks',
      'https://',
      'https://exa mple.com/',
      'https://[fe80::1%25eth0]/',
      'https://[fe80::1%eth0]/',
      'https://1.2.3.4.5/',
      'https://999.1.1.1/',
      'https://example.0x1/',
      'https://[::1]:99999/',
    ])('refuses %j as invalid', (raw) => {
      const result = checkUrl(raw, mode)
      expect(result).toMatchObject({ ok: false, issue: 'url_invalid' })
      expect(!result.ok && result.reason).toMatch(/https:\/\//)
    })

    it.each([
      'ftp://example.com/hook',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/plain,hello',
      'ws://example.com/socket',
      'mailto:ops@example.com',
      'gopher://example.com/',
    ])('refuses the scheme of %s', (raw) => {
      const result = checkUrl(raw, mode)
      expect(result).toMatchObject({ ok: false, issue: 'url_scheme' })
      expect(!result.ok && result.reason).toContain(new URL(raw).protocol)
    })

    it.each([
      'https://user:pass@example.com/hook',
      'https://user@example.com/hook',
      'https://:secret@example.com/hook',
      'https://127.0.0.1:80@example.com/',
    ])('refuses credentials in %s', (raw) => {
      expect(checkUrl(raw, mode)).toMatchObject({ ok: false, issue: 'url_credentials' })
    })
  })
})

describe('checkUrl in production: non-public hosts', () => {
  it.each(ipv4.filter(([, isPublic]) => !isPublic))('refuses https://%s/', (address) => {
    const result = checkUrl(`https://${address}/`, 'production')
    expect(result).toMatchObject({ ok: false, issue: 'url_private_address' })
    expect(!result.ok && result.reason).toContain(address)
  })

  it.each(ipv4.filter(([, isPublic]) => isPublic))('accepts https://%s/', (address) => {
    expect(checkUrl(`https://${address}/`, 'production').ok).toBe(true)
  })

  // Zone ids are not URL syntax; the parser rejects them (see the invalid cases).
  const ipv6Hosts = ipv6.filter(([address]) => !address.includes('%'))

  it.each(ipv6Hosts.filter(([, isPublic]) => !isPublic))('refuses https://[%s]/', (address) => {
    expect(checkUrl(`https://[${address}]/`, 'production')).toMatchObject({
      ok: false,
      issue: 'url_private_address',
    })
  })

  it.each(ipv6Hosts.filter(([, isPublic]) => isPublic))('accepts https://[%s]/', (address) => {
    expect(checkUrl(`https://[${address}]/`, 'production').ok).toBe(true)
  })

  /** Each spelling of a private address, and the address the WHATWG parser turns it into. */
  const spellings: ReadonlyArray<readonly [string, string]> = [
    ['https://2130706433/', '127.0.0.1'],
    ['https://0177.0.0.1/', '127.0.0.1'],
    ['https://0x7f.1/', '127.0.0.1'],
    ['https://0x7f000001/', '127.0.0.1'],
    ['https://017700000001/', '127.0.0.1'],
    ['https://127.1/', '127.0.0.1'],
    ['https://0x7F.0.0.1/', '127.0.0.1'],
    ['https://127.0.0.1./', '127.0.0.1'],
    ['https://127.0.0.1%2e/', '127.0.0.1'],
    ['https://%31%32%37.0.0.1/', '127.0.0.1'],
    ['https://１２７.０.０.１/', '127.0.0.1'],
    ['https://127。0。0。1/', '127.0.0.1'],
    ['https://①②⑦.0.0.1/', '127.0.0.1'],
    ['https://0/', '0.0.0.0'],
    ['https://0xa9.0xfe.0xa9.0xfe/', '169.254.169.254'],
    ['https://0251.0376.0251.0376/', '169.254.169.254'],
    ['https://2852039166/', '169.254.169.254'],
    ['https://169.254.43518/', '169.254.169.254'],
    ['https://3232235777/', '192.168.1.1'],
    ['https://192.168.1/', '192.168.0.1'],
    ['https://10.1/', '10.0.0.1'],
    ['https://0xa000001/', '10.0.0.1'],
    ['https://[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
    ['https://[::ffff:7f00:1]/', '[::ffff:7f00:1]'],
    ['https://[0:0:0:0:0:ffff:7f00:1]/', '[::ffff:7f00:1]'],
    ['https://[::ffff:169.254.169.254]/', '[::ffff:a9fe:a9fe]'],
    ['https://[::127.0.0.1]/', '[::7f00:1]'],
    ['https://[0:0:0:0:0:0:0:1]/', '[::1]'],
    ['https://[0000::0001]/', '[::1]'],
    ['https://[::]/', '[::]'],
    ['https://[FE80::1]/', '[fe80::1]'],
    ['https://[64:ff9b::127.0.0.1]/', '[64:ff9b::7f00:1]'],
    ['https://[2002:7f00:1::]/', '[2002:7f00:1::]'],
    ['https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', '[2001:0:4136:e378:8000:63bf:3fff:fdd2]'],
  ]

  it.each(spellings)('refuses %s (the parser reads %s)', (raw, host) => {
    expect(new URL(raw).hostname).toBe(host)
    expect(checkUrl(raw, 'production')).toMatchObject({ ok: false, issue: 'url_private_address' })
    expect(checkUrl(raw, 'demo').ok).toBe(true)
  })

  it.each([
    'https://localhost/',
    'https://localhost./',
    'https://LOCALHOST:8443/',
    'https://ℓocalhost/',
    'https://%6c%6fcalhost/',
    'https://localhost../',
    'https://api.localhost/',
    'https://printer.local/',
    'https://printer.local./',
    'https://db.internal/',
    'https://Metadata.Google.Internal/computeMetadata/v1/',
    'https://metadata.google.internal./computeMetadata/v1/',
    'https://metadata/',
    'https://instance-data/latest/meta-data/',
    'https://instance-data./latest/meta-data/',
    'https://intranet/',
    'https://router.home.arpa/',
    'https://box.localdomain/',
  ])('refuses the local or internal name in %s', (raw) => {
    const result = checkUrl(raw, 'production')
    expect(result).toMatchObject({ ok: false, issue: 'url_internal_host' })
    expect(!result.ok && result.reason).toContain('only allowed in demo mode')
    expect(checkUrl(raw, 'demo').ok).toBe(true)
  })

  it('names the address and what to do in the reason', () => {
    expect(checkUrl('https://169.254.169.254/latest/meta-data/', 'production')).toEqual({
      ok: false,
      issue: 'url_private_address',
      reason:
        'The address 169.254.169.254 is not public (link-local, includes the cloud metadata service). Use a URL that reaches a public server; private addresses are only allowed in demo mode.',
    })
  })
})

describe('checkResolved', () => {
  const resolver = dns({
    'hooks.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    'v6.example.com': ['2606:4700:4700::1111'],
    'rebind.example.com': ['93.184.216.34', '10.0.0.7', '8.8.8.8'],
    'loopback.example.com': ['127.0.0.1'],
    'ula.example.com': ['2606:4700:4700::1111', 'fd00::1'],
    'mapped.example.com': ['::ffff:10.0.0.1'],
    'nat64.example.com': ['64:ff9b::a9fe:a9fe'],
    'garbage.example.com': ['not-an-address'],
    'empty.example.com': [],
  })

  it('answers every address of a public name', async () => {
    expect(await checkResolved(new URL('https://hooks.example.com/hook'), 'production', resolver)).toEqual({
      ok: true,
      addresses: ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    })
    expect(await checkResolved(new URL('https://v6.example.com/'), 'production', resolver)).toEqual({
      ok: true,
      addresses: ['2606:4700:4700::1111'],
    })
  })

  it('checks an IP literal as it is, without resolving it', async () => {
    expect(await checkResolved(new URL('https://8.8.8.8/'), 'production', noDns)).toEqual({
      ok: true,
      addresses: ['8.8.8.8'],
    })
    expect(await checkResolved(new URL('http://[::1]:8787/'), 'demo', noDns)).toEqual({
      ok: true,
      addresses: ['::1'],
    })
    expect(await checkResolved(new URL('https://0x7f.1/'), 'production', noDns)).toMatchObject({
      ok: false,
      issue: 'url_private_address',
    })
  })

  it.each(['https://does-not-exist.example.com/', 'https://empty.example.com/'])(
    'fails clearly when %s does not resolve, in both modes',
    async (raw) => {
      for (const mode of ['demo', 'production'] as const) {
        const result = await checkResolved(new URL(raw), mode, resolver)
        expect(result).toMatchObject({ ok: false, issue: 'url_unresolvable' })
        expect(!result.ok && result.reason).toContain(new URL(raw).hostname)
      }
    },
  )

  it('lets demo mode send to a name that resolves privately', async () => {
    expect(await checkResolved(new URL('http://loopback.example.com:3000/'), 'demo', resolver)).toEqual({
      ok: true,
      addresses: ['127.0.0.1'],
    })
  })

  it('refuses a name that was public when saved and resolves privately now (DNS rebinding)', async () => {
    const url = new URL('https://loopback.example.com/hook')
    expect(checkUrl(url.href, 'production').ok).toBe(true)
    const result = await checkResolved(url, 'production', resolver)
    expect(result).toMatchObject({ ok: false, issue: 'url_private_address' })
    expect(!result.ok && result.reason).toContain('resolves to 127.0.0.1')
  })

  it.each([
    ['rebind.example.com', '10.0.0.7'],
    ['ula.example.com', 'fd00::1'],
    ['mapped.example.com', '::ffff:10.0.0.1'],
    ['nat64.example.com', '64:ff9b::a9fe:a9fe'],
    ['garbage.example.com', 'not-an-address'],
  ])('refuses %s in production because one answer is %s', async (host, address) => {
    const result = await checkResolved(new URL(`https://${host}/`), 'production', resolver)
    expect(result).toMatchObject({ ok: false, issue: 'url_private_address' })
    expect(!result.ok && result.reason).toContain(address)
  })

  it('applies the save-time rules again: a URL saved in demo mode is refused in production', async () => {
    const saved = checkUrl('http://localhost:3000/hook', 'demo')
    expect(saved.ok).toBe(true)
    const url = new URL('http://localhost:3000/hook')
    expect(await checkResolved(url, 'production', noDns)).toMatchObject({ ok: false, issue: 'url_https' })
    expect(await checkResolved(new URL('https://localhost/'), 'production', noDns)).toMatchObject({
      ok: false,
      issue: 'url_internal_host',
    })
  })
})
