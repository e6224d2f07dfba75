/** @module VAPID keys have the sizes browsers expect, and production refuses subjects push services reject. */
import { describe, expect, it } from 'vitest'
import { checkVapidSubject, generateVapidKeys } from './vapid.ts'

const base64url = /^[A-Za-z0-9_-]+$/

describe('generateVapidKeys', () => {
  it('makes a 65-byte uncompressed P-256 public key and a 32-byte private key, base64url', () => {
    const { publicKey, privateKey } = generateVapidKeys()
    expect(publicKey).toMatch(base64url)
    expect(privateKey).toMatch(base64url)
    const pub = Buffer.from(publicKey, 'base64url')
    expect(pub).toHaveLength(65)
    expect(pub[0]).toBe(0x04)
    expect(Buffer.from(privateKey, 'base64url')).toHaveLength(32)
  })

  it('makes a different pair each time', () => {
    const a = generateVapidKeys()
    const b = generateVapidKeys()
    expect(a.publicKey).not.toBe(b.publicKey)
    expect(a.privateKey).not.toBe(b.privateKey)
  })

  it('makes a public key Web Crypto imports as P-256', async () => {
    const { publicKey } = generateVapidKeys()
    const key = await crypto.subtle.importKey(
      'raw',
      Buffer.from(publicKey, 'base64url'),
      { name: 'ECDSA', namedCurve: 'P-256' },
      true,
      ['verify'],
    )
    expect(key.type).toBe('public')
  })
})

describe('checkVapidSubject', () => {
  it.each(['mailto:ops@example.com', 'https://example.com', 'https://example.com/contact'])(
    'accepts %s in production',
    (subject) => {
      expect(checkVapidSubject(subject, 'production')).toEqual({ ok: true })
    },
  )

  it.each([
    ['https://localhost', /localhost/],
    ['https://localhost:8787/contact', /localhost/],
    ['https://127.0.0.1', /localhost/],
    ['https://app.localhost', /localhost/],
    ['http://example.com', /mailto: address or an https: URL, not http:/],
    ['ftp://example.com', /not ftp:/],
    ['not a url', /must be a mailto: address or an https: URL/],
    ['', /must be a mailto: address or an https: URL/],
    ['mailto:', /needs an email address/],
    ['mailto:nobody', /needs an email address/],
  ])('refuses %s in production', (subject, reason) => {
    const check = checkVapidSubject(subject, 'production')
    expect(check.ok).toBe(false)
    if (!check.ok) expect(check.reason).toMatch(reason)
  })

  it.each(['mailto:demo@example.com', 'https://example.com', 'https://localhost'])(
    'accepts %s in demo',
    (subject) => {
      expect(checkVapidSubject(subject, 'demo')).toEqual({ ok: true })
    },
  )

  // web-push signs with mailto: and https: subjects only, so http: fails in demo mode too.
  it.each(['garbage', 'ftp://example.com', 'javascript:alert(1)', 'http://localhost:8787'])(
    'refuses %s in demo too',
    (subject) => {
      expect(checkVapidSubject(subject, 'demo').ok).toBe(false)
    },
  )
})
