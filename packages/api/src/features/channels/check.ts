/**
 * @module A channel's connection check: one read-only call to its provider (Meta's Graph API, Telegram's Bot API,
 * Twilio's REST API) through the outbound helper, and the answer in a stable code and plain words. The provider's
 * own message is quoted when it helps, with every credential scrubbed out; no token is ever in a message.
 */
import type { ChannelCheckCode, ChannelType, TestChannelResult } from '@connectgain/contracts'
import type { Config } from '../../config.ts'
import { type OutboundResult, outboundFetch } from '../../net/outbound.ts'
import type { Resolve } from '../../net/url-guard.ts'
import type { Credentials } from './secrets.ts'

export interface CheckContext {
  config: Config
  resolve?: Resolve
  fetch?: typeof fetch
}

export interface CheckedChannel {
  type: ChannelType
  settings: Record<string, unknown>
}

const result = (ok: boolean, code: ChannelCheckCode, message: string): TestChannelResult => ({
  ok,
  code,
  message,
})

/** What `test-channel` answers for `channel`: see the module comment. */
export async function checkChannel(
  channel: CheckedChannel,
  credentials: Credentials,
  ctx: CheckContext,
): Promise<TestChannelResult> {
  const checked = await checkProvider(channel, credentials, ctx)
  return { ...checked, message: scrub(checked.message, Object.values(credentials)) }
}

function checkProvider(
  { type, settings }: CheckedChannel,
  credentials: Credentials,
  ctx: CheckContext,
): Promise<TestChannelResult> | TestChannelResult {
  const setting = (key: string) => (typeof settings[key] === 'string' ? (settings[key] as string) : '')
  switch (type) {
    case 'whatsapp':
      return checkWhatsApp(setting('phone_number_id'), credentials.access_token, ctx)
    case 'messenger':
    case 'instagram':
      return checkPage(type, setting('page_id'), credentials.page_access_token, ctx)
    case 'telegram':
      return checkTelegram(credentials.bot_token, ctx)
    case 'sms':
      return checkTwilio(credentials.account_sid, credentials.auth_token, ctx)
    case 'website':
      return result(
        false,
        'not_supported',
        'A website chat channel has no provider to connect to: it works once the chat widget is embedded on your site.',
      )
    case 'email':
      return result(
        false,
        'not_supported',
        'An email channel connects through its email box: test the box under Settings → Email Boxes (POST /functions/v1/test-email-box).',
      )
    case 'api':
      return result(
        false,
        'not_supported',
        'An API channel has no provider to connect to: your backend POSTs messages to its inbound URL with its inbound token.',
      )
  }
}

const call = (url: string, headers: Record<string, string>, { config, resolve, fetch }: CheckContext) =>
  outboundFetch(
    url,
    { method: 'GET', headers: { accept: 'application/json', ...headers } },
    {
      mode: config.CG_MODE,
      timeoutMs: config.CHANNEL_CHECK_TIMEOUT_MS,
      ...(resolve ? { resolve } : {}),
      ...(fetch ? { fetch } : {}),
    },
  )

const missing = (what: string) =>
  result(false, 'invalid_token', `No ${what} is saved for this channel: enter it and save, then test again.`)

/** The JSON of an answer's body, or undefined when it is not JSON. */
function json(answer: OutboundResult): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(answer.body ?? '') as unknown
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 300) : undefined

/** The answer when no HTTP answer arrived (the guard refused, the network failed, the deadline passed). */
function unreachable(answer: OutboundResult, provider: string): TestChannelResult {
  const reason = answer.reason ?? 'no answer'
  if (answer.error === 'timeout')
    return result(false, 'timeout', `${provider} did not answer in time (${reason}). Try again in a moment.`)
  if (answer.error === 'redirect')
    return result(false, 'network', `${provider} could not be checked: ${reason}. Check its API base URL.`)
  return result(false, 'network', `${provider} could not be reached: ${reason}.`)
}

/** A provider's HTTP error status in words, when its body says nothing more specific. */
function byStatus(status: number | null, provider: string, said: string): TestChannelResult {
  const quote = said ? ` ${provider} said: ${said}` : ''
  if (status === 401)
    return result(false, 'invalid_token', `${provider} refused the credentials (HTTP 401).${quote}`)
  if (status === 403)
    return result(false, 'missing_permission', `${provider} denied access (HTTP 403).${quote}`)
  if (status === 404) return result(false, 'not_found', `${provider} found nothing there (HTTP 404).${quote}`)
  if (status === 429)
    return result(false, 'rate_limited', `${provider} asks to wait before trying again (HTTP 429).${quote}`)
  return result(false, 'network', `${provider} answered HTTP ${status ?? '?'}.${quote}`)
}

/**
 * A Graph API error in words. Meta answers `{error: {message, type, code, error_subcode, fbtrace_id}}`; `code`
 * decides: 190 an invalid or expired token, 10 and 200–299 a missing permission, 100 an object that does not exist
 * (or a bad parameter), 4, 17, 32 and 613 throttling. Anything else falls back to the HTTP status.
 */
