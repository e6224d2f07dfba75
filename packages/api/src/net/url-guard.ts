/**
 * @module The outbound URL guard for webhook and push endpoints: which URLs may be saved, and which addresses
 * may be contacted at send time (SSRF). Web-standard only, so it runs on Node and in workerd alike.
 *
 * Two checks, because a URL that was safe when saved need not be safe when sent:
 * - {@link checkUrl} when a URL is saved: an absolute http(s) URL without credentials, https only in
 *   production, and in production no host that names a non-public address or a local/internal name.
 *   Odd IPv4 spellings (`2130706433`, `0177.0.0.1`, `0x7f.1`, `127.1`, full-width digits, trailing dots) need
 *   no code here: the WHATWG URL parser turns every one of them into dotted decimal before we look.
 * - {@link checkResolved} just before sending: the name is resolved again and every address must be public
 *   (DNS rebinding: a name that was public at save time can point at 127.0.0.1 now).
 *
 * Not this module's concern: redirects. The sender fetches with `redirect: 'manual'` and treats a 3xx as a
 * failed delivery (Standard Webhooks does the same), so a public receiver cannot bounce us to a private one.
 *
 * Hosts and DNS: Node passes `nodeResolve` (`node-resolver.ts`, the OS resolver). workerd has no DNS API; the
 * Worker host either passes a {@link Resolve} that asks a DNS-over-HTTPS service, or does not call
 * {@link checkResolved} at all, since Cloudflare's own `fetch` cannot reach private networks or the
 * metadata service. {@link checkUrl} runs on both.
 */

export type UrlMode = 'demo' | 'production'

/** Stable ids for forms, logs and tests; the `reason` beside them is for people. */
export type UrlIssue =
  | 'url_invalid'
  | 'url_too_long'
  | 'url_scheme'
  | 'url_credentials'
  | 'url_https'
  | 'url_private_address'
  | 'url_internal_host'
  | 'url_unresolvable'

export type UrlRefusal = { ok: false; issue: UrlIssue; reason: string }
export type UrlCheck = { ok: true; url: URL } | UrlRefusal
export type ResolvedCheck = { ok: true; addresses: string[] } | UrlRefusal

/** Every A and AAAA address a name has now; rejects (or answers `[]`) when it has none. */
export type Resolve = (hostname: string) => Promise<string[]>

export const maxUrlLength = 2048

const demoOnly = 'only allowed in demo mode'

/**
 * Whether a URL may be saved as a webhook or push endpoint. Store `url.href` (the normalised form), not the
 * input. In demo mode http and private or local hosts pass; the other rules hold in both modes.
 */
export function checkUrl(raw: string, mode: UrlMode): UrlCheck {
  if (raw.length > maxUrlLength) return tooLong(raw.length)
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return refuse(
      'url_invalid',
      'This is not a valid absolute URL. Enter the full address, starting with https:// (for example https://example.com/webhooks).',
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse('url_scheme', `The scheme ${url.protocol} is not supported. Use an https:// URL.`)
  }
  if (url.username !== '' || url.password !== '') {
    return refuse(
      'url_credentials',
      'The URL contains a user name or password (user:pass@). Remove it; to authenticate the sender, verify the webhook signature instead.',
    )
  }
  // Normalising (IDN to punycode, percent-encoding) can lengthen the input.
  if (url.href.length > maxUrlLength) return tooLong(url.href.length)
  if (mode === 'demo') return { ok: true, url }
  if (url.protocol !== 'https:') {
    return refuse('url_https', `Use an https:// URL; http is ${demoOnly}.`)
  }
  const host = url.hostname
  const literal = ipLiteral(host)
  if (literal !== undefined) {
    const kind = nonPublicKind(literal)
    return kind ? privateAddress(literal, kind) : { ok: true, url }
  }
  const kind = internalNameKind(host)
  if (kind) {
    return refuse(
      'url_internal_host',
      `The host ${host} is not a public name (${kind}). Use a URL on a public host name; local and internal names are ${demoOnly}.`,
    )
  }
  return { ok: true, url }
}

/**
 * The send-time check: {@link checkUrl} again (the mode or the rules may have changed since the URL was saved),
 * then the host's addresses as they are now. An IP literal is checked as it is; a name is resolved and, in
 * production, every address must be public. Connect to the returned addresses if the HTTP client allows it,
 * so a second lookup cannot answer differently.
 */
