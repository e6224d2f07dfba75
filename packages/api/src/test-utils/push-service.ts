/** @module A fake Web Push service for tests: real HTTP on 127.0.0.1, scripted statuses, raw bodies kept, and a browser's keys to decrypt them. */
import { createECDH, type ECDH, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'

export interface PushRequest {
  method: string
  /** Path and query, as sent. */
  path: string
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>
  /** The encrypted body, byte for byte. */
  body: Uint8Array
}

export interface PushReply {
  /** 201 unless given, as a push service answers an accepted message. */
  status?: number
  headers?: Record<string, string>
  body?: string
  /** Never answer (the sender's timeout, or its crash, ends the request). */
  hang?: boolean
}

export interface FakePushService {
  /** The origin, `http://127.0.0.1:<port>`; the VAPID `aud` a sender must sign. */
  origin: string
  /** A subscription endpoint on this service. */
  endpoint(id?: string): string
  requests: PushRequest[]
  /** Answer the following requests with these replies in turn; the last one repeats. */
  script(...replies: PushReply[]): void
  close(): Promise<void>
}

/** Starts a push service on a free port that answers `201 Created` unless scripted otherwise. */
export async function startPushService(): Promise<FakePushService> {
  const requests: PushRequest[] = []
  let replies: PushReply[] = [{}]
  const server = createServer(async (req, res) => {
    requests.push({
      method: req.method ?? '',
      path: req.url ?? '',
      headers: flatHeaders(req),
      body: await readBody(req),
    })
    const reply = (replies.length > 1 ? replies.shift() : replies[0]) ?? {}
    if (reply.hang) return
    res.writeHead(reply.status ?? 201, reply.headers)
    res.end(reply.body ?? '')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  return {
    origin,
    endpoint: (id = 'sub-1') => `${origin}/push/v2/${id}`,
    requests,
    script(...next) {
      replies = next.length ? next : [{}]
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}

/** A browser's side of a subscription: its P-256 key pair and auth secret, as `PushSubscription.toJSON()` shows them. */
export interface TestSubscriber {
  keys: { p256dh: string; auth: string }
  ecdh: ECDH
  authSecret: Buffer
  /** Decrypts an aes128gcm body (RFC 8291) the way the browser would, and returns the plaintext. */
  decrypt(body: Uint8Array): string
}

interface HttpEce {
  decrypt(buffer: Buffer, params: { version: 'aes128gcm'; privateKey: ECDH; authSecret: Buffer }): Buffer
}
// http_ece ships no types; it is the reference implementation web-push itself encrypts with.
const ece = createRequire(import.meta.url)('http_ece') as HttpEce

export function createTestSubscriber(): TestSubscriber {
  const ecdh = createECDH('prime256v1')
  ecdh.generateKeys()
  const authSecret = randomBytes(16)
  return {
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') },
    ecdh,
    authSecret,
    // The sender's public key travels in the aes128gcm header's keyid, so no `dh` is needed here.
    decrypt: (body) =>
      ece.decrypt(Buffer.from(body), { version: 'aes128gcm', privateKey: ecdh, authSecret }).toString('utf8'),
  }
}

async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return new Uint8Array(Buffer.concat(chunks))
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}
