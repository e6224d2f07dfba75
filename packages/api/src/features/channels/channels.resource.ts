/**
 * @module channels: where conversations come from. Each type's settings and credentials are checked against its
 * own schema; credentials are encrypted at rest as one JSON object and never read back (`credential_keys` names
 * them), and a PATCH replaces exactly the credentials it names. Meta's types get a generated verify token, the API
 * type a generated inbound token (shown once: in the answer of the POST that created it). Owners and admins manage
 * channels; the other roles read what a channel is (id, type, name, enabled), not how it is connected.
 */
import {
  Channel,
  ChannelInsert,
  type ChannelType,
  ChannelUpdate,
  channelCredentials,
  channelSettings,
  channelSummaryColumns,
  isMetaChannelType,
} from '@connectgain/contracts'
import { channels } from '@connectgain/db'
import * as z from 'zod/mini'
import { ApiError } from '../../errors.ts'
import { defineResource, type Row } from '../../rest/registry.ts'
import { parseBody } from '../../rest/validate.ts'
import { generateToken, openCredentials, sealCredentials } from './secrets.ts'

/** The API channel's one credential, generated: what its inbound URL expects as `Authorization: Bearer …`. */
export const INBOUND_TOKEN = 'inbound_token'

/** The path of a channel's inbound URL; `inbound_url` is it on the origin the row was read through. */
export const inboundPath = (id: string) => `/functions/v1/inbound/${id}`

const isType = (type: unknown): type is ChannelType => typeof type === 'string' && type in channelSettings

/** `values` without the keys set to null (a PATCH removes a key by sending it as null). */
const withoutNulls = <T>(values: Record<string, T | null>): Record<string, T> =>
  Object.fromEntries(Object.entries(values).filter((entry): entry is [string, T] => entry[1] !== null))

/** The row's settings with a PATCH's merged in, checked against its type (issues named `settings.<key>`). */
function mergeSettings(type: ChannelType, stored: unknown, patch: Record<string, unknown>): Row {
  const merged = withoutNulls({ ...(stored as Row), ...patch })
  const schema = z.strictObject({ settings: channelSettings[type] })
  return parseBody(schema, { settings: merged }, 'channels').settings as Row
}

/** Checks a PATCH's credentials against the row's type: each key one of its credentials (`credentials.<key>`). */
function checkCredentials(type: ChannelType, patch: Record<string, string | null>): void {
  if (type === 'api' && Object.keys(patch).length > 0) {
    throw new ApiError('22P02', "Invalid credentials: the API channel's inbound token is generated", {
      details: [{ field: 'credentials', message: 'The API channel takes no credentials', issue: 'custom' }],
      hint: 'To get a new inbound token, create a new API channel and delete this one',
    })
  }
  const known = Object.keys(channelCredentials[type].shape)
  const unknown = Object.keys(patch).find((key) => !known.includes(key))
  if (unknown !== undefined) {
    throw new ApiError('PGRST204', `Could not find the 'credentials.${unknown}' column of 'channels'`, {
      details: [{ field: `credentials.${unknown}`, message: 'Unknown credential', issue: 'unknown' }],
      hint: `A ${type} channel's credentials: ${known.join(', ') || 'none'}`,
    })
  }
  const schema = z.strictObject({ credentials: z.partial(channelCredentials[type]) })
  parseBody(schema, { credentials: withoutNulls(patch) }, 'channels')
}

export const channelsResource = defineResource({
  name: 'channels',
  singular: 'channel',
  description:
    "The organization's channels (website chat, email, WhatsApp, Messenger, Instagram, Telegram, SMS, API): a type, a name, the type's `settings` and its `credentials`, which are encrypted and never returned (`credential_keys` names the ones set; a PATCH replaces exactly the ones it sends, `null` removes one). Each row shows its `inbound_url`, and Meta's types their `verify_token`, to paste into the provider's console. The API type's inbound token is generated and shown once, in the answer of the POST that creates it (send `Prefer: return=representation`). Owners and admins manage channels; agents, project managers and team admins read only `id`, `type`, `name` and `enabled`. Check a channel's credentials with `POST /functions/v1/test-channel`.",
  table: channels,
  row: Channel,
  insert: ChannelInsert,
  update: ChannelUpdate,
  deletable: true,
  secret: ['credentials'],
  columnsFor: {
    agent: channelSummaryColumns,
    project_manager: channelSummaryColumns,
    team_admin: channelSummaryColumns,
  },
  idPrefix: 'chn',
  async beforeWrite(values, { op, config, caller }) {
    if (op === 'update') return values // per row, against its type: mergeUpdate
    const { credentials: given, ...stored } = values
    const type = String(values.type)
    const credentials = { ...(given as Record<string, string>) }
    if (type === 'api') credentials[INBOUND_TOKEN] = generateToken('cgin_')
    return {
      ...stored,
      ...(await sealCredentials(config.ENCRYPTION_KEY, caller.orgId, credentials)),
      verify_token: isMetaChannelType(type) ? generateToken('cgvt_') : null,
    }
  },
  async mergeUpdate(set, before, { config, caller }) {
    const type = before.type
    if (!isType(type)) throw new Error(`channels: a stored row of unknown type ${String(type)}`)
    const { credentials: patch, settings, ...rest } = set
    const out: Row = { ...rest }
    if (settings !== undefined) out.settings = mergeSettings(type, before.settings, settings as Row)
    if (patch !== undefined) {
      const given = patch as Record<string, string | null>
      checkCredentials(type, given)
      const current = await openCredentials(config.ENCRYPTION_KEY, caller.orgId, before.credentials)
      Object.assign(
        out,
        await sealCredentials(config.ENCRYPTION_KEY, caller.orgId, withoutNulls({ ...current, ...given })),
      )
    }
    return out
  },
  async afterRead(row, { config, url, written, caller }) {
    const path = inboundPath(String(row.id))
    const showToken = written === 'insert' && row.type === 'api'
    const credentials = showToken
      ? await openCredentials(config.ENCRYPTION_KEY, caller.orgId, row.credentials)
      : {}
    return {
      ...row,
      inbound_url: url ? new URL(path, url).href : path,
      inbound_token: credentials[INBOUND_TOKEN] ?? null,
    }
  },
  sample: (n) => ({
    type: 'website',
    name: `Website ${n}`,
    settings: { domain: `${n}.example.com`, welcome_message: `Hi from ${n}` },
  }),
})
