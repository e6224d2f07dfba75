/** @module Browser-side test helpers: real sessions from the real API host the test runner started. */
import type { RoleName } from '@connectgain/contracts/permissions'

declare global {
  interface Window {
    CG_API_URL: string
    /** A push service on 127.0.0.1 that accepts every push (test/api-host.js). */
    CG_PUSH_URL: string
    /** An IMAP and an SMTP server on 127.0.0.1 that accept this login (test/api-host.js). */
    CG_MAIL: { imap: number; smtp: number; username: string; password: string; messages: number }
    /** A bot token the Telegram fake's getMe accepts (test/api-host.js); it refuses any other. */
    CG_TELEGRAM_TOKEN: string
  }
}

export const apiUrl = (): string => window.CG_API_URL

export interface DevSession {
  access_token: string
  org_id: string
  user_id: string
  role: RoleName
}

/** `POST /functions/v1/dev/session`: the demo org, or `orgSlug`'s (created on first use). */
export async function devSession(role: RoleName, orgSlug?: string): Promise<DevSession> {
  const res = await fetch(`${apiUrl()}/functions/v1/dev/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(orgSlug ? { role, org_slug: orgSlug } : { role }),
  })
  if (!res.ok) throw new Error(`dev session: ${res.status} ${await res.text()}`)
  return res.json()
}

/** A fresh org of its own for a test that writes, so tests do not see each other's changes. */
export const uniqueSlug = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`

/** Reads the caller's organization straight from the API. */
export async function readOrg(token: string): Promise<Record<string, string>> {
  const res = await fetch(`${apiUrl()}/rest/v1/organizations`, {
    headers: { authorization: `Bearer ${token}` },
  })
  const [org] = await res.json()
  return org
}

/** Waits until `predicate` holds (polling), or fails with `what`. */
export async function until(predicate: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now()
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}
