/** @module A folder served over HTTP on 127.0.0.1, as a host app's own origin (another origin than the API's). */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
}

export interface ServedDir {
  /** `http://127.0.0.1:<port>/` */
  url: string
  close(): void
}

/** Serves `dir` (`/` is index.html) until `close()`. */
export async function serveDir(dir: string): Promise<ServedDir> {
  const server = createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://x').pathname)
    const file = join(dir, path === '/' ? 'index.html' : path)
    let body: Buffer
    try {
      body = readFileSync(file)
    } catch {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() }
}
