/** @module VAPID (RFC 8292) keys and the subject a push service sees: generation and the checks a deploy must pass. */
import webPush from 'web-push'

/** The application server's identity: a P-256 key pair (base64url, no padding) and a contact URI. */
export interface VapidKeys {
  /** 65-byte uncompressed P-256 point; browsers take it as `applicationServerKey`. */
  publicKey: string
  /** 32-byte P-256 scalar. A secret: never log it or put it in an error. */
  privateKey: string
  /** `mailto:` or `https:` contact the push service can reach the operator at. */
  subject: string
}

export type VapidMode = 'demo' | 'production'

export type SubjectCheck = { ok: true } | { ok: false; reason: string }

/** A fresh key pair; the caller adds the subject. */
export function generateVapidKeys(): Pick<VapidKeys, 'publicKey' | 'privateKey'> {
  const { publicKey, privateKey } = webPush.generateVAPIDKeys()
  return { publicKey, privateKey }
}

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0'])

/**
 * Production needs a subject push services accept: Apple answers `BadJwtToken` to a localhost one, and RFC 8292
 * allows only `mailto:` and `https:`. Demo mode runs on a laptop, so `http:` and localhost pass there.
 */
export function checkVapidSubject(subject: string, mode: VapidMode): SubjectCheck {
  let url: URL
  try {
    url = new URL(subject.trim())
  } catch {
    return { ok: false, reason: 'the VAPID subject must be a mailto: address or an https: URL' }
  }
  // web-push signs with no other kind, in either mode.
  if (!['mailto:', 'https:'].includes(url.protocol)) {
    return {
      ok: false,
      reason: `the VAPID subject must be a mailto: address or an https: URL, not ${url.protocol}`,
    }
  }
  if (url.protocol === 'mailto:') {
    const address = decodeURIComponent(url.pathname)
    if (!/^[^@\s]+@[^@\s]+$/.test(address)) {
      return {
        ok: false,
        reason: 'the VAPID subject mailto: needs an email address (mailto:ops@example.com)',
      }
    }
    return { ok: true }
  }
  if (!url.hostname) return { ok: false, reason: 'the VAPID subject URL has no host' }
  if (mode === 'production' && (localHosts.has(url.hostname) || url.hostname.endsWith('.localhost'))) {
    return {
      ok: false,
      reason: 'the VAPID subject must not point at localhost in production: Apple rejects it (BadJwtToken)',
    }
  }
  return { ok: true }
}

/** The server's VAPID keys from its configuration; null when any of the three is not set. */
export function configuredVapid(config: {
  VAPID_PUBLIC_KEY?: string | undefined
  VAPID_PRIVATE_KEY?: string | undefined
  VAPID_SUBJECT?: string | undefined
}): VapidKeys | null {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = config
  return publicKey && privateKey && subject ? { publicKey, privateKey, subject } : null
}
