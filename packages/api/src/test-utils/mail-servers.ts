/**
 * @module Mail servers for tests, on 127.0.0.1 and random ports: an in-memory IMAP server (hoodiecrow-imap), an SMTP
 * server that keeps what it receives (smtp-server), a TCP server that never greets, and a port nothing listens on.
 * TLS uses the self-signed certificate for localhost in fixtures/ (made for these tests, valid until 2126).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer, type Server, type Socket } from 'node:net'
import { SMTPServer } from 'smtp-server'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url))
/** A self-signed certificate for localhost and 127.0.0.1, and its key. */
export const selfSigned = { key: fixture('localhost.key'), cert: fixture('localhost.crt') }

export interface Running {
  port: number
  close(): Promise<void>
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port))
  })
}

/** Closes `server` after destroying its open connections (a client that hung up late must not hold the test). */
function closer(server: Server, sockets: Set<Socket>): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    })
}

function tracked(server: Server): Set<Socket> {
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  return sockets
}

interface Hoodiecrow {
  server: Server
  listen(port: number, host: string, done: () => void): void
}
// hoodiecrow-imap is CommonJS without types: loaded through require, its options typed here.
const hoodiecrow = createRequire(import.meta.url)('hoodiecrow-imap') as (options: {
  users: Record<string, { password: string }>
  storage: Record<string, unknown>
  secureConnection?: boolean
  credentials?: { key: Buffer; cert: Buffer }
}) => Hoodiecrow

/** An IMAP server whose INBOX holds `messages` messages; `tls`: TLS from the start, with the self-signed certificate. */
export async function startImap(opts: {
  username: string
  password: string
  messages: number
  tls?: boolean
}): Promise<Running> {
  const raw = (n: number) => `From: a@example.com\r\nSubject: Message ${n}\r\n\r\nHello ${n}`
  const imap = hoodiecrow({
    users: { [opts.username]: { password: opts.password } },
    storage: {
      INBOX: { messages: Array.from({ length: opts.messages }, (_, i) => ({ raw: raw(i + 1) })) },
      '': {},
    },
    ...(opts.tls ? { secureConnection: true, credentials: selfSigned } : {}),
  })
  const sockets = tracked(imap.server)
  // A client that fails its TLS handshake makes the server emit errors: they are the test's point, not a crash.
  imap.server.on('tlsClientError', () => {})
  imap.server.on('error', () => {})
  const port = await listen(imap.server)
  return { port, close: closer(imap.server, sockets) }
}

export interface ReceivedMail {
  from: string
  to: string[]
  subject: string
  raw: string
}

export interface SmtpFake extends Running {
  received: ReceivedMail[]
  /** The credentials each login tried, accepted or not. */
  logins: { username: string; password: string }[]
}

/** An SMTP server that accepts one login and keeps every message; `tls`: TLS from the start, self-signed. */
export async function startSmtp(opts: {
  username: string
  password: string
  tls?: boolean
}): Promise<SmtpFake> {
  const received: ReceivedMail[] = []
  const logins: SmtpFake['logins'] = []
  const smtp = new SMTPServer({
    ...(opts.tls
      ? { secure: true, ...selfSigned }
      : { allowInsecureAuth: true, disabledCommands: ['STARTTLS'] }),
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push({ username: auth.username ?? '', password: auth.password ?? '' })
      if (auth.username === opts.username && auth.password === opts.password)
        return callback(null, { user: auth.username })
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }))
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const from = session.envelope.mailFrom
        received.push({
          from: from ? from.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: /^Subject: (.*)$/im.exec(raw)?.[1]?.trim() ?? '',
          raw,
        })
        callback()
      })
    },
  })
  // A client that gives up mid-handshake is an error event: expected here.
  smtp.on('error', () => {})
  const server = (smtp as unknown as { server: Server }).server
  const sockets = tracked(server)
  const port = await listen(server)
  return {
    port,
    received,
    logins,
    close: closer(server, sockets),
  }
}

/** Accepts connections and never says a word: the greeting deadline's case. */
export async function startSilent(): Promise<Running> {
  const server = createServer(() => {})
  const sockets = tracked(server)
  const port = await listen(server)
  return { port, close: closer(server, sockets) }
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer()
  const port = await listen(server)
  await new Promise((resolve) => server.close(resolve))
  return port
}
