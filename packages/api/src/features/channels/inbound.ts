/**
 * @module A channel's inbound URL, `/functions/v1/inbound/{channel_id}`: public (no session or API key), each request
 * proven by what the channel holds instead.
 * - `GET`: Meta's subscription handshake. `hub.mode=subscribe` with the channel's `hub.verify_token` answers
 *   `hub.challenge` as text; a wrong token is 403.
 * - `POST` on Meta's types: a delivery, its `X-Hub-Signature-256` checked against the app secret over the raw body
 *   (401 and nothing written when it is missing or wrong). WhatsApp text messages become contact, conversation and
 *   message; other kinds are acknowledged and ignored.
 * - `POST` on the API type: `{contact, content, external_id?}` with `Authorization: Bearer <inbound token>`.
 * An unknown or disabled channel is 404 for all of them; so is a type that takes no deliveries here.
 */
import {
  type ChannelType,
  InboundApiMessage,
  type InboundResult,
  isMetaChannelType,
} from '@connectgain/contracts'
import { channels } from '@connectgain/db'
import { eq } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import { inBackground } from '../../background.ts'
import { ApiError } from '../../errors.ts'
import { unauthorized } from '../../middleware/auth.ts'
import { readJsonBody } from '../../middleware/body.ts'
import { requestHeader } from '../../middleware/headers.ts'
import type { Registry } from '../../rest/registry.ts'
import { parseBody } from '../../rest/validate.ts'
import type { AppEnv } from '../../types.ts'
import { INBOUND_TOKEN } from './channels.resource.ts'
import { type ChannelRow, type Delivered, deliverInbound, type InboundMessage } from './deliver.ts'
import { openCredentials, sameSecret, verifyHubSignature } from './secrets.ts'

export const INBOUND_PATH = '/functions/v1/inbound'

const notFound = (id: string) =>
  new ApiError('CG404', `No channel '${id}' receives messages here`, {
    details: [{ field: 'channel_id', message: 'Unknown or disabled channel' }],
    hint: "Copy the channel's inbound URL again, and check that the channel is enabled",
  })

/** The enabled channel `id`, of any org: its id in the URL is all a provider sends. */
async function enabledChannel(c: Context<AppEnv>, id: string): Promise<ChannelRow> {
  const [channel] = await c.get('deps').db.select().from(channels).where(eq(channels.id, id)).limit(1)
  if (!channel?.enabled) throw notFound(id)
  return channel
}

/** A WhatsApp Cloud API delivery's text messages, for the channel's own phone number, as inbound messages. */
export function whatsappTextMessages(payload: unknown, phoneNumberId: string): InboundMessage[] {
  const out: InboundMessage[] = []
  const list = (value: unknown): Record<string, unknown>[] =>
    Array.isArray(value)
      ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
      : []
  const record = (value: unknown): Record<string, unknown> =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  for (const entry of list(record(payload).entry)) {
    for (const change of list(entry.changes)) {
      const value = record(change.value)
      // One app's webhook carries every number subscribed to it: only this channel's number is its to take.
      const to = record(value.metadata).phone_number_id
      if (to !== undefined && String(to) !== phoneNumberId) continue
      const names = new Map(
        list(value.contacts).map((c) => [String(c.wa_id), record(c.profile).name] as const),
      )
      for (const message of list(value.messages)) {
        const from = typeof message.from === 'string' ? message.from.replace(/^\+/, '') : ''
        const body = record(message.text).body
        if (message.type !== 'text' || typeof body !== 'string' || body.trim() === '') continue
        if (!/^[1-9]\d{6,14}$/.test(from) || typeof message.id !== 'string') continue
        const name = names.get(from)
        out.push({
          contact: { phone: `+${from}`, ...(typeof name === 'string' ? { name } : {}) },
          content: body.slice(0, 10_000),
          externalId: message.id,
        })
      }
    }
  }
  return out
}

