/**
 * @module A box's two mail servers as the email tester takes them: the saved settings (passwords decrypted) with
 * a request's unsaved ones over them, each host checked by the outbound guard (on save, and again before connecting).
 */
import {
  type FieldIssue,
  type MailCheck,
  type MailConnection,
  type MailSecurity,
  mailConnectionFields,
} from '@connectgain/contracts'
import type { emailBoxes } from '@connectgain/db'
import type { Deps } from '../../deps.ts'
import { ApiError } from '../../errors.ts'
import type { MailServer } from '../../mail.ts'
import { checkResolved, checkUrl, type UrlMode } from '../../net/url-guard.ts'
import { decryptSecret, encryptSecret } from '../../secrets/encryption.ts'

export type Side = 'imap' | 'smtp'
export const SIDES: readonly Side[] = ['imap', 'smtp']
export const PASSWORDS = ['imap_password', 'smtp_password'] as const

type BoxRow = typeof emailBoxes.$inferSelect

/** Binds a password's ciphertext to its org and column: copied anywhere else, it does not decrypt. */
const passwordContext = (orgId: string, column: string) => `email_boxes.${column}:${orgId}`

export const encryptPassword = (key: string, orgId: string, column: string, password: string) =>
  encryptSecret(key, password, passwordContext(orgId, column))

/** The host as the guard reads it: the host of an https URL (an IPv6 address in brackets). */
const hostUrl = (host: string) => (host.includes(':') ? `https://[${host}]/` : `https://${host}/`)

/** The save-time rule: in production no private address or internal name; demo mode allows them (127.0.0.1). */
export function hostIssue(field: string, host: string, mode: UrlMode): FieldIssue | null {
  const checked = checkUrl(hostUrl(host), mode)
  if (checked.ok) return null
  return { field, message: checked.reason, issue: 'custom', params: { id: checked.issue } }
}

/** 400 naming every host the guard refuses. */
export function assertHosts(values: Record<string, unknown>, mode: UrlMode): void {
  const issues = SIDES.flatMap((side) => {
    const host = values[`${side}_host`]
    const issue = typeof host === 'string' ? hostIssue(`${side}_host`, host, mode) : null
    return issue ? [issue] : []
  })
  if (issues.length === 0) return
  throw new ApiError('22P02', `Invalid ${issues.map((i) => i.field).join(', ')}: ${issues[0]?.message}`, {
    details: issues,
    hint: mode === 'production' ? 'Mail servers must be public hosts in production' : null,
  })
}

/** Whether a request names a connection setting (then it tests unsaved settings, not exactly the saved box). */
export const overridesConnection = (given: Record<string, unknown>): boolean =>
  mailConnectionFields.some((field) => given[field] !== undefined)

/** A side's settings; `password` is null when none is saved or the saved one cannot be decrypted. */
export interface SideSettings {
  host: string
  port: number
  security: MailSecurity
  username: string
  password: string | null
  /** Why there is no password, in plain words. */
  missing?: string
}

/** The saved box's settings with the given ones over them; a password left out is the saved one, decrypted. */
export async function mergedSettings(
  key: string,
  box: BoxRow | null,
  given: Partial<MailConnection>,
): Promise<Record<Side, SideSettings>> {
  const pick = async (side: Side): Promise<SideSettings> => {
    const value = <K extends keyof MailConnection>(field: K) =>
      (given[field] ?? box?.[field]) as MailConnection[K]
    const base = {
      host: value(`${side}_host`),
      port: value(`${side}_port`),
      security: value(`${side}_security`),
      username: value(`${side}_username`),
    }
    const typed = given[`${side}_password`]
    if (typed !== undefined) return { ...base, password: typed }
    const stored = box?.[`${side}_password`]
    if (!box || !stored)
      return { ...base, password: null, missing: `No ${side.toUpperCase()} password is saved.` }
    try {
      return {
        ...base,
        password: await decryptSecret(key, stored, passwordContext(box.org_id, `${side}_password`)),
      }
    } catch {
      return {
        ...base,
        password: null,
        missing: `The saved ${side.toUpperCase()} password can no longer be decrypted (ENCRYPTION_KEY changed?). Enter it again.`,
      }
    }
  }
  return { imap: await pick('imap'), smtp: await pick('smtp') }
}

/**
 * A side ready to connect, or the answer that stops it first: no password, or a host whose addresses the guard
 * refuses now (the name may point elsewhere than when it was saved). The checked address is the one to connect to.
 */
export async function serverFor(
  side: Side,
  settings: SideSettings,
  deps: Pick<Deps, 'config' | 'resolve'>,
): Promise<MailServer | MailCheck> {
  const label = side.toUpperCase()
  if (settings.password === null) {
    return { ok: false, code: 'auth_failed', message: settings.missing ?? `No ${label} password is saved.` }
  }
  const server: MailServer = { ...settings, password: settings.password }
  if (!deps.resolve) return server
  const mode = deps.config.CG_MODE
  const checked = await checkResolved(new URL(hostUrl(settings.host)), mode, deps.resolve)
  if (checked.ok) {
    const [address] = checked.addresses
    return address && address !== settings.host ? { ...server, address } : server
  }
  if (checked.issue === 'url_unresolvable') {
    return {
      ok: false,
      code: 'dns_failed',
      message: `The ${label} host ${settings.host} could not be found (DNS). Check the host name.`,
    }
  }
  return { ok: false, code: 'refused', message: `Not connecting to the ${label} host: ${checked.reason}` }
}

export const isServer = (value: MailServer | MailCheck): value is MailServer => 'host' in value