export async function checkResolved(url: URL, mode: UrlMode, resolve: Resolve): Promise<ResolvedCheck> {
  const saved = checkUrl(url.href, mode)
  if (!saved.ok) return saved
  const host = saved.url.hostname
  const literal = ipLiteral(host)
  if (literal !== undefined) return { ok: true, addresses: [literal] }
  let addresses: string[]
  try {
    addresses = await resolve(host)
  } catch (error) {
    return unresolvable(host, error instanceof Error ? error.message : String(error))
  }
  if (addresses.length === 0) return unresolvable(host, 'no addresses')
  if (mode === 'production') {
    for (const address of addresses) {
      const kind = nonPublicKind(address)
      if (kind) {
        return refuse(
          'url_private_address',
          `The host ${host} resolves to ${address}, which is not a public address (${kind}). Point the name at a public server; private addresses are ${demoOnly}.`,
        )
      }
    }
  }
  return { ok: true, addresses }
}

/** The save-time rules always, and the send-time DNS check when the host can resolve names: before each send. */
export async function checkOutbound(raw: string, mode: UrlMode, resolve?: Resolve): Promise<UrlCheck> {
  const saved = checkUrl(raw, mode)
  if (!saved.ok || !resolve) return saved
  const resolved = await checkResolved(saved.url, mode, resolve)
  return resolved.ok ? saved : resolved
}

/**
 * Whether an address is on the public internet. Takes an address as DNS answers it (`93.184.216.34`,
 * `2606:4700::1111`, a zone id allowed), not a URL host: anything else, including odd IPv4 spellings such as
 * `0177.0.0.1` whose meaning depends on the parser, is not public.
 */
export function isPublicAddress(address: string): boolean {
  return nonPublicKind(address) === undefined
}

/**
 * The address in a URL host that is an IP literal: `[…]` for IPv6, dotted decimal for IPv4 (the WHATWG parser
 * writes every IPv4 host that way, and refuses a name whose last label is numeric).
 */
function ipLiteral(hostname: string): string | undefined {
  if (hostname.startsWith('[')) return hostname.slice(1, -1)
  return /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) ? hostname : undefined
}

