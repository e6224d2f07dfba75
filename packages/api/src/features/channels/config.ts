/**
 * @module The channels feature's configuration: the providers' API base URLs (tests point them at local fakes) and
 * the deadline of a connection check.
 */
import { z } from 'zod'

/** An http(s) base URL, kept without a trailing slash so paths join with one. */
const baseUrl = (fallback: string) =>
  z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
      message: 'must be an http(s) URL without a query, such as https://graph.facebook.com/v23.0',
    })
    .default(fallback)
    .transform((url) => url.replace(/\/+$/, ''))

export const channelsConfig = {
  /** Meta's Graph API, with its version: WhatsApp, Messenger and Instagram checks go here. */
  META_GRAPH_URL: baseUrl('https://graph.facebook.com/v23.0'),
  /** The Telegram Bot API. */
  TELEGRAM_API_URL: baseUrl('https://api.telegram.org'),
  /** Twilio's REST API (SMS). */
  TWILIO_API_URL: baseUrl('https://api.twilio.com'),
  /** How long `test-channel` waits for the provider, in milliseconds (10 s by default). */
  CHANNEL_CHECK_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(10_000),
}

const ChannelsConfigSchema = z.object(channelsConfig)
export type ChannelsConfig = z.infer<typeof ChannelsConfigSchema>

declare module '../../config.ts' {
  interface Config extends ChannelsConfig {}
}