function metaError(answer: OutboundResult, object: string): TestChannelResult {
  const error = json(answer)?.error as Record<string, unknown> | undefined
  const code = typeof error?.code === 'number' ? error.code : undefined
  const said = text(error?.message) ?? ''
  const quote = said ? ` Meta said: ${said}` : ''
  if (code === 190)
    return result(
      false,
      'invalid_token',
      `Meta refused the access token (it is wrong, expired or revoked): generate a new one and save it.${quote}`,
    )
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299))
    return result(
      false,
      'missing_permission',
      `The token lacks a permission this needs: grant it to the app or system user and generate the token again.${quote}`,
    )
  if (code === 100)
    return result(
      false,
      'not_found',
      `Meta found no ${object} with this ID that the token can read: check the ID and that the token belongs to its business.${quote}`,
    )
  if (code === 4 || code === 17 || code === 32 || code === 613)
    return result(
      false,
      'rate_limited',
      `Meta is rate-limiting this app or token: wait a few minutes and test again.${quote}`,
    )
  return byStatus(answer.status, 'Meta', said)
}

async function checkWhatsApp(
  phoneNumberId: string,
  token: string | undefined,
  ctx: CheckContext,
): Promise<TestChannelResult> {
  if (!token) return missing('access token')
  const url = `${ctx.config.META_GRAPH_URL}/${encodeURIComponent(phoneNumberId)}?fields=display_phone_number,verified_name`
  const answer = await call(url, { authorization: `Bearer ${token}` }, ctx)
  if (answer.status === null) return unreachable(answer, "Meta's Graph API")
  if (!answer.ok) return metaError(answer, 'WhatsApp phone number')
  const body = json(answer)
  const number = text(body?.display_phone_number)
  if (!number) return result(false, 'network', "Meta's answer did not include the phone number.")
  const name = text(body?.verified_name)
  return result(true, 'ok', `Connected to WhatsApp number ${number}${name ? ` (${name})` : ''}.`)
}

async function checkPage(
  type: 'messenger' | 'instagram',
  pageId: string,
  token: string | undefined,
  ctx: CheckContext,
): Promise<TestChannelResult> {
  if (!token) return missing('page access token')
  const url = `${ctx.config.META_GRAPH_URL}/${encodeURIComponent(pageId)}?fields=name`
  const answer = await call(url, { authorization: `Bearer ${token}` }, ctx)
  if (answer.status === null) return unreachable(answer, "Meta's Graph API")
  if (!answer.ok) return metaError(answer, 'Facebook Page')
  const name = text(json(answer)?.name)
  if (!name) return result(false, 'network', "Meta's answer did not include the Page's name.")
  const linked = type === 'instagram' ? ', whose linked Instagram account receives the messages' : ''
  return result(true, 'ok', `Connected to the Facebook Page "${name}"${linked}.`)
}

/**
 * Telegram answers `{ok, result}` or `{ok: false, error_code, description}`. A wrong token is 401; a token that is
 * not a token at all is 404 (the path names no bot), so both mean the token is wrong.
 */
async function checkTelegram(token: string | undefined, ctx: CheckContext): Promise<TestChannelResult> {
  if (!token) return missing('bot token')
  const answer = await call(`${ctx.config.TELEGRAM_API_URL}/bot${token}/getMe`, {}, ctx)
  if (answer.status === null) return unreachable(answer, "Telegram's Bot API")
  const body = json(answer)
  if (answer.ok && body?.ok === true) {
    const bot = body.result as Record<string, unknown> | undefined
    const username = text(bot?.username)
    const name = text(bot?.first_name)
    return result(
      true,
      'ok',
      `Connected to the bot ${username ? `@${username}` : 'with this token'}${name ? ` (${name})` : ''}.`,
    )
  }
  const said = text(body?.description) ?? ''
  if (answer.status === 401 || answer.status === 404)
    return result(
      false,
      'invalid_token',
      `Telegram does not know this bot token: copy it again from @BotFather (/mybots → your bot → API Token).${said ? ` Telegram said: ${said}` : ''}`,
    )
  return byStatus(answer.status, 'Telegram', said)
}

/** Twilio answers the account (`{sid, friendly_name, status}`) or `{code, message, more_info, status}`. */
async function checkTwilio(
  sid: string | undefined,
  token: string | undefined,
  ctx: CheckContext,
): Promise<TestChannelResult> {
  if (!sid) return missing('account SID')
  if (!token) return missing('auth token')
  const url = `${ctx.config.TWILIO_API_URL}/2010-04-01/Accounts/${encodeURIComponent(sid)}.json`
  const answer = await call(url, { authorization: `Basic ${btoa(`${sid}:${token}`)}` }, ctx)
  if (answer.status === null) return unreachable(answer, "Twilio's API")
  const body = json(answer)
  if (!answer.ok) {
    const said = text(body?.message) ?? ''
    if (answer.status === 401)
      return result(
        false,
        'invalid_token',
        `Twilio refused the account SID and auth token: copy both again from the Twilio Console's Account Info.${said ? ` Twilio said: ${said}` : ''}`,
      )
    if (answer.status === 404)
      return result(
        false,
        'not_found',
        `Twilio has no account with this SID.${said ? ` Twilio said: ${said}` : ''}`,
      )
    return byStatus(answer.status, 'Twilio', said)
  }
  const name = text(body?.friendly_name) ?? 'this account'
  const status = text(body?.status)
  if (status && status !== 'active')
    return result(
      false,
      'missing_permission',
      `The Twilio account "${name}" is ${status}: it cannot send or receive messages.`,
    )
  return result(true, 'ok', `Connected to the Twilio account "${name}".`)
}

/** Defence in depth: no message leaves with a credential in it, whatever a provider echoed. */
function scrub(message: string, secrets: readonly string[]): string {
  return secrets.reduce(
    (out, secret) => (secret.length < 4 ? out : out.replaceAll(secret, '[hidden]')),
    message,
  )
}
