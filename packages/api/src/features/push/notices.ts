/**
 * @module What a push about a conversation says: its text, where a click leads, the tag that folds a
 * conversation's pushes into one notification on the device, and the topic that folds them at the push service.
 */
import type { Config } from '../../config.ts'
import type { PushNotice } from './outbox.ts'
import type { PushPayload } from './send.ts'

/** Chat news is stale after a while; a phone that was off for longer gets nothing rather than a backlog. */
export const CONVERSATION_PUSH_TTL_SECONDS = 12 * 60 * 60

/** A notification body shows about two lines; longer text is cut at a word with an ellipsis. */
const EXCERPT_CHARS = 140

export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= EXCERPT_CHARS) return flat
  const cut = flat.slice(0, EXCERPT_CHARS - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut}…`
}

/** A push about one conversation: tagged and topped by it, leading to it (PUSH_URL_TEMPLATE). */
export function conversationPush(
  config: Config,
  conversationId: string,
  notice: Pick<PushNotice, 'to' | 'preference' | 'urgency'> & Pick<PushPayload, 'title' | 'body'>,
): PushNotice {
  const { to, preference, urgency, title, body } = notice
  const url = config.PUSH_URL_TEMPLATE.replaceAll('{conversation_id}', encodeURIComponent(conversationId))
  return {
    to,
    preference,
    urgency,
    payload: { title, body, url, tag: `cg-conversation-${conversationId}` },
    // RFC 8030 topics are at most 32 base64url characters: ids are (cnv_ and 26).
    ...(/^[\w-]{1,32}$/.test(conversationId) ? { topic: conversationId } : {}),
    ttlSeconds: CONVERSATION_PUSH_TTL_SECONDS,
  }
}