/** RFC 6890 and the IANA special-purpose registry: every IPv4 block that is not reachable public unicast. */
const ipv4NotPublic: ReadonlyArray<readonly [string, string]> = [
  ['0.0.0.0/8', '"this network"'],
  ['10.0.0.0/8', 'private network'],
  ['100.64.0.0/10', 'carrier-grade NAT'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local, includes the cloud metadata service'],
  ['172.16.0.0/12', 'private network'],
  ['192.0.0.0/24', 'IETF protocol assignments'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', '6to4 relay anycast'],
  ['192.168.0.0/16', 'private network'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved, includes broadcast'],
]

/**
 * IPv6 is checked by allow-list: only global unicast 2000::/3 can be public, which already excludes ::, ::1,
 * IPv4-mapped and IPv4-compatible forms, fc00::/7, fe80::/10, ff00::/8 and the local-use NAT64 prefix. The
 * named blocks below only make the reason clearer; the ones inside 2000::/3 are refused on top.
 */
const ipv6NotPublic: ReadonlyArray<readonly [string, string]> = [
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['::ffff:0:0/96', 'IPv4-mapped'],
  ['::/96', 'IPv4-compatible'],
  ['fc00::/7', 'unique local'],
  ['fe80::/10', 'link-local'],
  ['ff00::/8', 'multicast'],
  ['2001::/23', 'IETF protocol assignments, includes Teredo 2001::/32'],
  ['2001:db8::/32', 'documentation'],
  ['3fff::/20', 'documentation'],
]

type Block = { base: bigint; shift: bigint; kind: string }

const ipv4Blocks = ipv4NotPublic.map(([cidr, kind]) => block(cidr, kind, 32))
const ipv6Blocks = ipv6NotPublic.map(([cidr, kind]) => block(cidr, kind, 128))
const globalUnicast = block('2000::/3', '', 128)
const nat64 = block('64:ff9b::/96', '', 128)
const sixToFour = block('2002::/16', '', 128)

/** Why an address is not public, or `undefined` when it is. */
function nonPublicKind(address: string): string | undefined {
  const v4 = parseIpv4(address)
  if (v4 !== undefined) return ipv4Kind(v4)
  const v6 = parseIpv6(address)
  if (v6 === undefined) return 'not an IP address'
  // NAT64 and 6to4 carry an IPv4 address that the translator or relay then contacts.
  if (inBlock(v6, nat64)) return embedded(ipv4Kind(v6 & 0xffffffffn), 'NAT64')
  if (inBlock(v6, sixToFour)) return embedded(ipv4Kind((v6 >> 80n) & 0xffffffffn), '6to4')
  const named = ipv6Blocks.find((b) => inBlock(v6, b))
  if (named) return named.kind
  return inBlock(v6, globalUnicast) ? undefined : 'reserved'
}

function ipv4Kind(v4: bigint): string | undefined {
  return ipv4Blocks.find((b) => inBlock(v4, b))?.kind
}

function embedded(kind: string | undefined, via: string): string | undefined {
  return kind && `${via} to an IPv4 address that is ${kind}`
}

function inBlock(address: bigint, b: Block): boolean {
  return address >> b.shift === b.base
}

function block(cidr: string, kind: string, bits: number): Block {
  const [text = '', prefix = ''] = cidr.split('/')
  const address = bits === 32 ? parseIpv4(text) : parseIpv6(text)
  if (address === undefined) throw new Error(`bad CIDR ${cidr}`)
  const shift = BigInt(bits - Number(prefix))
  return { base: address >> shift, shift, kind }
}

/** Strict dotted decimal only: a leading zero means octal to some parsers and decimal to others. */
function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.')
  if (parts.length !== 4) return undefined
  let value = 0n
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined
    value = (value << 8n) | BigInt(part)
  }
  return value
}

/** RFC 4291 text forms: `::` once, an IPv4 tail, any case; a zone id (`%eth0`) is dropped. */
function parseIpv6(text: string): bigint | undefined {
  const [address = '', zone] = text.split('%')
  if (zone === '' || !address.includes(':')) return undefined
  const halves = address.split('::')
  if (halves.length > 2) return undefined
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')))
  const last = groups.at(-1)
  const tail = last?.at(-1)
  if (last && tail?.includes('.')) {
    const v4 = parseIpv4(tail)
    if (v4 === undefined) return undefined
    last.splice(-1, 1, (v4 >> 16n).toString(16), (v4 & 0xffffn).toString(16))
  }
  const [head = [], rest = []] = groups
  const count = head.length + rest.length
  if (halves.length === 2 ? count > 7 : count !== 8) return undefined
  let value = 0n
  for (const group of [...head, ...Array<string>(8 - count).fill('0'), ...rest]) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined
    value = (value << 16n) | BigInt(`0x${group}`)
  }
  return value
}

/** Names that reach the machine itself, the local network or a cloud metadata service. */
function internalNameKind(hostname: string): string | undefined {
  const name = hostname.replace(/\.+$/, '')
  if (name === 'localhost' || name.endsWith('.localhost')) return 'loopback'
  if (name === 'metadata' || name === 'instance-data' || name === 'metadata.google.internal') {
    return 'cloud metadata service'
  }
  if (name.endsWith('.internal')) return 'internal name'
  if (name.endsWith('.local')) return 'multicast DNS on the local network'
  if (name.endsWith('.home.arpa') || name.endsWith('.localdomain')) return 'home or local network name'
  if (!name.includes('.')) return 'single-label name, resolved through local search domains'
  return undefined
}

function refuse(issue: UrlIssue, reason: string): UrlRefusal {
  return { ok: false, issue, reason }
}

function tooLong(length: number): UrlRefusal {
  return refuse(
    'url_too_long',
    `The URL is ${length} characters long; the limit is ${maxUrlLength}. Use a shorter URL.`,
  )
}

function privateAddress(address: string, kind: string): UrlRefusal {
  return refuse(
    'url_private_address',
    `The address ${address} is not public (${kind}). Use a URL that reaches a public server; private addresses are ${demoOnly}.`,
  )
}

function unresolvable(host: string, detail: string): UrlRefusal {
  return refuse(
    'url_unresolvable',
    `The host ${host} could not be resolved (${detail}). Check the host name, or try again if DNS is failing.`,
  )
}
