/**
 * @module A channel's secrets: its credentials sealed as one encrypted JSON object, the generated verify and inbound
 * tokens, comparisons that take the same time whatever matches, and Meta's `X-Hub-Signature-256`. Web Crypto only.
 */
import { decryptSecret, encryptSecret } from '../../secrets/encryption.ts'

export type Credentials = Record<string, string>

/** What a channel's credentials are encrypted for: a ciphertext copied to another org's row does not open. */
const credentialsContext = (orgId: string) => `channels.credentials:${orgId}`

/** The stored columns for `credentials`: their ciphertext (null when there are none) and their names. */
export async function sealCredentials(
  key: string,
  orgId: string,
  credentials: Credentials,
): Promise<{ credentials: string | null; credential_keys: string[] }> {
  const names = Object.keys(credentials).sort()
  return {
    credentials: names.length
      ? await encryptSecret(key, JSON.stringify(credentials), credentialsContext(orgId))
      : null,
    credential_keys: names,
  }
}

/** The credentials a stored row holds (none when its column is null). */
export async function openCredentials(key: string, orgId: string, stored: unknown): Promise<Credentials> {
  if (typeof stored !== 'string' || stored === '') return {}
  const json = JSON.parse(await decryptSecret(key, stored, credentialsContext(orgId))) as unknown
  if (typeof json !== 'object' || json === null) return {}
  return Object.fromEntries(
    Object.entries(json).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  )
}

/** 32 random bytes as base64url: a verify token (Meta's handshake) or an API channel's inbound token. */
export function generateToken(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  const text = btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')
  return `${prefix}${text}`
}

/** Whether two secrets are equal, looking at every byte of the longer one whatever differs (no early exit). */
export function sameSecret(given: string, expected: string): boolean {
  const a = new TextEncoder().encode(given)
  const b = new TextEncoder().encode(expected)
  let diff = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return diff === 0 && b.length > 0
}

/**
 * Whether `header` (`sha256=<hex>`, Meta's `X-Hub-Signature-256`) is the HMAC-SHA256 of `body` under `appSecret`.
 * Web Crypto's `verify` compares in constant time.
 */
export async function verifyHubSignature(
  body: Uint8Array<ArrayBuffer>,
  header: string | undefined,
  appSecret: string,
): Promise<boolean> {
  const hex = /^sha256=([0-9a-fA-F]{64})$/.exec(header?.trim() ?? '')?.[1]
  if (!hex || appSecret === '') return false
  const signature = new Uint8Array(32)
  for (let i = 0; i < 32; i++) signature[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(appSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  )
  return crypto.subtle.verify('HMAC', key, signature, body)
}

/** `sha256=<hex>` of `body` under `appSecret`: what Meta sends (tests and the docs' examples sign with it). */
export async function hubSignature(
  body: string | Uint8Array<ArrayBuffer>,
  appSecret: string,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(appSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, bytes))
  return `sha256=${[...mac].map((b) => b.toString(16).padStart(2, '0')).join('')}`
}
