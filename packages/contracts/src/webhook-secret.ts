/**
 * @module Webhook secrets as DESIGN.md fixes them: `whsec_<base64>` (the key is the decoded 24–64 bytes) or
 * anything else a user pastes, printable ASCII of 16–128 characters (the key is the characters). Zod-free, so
 * the contract schema, the API and the element all use this one check.
 */

export const secretPrefix = 'whsec_'

/** Bounds on a secret; the decoded key of a `whsec_` secret, the characters of any other. */
export const secretLimits = { minKeyBytes: 24, maxKeyBytes: 64, minChars: 16, maxChars: 128 } as const

export type SecretKind = 'whsec' | 'raw'

/** Stable ids for forms, logs and tests; the `reason` beside them is for people and never quotes the secret. */
export type SecretIssue =
  | 'secret_length'
  | 'secret_characters'
  | 'secret_whitespace'
  | 'secret_base64'
  | 'secret_key_length'

export type SecretCheck = { ok: true; kind: SecretKind } | { ok: false; issue: SecretIssue; reason: string }

/** Whether a secret a user entered may be saved; {@link checkWebhookSecret} says why not. */
export function isValidUserSecret(secret: string): boolean {
  return checkWebhookSecret(secret).ok
}

/**
 * The field check for a secret a user entered (no zod here so the API, the contracts and the element can all
 * call it). A value starting with `whsec_` must be a well-formed one: receivers would base64-decode it, so
 * treating a malformed one as raw characters would sign with a key they never use.
 */
export function checkWebhookSecret(secret: string): SecretCheck {
  const { minKeyBytes, maxKeyBytes, minChars, maxChars } = secretLimits
  if (secret.startsWith(secretPrefix)) {
    const key = decodeBase64(secret.slice(secretPrefix.length))
    if (key === undefined) {
      return refuse(
        'secret_base64',
        `A secret starting with ${secretPrefix} must continue with standard base64 (A–Z, a–z, 0–9, + and /, padded with =). Paste the whole secret, or generate a new one.`,
      )
    }
    if (key.length < minKeyBytes || key.length > maxKeyBytes) {
      return refuse(
        'secret_key_length',
        `A ${secretPrefix} secret must encode ${minKeyBytes}–${maxKeyBytes} bytes; this one encodes ${key.length}.`,
      )
    }
    return { ok: true, kind: 'whsec' }
  }
  if (secret.length < minChars || secret.length > maxChars) {
    return refuse(
      'secret_length',
      `The secret must be ${minChars}–${maxChars} characters long; this one has ${secret.length}.`,
    )
  }
  const bad = [...secret].findIndex((char) => !/^[\x20-\x7e]$/.test(char))
  if (bad !== -1) {
    return refuse(
      'secret_characters',
      `The secret may only contain printable ASCII characters (letters, digits, punctuation and spaces); character ${bad + 1} is not one.`,
    )
  }
  if (secret.startsWith(' ') || secret.endsWith(' ')) {
    return refuse(
      'secret_whitespace',
      'The secret starts or ends with a space, which is easily lost when it is copied. Remove it.',
    )
  }
  return { ok: true, kind: 'raw' }
}

/** Canonical padded base64 only: what decodes here must decode to the same bytes in every receiver's library. */
function decodeBase64(text: string): Uint8Array | undefined {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return undefined
  const binary = atob(text)
  // Unused low bits in the last character must be zero, or two spellings would name one key.
  if (btoa(binary) !== text) return undefined
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}

function refuse(issue: SecretIssue, reason: string): SecretCheck {
  return { ok: false, issue, reason }
}
