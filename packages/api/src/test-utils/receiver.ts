/** @module A recording webhook receiver for tests: real HTTP on 127.0.0.1, scripted answers, every request kept. */
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedRequest {
  method: string
  /** Path and query, as sent. */
  path: string
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>
  /** The raw body as UTF-8 text: what a receiver passes to `Webhook.verify`. */
  body: string
  receivedAt: Date
}

export interface ScriptedReply {
  /** 200 unless given. */
  status?: number
  headers?: Record<string, string>
  body?: string | Uint8Array
  /** Wait this long before answering. */
  delayMs?: number
  /** Never answer: the request stays open until the client gives up or the receiver closes. */
  hang?: boolean
  /** Send the status, headers and body, then keep the response open instead of ending it. */
  keepOpen?: boolean
}

export type Responder = (request: ReceivedRequest) => ScriptedReply | Promise<ScriptedReply>

export interface Receiver {
  /** The origin, `http://127.0.0.1:<port>` without a trailing slash; append any path. */
  url: string
  requests: ReceivedRequest[]
  /** Answer the next requests with `responder` (replaces the one given to {@link startReceiver}). */
  respondWith(responder: Responder): void
  /** Stops listening and drops open connections, including hung ones. */
  close(): Promise<void>
}

/** Starts a receiver on a free port; it answers `200 ok` unless told otherwise. */
export async function startReceiver(responder: Responder = () => ({})): Promise<Receiver> {
  const requests: ReceivedRequest[] = []
  let respond = responder
  const server = createServer(async (req, res) => {
    const request: ReceivedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: flatHeaders(req),
      body: await readBody(req),
      receivedAt: new Date(),
    }
    requests.push(request)
    let reply: ScriptedReply
    try {
      reply = await respond(request)
    } catch (error) {
      reply = { status: 500, body: `the test's responder threw: ${String(error)}` }
    }
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs))
    if (reply.hang || res.destroyed) return
    res.writeHead(reply.status ?? 200, reply.headers)
    if (reply.keepOpen) {
      res.flushHeaders()
      if (reply.body !== undefined) res.write(reply.body)
      return
    }
    res.end(reply.body ?? 'ok')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith(next) {
      respond = next
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}
