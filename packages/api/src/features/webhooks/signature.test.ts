/** @module Webhook secrets and signatures, checked against the `standardwebhooks` package that receivers use. */
import { Webhook, WebhookVerificationError } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import {
  checkWebhookSecret,
  generateWebhookSecret,
  isValidUserSecret,
  type SignatureHeaders,
  signatureHeaders,
} from './signature.ts'

const userSecret = 'correct horse battery staple!' // printable ASCII, used as its bytes
const body = JSON.stringify({ type: 'contact.created', data: { id: 'ct_1', name: 'Zoë' } })

function sign(secrets: string[], timestamp = new Date()): SignatureHeaders {
  return signatureHeaders({ id: 'msg_2x9', timestamp, body, secrets })
}

/** How a receiver checks a message: the kind of secret decides the library's `format`. */
function verifies(secret: string, headers: SignatureHeaders, payload = body): boolean {
  const webhook = secret.startsWith('whsec_') ? new Webhook(secret) : new Webhook(secret, { format: 'raw' })
  try {
    webhook.verify(payload, { ...headers })
    return true
  } catch (error) {
    if (error instanceof WebhookVerificationError) return false
    throw error
  }
}

function base64Of(length: number): string {
  return btoa(String.fromCharCode(...new Uint8Array(length).map((_, i) => i * 7)))
}

describe('generateWebhookSecret', () => {
  it('makes whsec_ secrets of 32 random bytes that are valid and differ each time', () => {
    const a = generateWebhookSecret()
    const b = generateWebhookSecret()
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    expect(atob(a.slice(6))).toHaveLength(32)
    expect(a).not.toBe(b)
    expect(checkWebhookSecret(a)).toEqual({ ok: true, kind: 'whsec' })
  })
})

describe('signatureHeaders', () => {
  it('signs so that a receiver with a generated whsec_ secret verifies the message', () => {
    const secret = generateWebhookSecret()
    const timestamp = new Date()
    const headers = sign([secret], timestamp)
    expect(headers['webhook-id']).toBe('msg_2x9')
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(timestamp.getTime() / 1000)))
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/)
    expect(verifies(secret, headers)).toBe(true)
  })

  it('signs with the characters of a user-entered secret as the key, as `format: "raw"` verifies', () => {
    const headers = sign([userSecret])
    expect(verifies(userSecret, headers)).toBe(true)
    // The same characters read as base64 would be a different key.
    expect(() => new Webhook(userSecret).verify(body, { ...headers })).toThrow()
  })

  it('decodes a whsec_ secret the way the library does: the key is the bytes, not the text', () => {
    const secret = `whsec_${base64Of(24)}`
    const headers = sign([secret])
    expect(verifies(secret, headers)).toBe(true)
    expect(verifies(secret, headers, `${body} `)).toBe(false)
    expect(() => new Webhook(secret, { format: 'raw' }).verify(body, { ...headers })).toThrow(
      WebhookVerificationError,
    )
  })

  it('signs with every secret during a rotation, and each secret alone verifies the header', () => {
    const oldSecret = generateWebhookSecret()
    const newSecret = userSecret
    const headers = sign([oldSecret, newSecret])
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2)
    expect(verifies(oldSecret, headers)).toBe(true)
    expect(verifies(newSecret, headers)).toBe(true)
    expect(verifies(generateWebhookSecret(), headers)).toBe(false)
  })

  it('is rejected by receivers once the timestamp is more than 5 minutes off', () => {
    const secret = generateWebhookSecret()
    expect(verifies(secret, sign([secret], new Date(Date.now() - 6 * 60_000)))).toBe(false)
    expect(verifies(secret, sign([secret], new Date(Date.now() + 6 * 60_000)))).toBe(false)
  })

  it('throws on no secret or an invalid one, naming it by position and never quoting it', () => {
    expect(() => sign([])).toThrow(/no secret/)
    const bad = 'short'
    expect(() => sign([generateWebhookSecret(), bad])).toThrow(/secret 2 is invalid \(secret_length\)/)
    expect(() => sign([bad])).not.toThrow(new RegExp(bad))
  })
})

describe('checkWebhookSecret', () => {
  it('accepts whsec_ secrets of 24 to 64 bytes and printable ASCII of 16 to 128 characters', () => {
    expect(checkWebhookSecret(`whsec_${base64Of(24)}`)).toEqual({ ok: true, kind: 'whsec' })
    expect(checkWebhookSecret(`whsec_${base64Of(64)}`)).toEqual({ ok: true, kind: 'whsec' })
    expect(checkWebhookSecret('a'.repeat(16))).toEqual({ ok: true, kind: 'raw' })
    expect(checkWebhookSecret('~'.repeat(128))).toEqual({ ok: true, kind: 'raw' })
    expect(checkWebhookSecret('has spaces inside, and !"#$%&')).toEqual({ ok: true, kind: 'raw' })
    expect(isValidUserSecret(userSecret)).toBe(true)
  })

  it.each([
    ['too short', 'a'.repeat(15), 'secret_length'],
    ['too long', 'a'.repeat(129), 'secret_length'],
    ['empty', '', 'secret_length'],
    ['non-ASCII', 'pässword-1234567890', 'secret_characters'],
    ['a control character', 'secret\tsecret-123456', 'secret_characters'],
    ['a newline', 'secret-1234567890\n', 'secret_characters'],
    ['a leading space', ' secret-1234567890', 'secret_whitespace'],
    ['a trailing space', 'secret-1234567890 ', 'secret_whitespace'],
    ['whsec_ with 23 bytes', `whsec_${base64Of(23)}`, 'secret_key_length'],
    ['whsec_ with 65 bytes', `whsec_${base64Of(65)}`, 'secret_key_length'],
    ['whsec_ with nothing after it', 'whsec_', 'secret_key_length'],
    [
      'whsec_ with base64url',
      `whsec_${base64Of(32).replace(/\+/g, '-').replace(/\//g, '_')}`,
      'secret_base64',
    ],
    ['whsec_ without padding', `whsec_${base64Of(32).replace(/=+$/, '')}`, 'secret_base64'],
    ['whsec_ with non-zero spare bits', `whsec_${base64Of(32).replace(/.=$/, 'B=')}`, 'secret_base64'],
    ['whsec_ with a space', `whsec_ ${base64Of(32)}`, 'secret_base64'],
    ['whsec_ with a password after it', 'whsec_my-long-password-here', 'secret_base64'],
  ])('refuses %s with a reason', (_, secret, issue) => {
    const check = checkWebhookSecret(secret)
    expect(check).toMatchObject({ ok: false, issue })
    expect(check.ok || check.reason.length > 20).toBe(true)
    expect(isValidUserSecret(secret)).toBe(false)
  })

  it('never quotes the secret in the reason', () => {
    for (const secret of ['pässword-1234567890', 'whsec_my-long-password-here', ' secret-1234567890']) {
      const check = checkWebhookSecret(secret)
      expect(check.ok).toBe(false)
      if (!check.ok) expect(check.reason).not.toContain(secret.trim())
    }
  })
})
