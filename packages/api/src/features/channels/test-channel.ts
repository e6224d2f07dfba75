/**
 * @module `POST /functions/v1/test-channel {"id"}`: checks a channel's credentials against its provider now (enabled
 * or not) and answers `{ok, code, message}`; the result is kept on the channel as `last_check` (the only column it
 * writes). Owners and admins only.
 */
import { type ChannelType, TestChannelRequest, TestChannelResult } from '@connectgain/contracts'
import { channels } from '@connectgain/db'
import { and, eq } from 'drizzle-orm'
import { orgRow } from '../../functions/org-row.ts'
import { defineFunction } from '../../functions/registry.ts'
import { checkChannel } from './check.ts'
import { openCredentials } from './secrets.ts'

export const testChannelFunction = defineFunction({
  name: 'test-channel',
  summary:
    "Check a channel's credentials with its provider now, enabled or not: WhatsApp reads its phone number and Messenger and Instagram their Page on Meta's Graph API, Telegram calls getMe, SMS reads the Twilio account. Answers `{ok, code, message}` (`code`: ok, invalid_token, missing_permission, not_found, rate_limited, network, timeout, or not_supported for website, email and API channels, which have nothing to check) and keeps it on the channel as `last_check`. Owners and admins only.",
  auth: 'member',
  permission: 'test-channel',
  changesData: true,
  input: TestChannelRequest,
  output: TestChannelResult,
  async handler({ id }, { deps, caller }) {
    const { db, config, clock, resolve } = deps
    const channel = await orgRow(db, channels, caller.orgId, id, {
      noun: 'channel',
      list: 'GET /rest/v1/channels',
    })
    const credentials = await openCredentials(config.ENCRYPTION_KEY, caller.orgId, channel.credentials)
    const checked = await checkChannel(
      { type: channel.type as ChannelType, settings: channel.settings },
      credentials,
      { config, ...(resolve ? { resolve } : {}) },
    )
    await db
      .update(channels)
      .set({ last_check: { ...checked, at: clock.now().toISOString() } })
      .where(and(eq(channels.id, id), eq(channels.org_id, caller.orgId)))
    return checked
  },
})
