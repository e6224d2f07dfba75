/** @module Prefixed random ids (`org_…`, `usr_…`, `key_…`) that read well in logs. */
const alphabet = '0123456789abcdefghjkmnpqrstvwxyz' // Crockford base32: 32 symbols, so no modulo bias

/** `prefix_` + 20 base32 characters (100 bits) from the platform CSPRNG. */
export function newId(prefix: string): string {
  let out = ''
  for (const b of crypto.getRandomValues(new Uint8Array(20))) out += alphabet[b & 31]
  return `${prefix}_${out}`
}
