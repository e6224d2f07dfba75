/**
 * @module The API key format, GitHub's scheme: `ak_` + 32 random base62 characters + a 6-character base62
 * CRC32 of them. A typo fails the checksum before any database read, and secret scanners can match the pattern.
 */

export const KEY_PREFIX = 'ak_'
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const RANDOM_LENGTH = 32
const CHECKSUM_LENGTH = 6

/** What a secret scanner matches: the prefix, 32 random and 6 checksum characters, nothing around them. */
export const KEY_PATTERN = /\bak_[0-9A-Za-z]{38}\b/

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

/** CRC-32 (IEEE), as zlib and GitHub compute it. */
export function crc32(text: string): number {
  let crc = 0xffffffff
  for (const byte of new TextEncoder().encode(text))
    crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/** `n` in base62, left-padded with zeros to `width`. */
function base62(n: number, width: number): string {
  let out = ''
  for (let rest = n; rest > 0; rest = Math.floor(rest / 62)) out = BASE62[rest % 62] + out
  return out.padStart(width, '0')
}

/** 32 unbiased random base62 characters (≈190 bits). */
function randomPart(): string {
  let out = ''
  while (out.length < RANDOM_LENGTH) {
    for (const b of crypto.getRandomValues(new Uint8Array(48))) {
      if (b < 248 && out.length < RANDOM_LENGTH) out += BASE62[b % 62] // 248 = 4 × 62: reject to avoid bias
    }
  }
  return out
}

/** A new key in the checksummed format. */
export function generateKey(): string {
  const random = randomPart()
  return `${KEY_PREFIX}${random}${base62(crc32(random), CHECKSUM_LENGTH)}`
}

/** Whether `key` is well formed: prefix, length, alphabet and checksum. No database is asked. */
export function isWellFormedKey(key: string): boolean {
  if (!key.startsWith(KEY_PREFIX) || key.length !== KEY_PREFIX.length + RANDOM_LENGTH + CHECKSUM_LENGTH)
    return false
  const body = key.slice(KEY_PREFIX.length)
  if (![...body].every((c) => BASE62.includes(c))) return false
  const random = body.slice(0, RANDOM_LENGTH)
  return body.slice(RANDOM_LENGTH) === base62(crc32(random), CHECKSUM_LENGTH)
}

/** What a list shows of a key: its first characters and its last four; never more. */
export const keyDisplay = (key: string) => ({
  prefix: key.slice(0, KEY_PREFIX.length + 4),
  last4: key.slice(-4),
})