/** The inbound routes (see the module comment), writing through `registry`'s commit path. */
export function inboundRoutes(registry: Registry): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/:id', async (c) => {
    const id = c.req.param('id')
    const channel = await enabledChannel(c, id)
    if (!isMetaChannelType(channel.type)) throw notFound(id)
    const token = c.req.query('hub.verify_token') ?? ''
    const challenge = c.req.query('hub.challenge') ?? ''
    if (
      c.req.query('hub.mode') !== 'subscribe' ||
      !channel.verify_token ||
      !sameSecret(token, channel.verify_token)
    ) {
      throw new ApiError('42501', 'The verify token does not match this channel', {
        hint: "Paste the channel's verify token into the Verify token field beside its Callback URL",
      })
    }
    return c.text(challenge.slice(0, 1024), 200)
  })

  app.post('/:id', async (c) => {
    const id = c.req.param('id')
    const channel = await enabledChannel(c, id)
    const { config } = c.get('deps')
    const credentials = await openCredentials(config.ENCRYPTION_KEY, channel.org_id, channel.credentials)
    const deliver = (messages: InboundMessage[]) => deliverAll(c, registry, channel, messages)

    if (isMetaChannelType(channel.type)) {
      const body = new Uint8Array(await c.req.arrayBuffer())
      const signed = await verifyHubSignature(
        body,
        requestHeader(c, 'x-hub-signature-256'),
        credentials.app_secret ?? '',
      )
      if (!signed) {
        throw unauthorized(
          'The X-Hub-Signature-256 header is missing or does not match the body',
          "Save the Meta app's App secret on the channel (App settings → Basic)",
        )
      }
      let payload: unknown
      try {
        payload = JSON.parse(new TextDecoder().decode(body))
      } catch {
        payload = null // Signed by Meta but not JSON: acknowledged, nothing to take from it.
      }
      const settings = channel.settings as Record<string, unknown>
      const messages =
        channel.type === 'whatsapp'
          ? whatsappTextMessages(payload, String(settings.phone_number_id ?? ''))
          : []
      return c.json({ received: true, messages: await deliver(messages) } satisfies InboundResult, 200)
    }

    if (channel.type === 'api') {
      const given = /^Bearer\s+(\S+)\s*$/i.exec(requestHeader(c, 'authorization') ?? '')?.[1] ?? ''
      const expected = credentials[INBOUND_TOKEN] ?? ''
      if (!sameSecret(given, expected)) {
        throw unauthorized(
          given ? 'The inbound token does not match this channel' : 'Send the inbound token',
          'Send "Authorization: Bearer <the channel\'s inbound token>"',
          given !== '',
        )
      }
      const input = parseBody(InboundApiMessage, await readJsonBody(c), 'inbound', { noun: 'field' })
      const [delivered] = await deliver([
        { contact: input.contact, content: input.content, externalId: input.external_id },
      ])
      const result: InboundResult = { received: true, messages: delivered ? [delivered] : [] }
      return c.json(result, delivered?.duplicate ? 200 : 201)
    }

    throw new ApiError('CG404', `A ${channel.type as ChannelType} channel takes no deliveries at this URL`, {
      details: [{ field: 'channel_id', message: 'Not a WhatsApp, Messenger, Instagram or API channel' }],
      hint: 'Inbound URLs receive Meta deliveries (WhatsApp, Messenger, Instagram) and the API channel',
    })
  })

  app.all('/:id', () => {
    throw new ApiError('CG405', 'An inbound URL takes GET (the handshake) and POST (deliveries)', {
      headers: { Allow: 'GET, POST' },
    })
  })
  return app
}

/** Writes each message in order (a second one from the same contact joins the conversation the first opened). */
async function deliverAll(
  c: Context<AppEnv>,
  registry: Registry,
  channel: ChannelRow,
  messages: InboundMessage[],
): Promise<Delivered[]> {
  const out: Delivered[] = []
  for (const message of messages) {
    out.push(await deliverInbound(c.get('deps'), registry, channel, message, (work) => inBackground(c, work)))
  }
  return out
}
