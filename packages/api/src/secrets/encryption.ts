/**
 * @module AES-256-GCM for secrets at rest (webhook secrets, BYOK keys, mailbox passwords), on Web Crypto
 * under ENCRYPTION_KEY, so that the Node host and the Worker encrypt and decrypt alike.
 */

/** Stored form: `v1.<iv base64url>.<ciphertext+tag base64url>`; the version names the scheme for a later rotation. */
const VERSION = 'v1'
const IV_BYTES = 12

const keys = new Map<string, Promise<CryptoKey>>()

/** The AES key for a base64 ENCRYPTION_KEY (32 bytes), imported once per key. */
function importKey(base64Key: string): Promise<CryptoKey> {
  let key = keys.get(base64Key)
  if (!key) {
    const raw = Uint8Array.from(atob(base64Key), (c) => c.charCodeAt(0))
    if (raw.length !== 32) throw new Error('ENCRYPTION_KEY must be 32 bytes')
    key = crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt'])
    keys.set(base64Key, key)
  }
  return key
}

const toBase64Url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')

const fromBase64Url = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0))

/**
 * Encrypts `plaintext` with a fresh random IV. `context` (a resource and column, say) is bound as
 * additional data, so a ciphertext copied into another column does not decrypt there.
 */
export async function encryptSecret(base64Key: string, plaintext: string, context = ''): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) },
    await importKey(base64Key),
    new TextEncoder().encode(plaintext),
  )
  return `${VERSION}.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(sealed))}`
}

/** Decrypts what `encryptSecret` stored; throws when the key, the context or the bytes do not match. */
export async function decryptSecret(base64Key: string, stored: string, context = ''): Promise<string> {
  const [version, iv, sealed] = stored.split('.')
  if (version !== VERSION || !iv || !sealed) throw new Error('not an encrypted secret')
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64Url(iv), additionalData: new TextEncoder().encode(context) },
    await importKey(base64Key),
    fromBase64Url(sealed),
  )
  return new TextDecoder().decode(plain)
}

/** `••••abcd`: the last four characters, for showing which secret is set without showing it. */
export const maskSecret = (plaintext: string): string => `••••${plaintext.slice(-4)}`
