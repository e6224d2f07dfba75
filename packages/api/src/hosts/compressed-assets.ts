/**
 * @module The element bundle over HTTP on Node: gzip or Brotli by `Accept-Encoding`, a year of caching for
 * hashed chunks, a short max-age and an ETag (and 304) for the entry. The Worker gets the same headers from
 * `.site/_headers` (scripts/build-site.js) and its compression from Cloudflare's edge.
 */
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename, extname, resolve, sep } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'

/** Chunks are named by their content (`chunks/zod-jweAWG_3.js`): a new build makes new names. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'
/** `cg-settings.js` keeps its name across deploys: browsers ask again after five minutes (a 304 if unchanged). */
export const REVALIDATE = 'public, max-age=300'

const HASHED = /^chunks\/.+-[\w-]{8}\.js(\.map)?$/

/** The Cache-Control for a file of the bundle, by its path inside it (`chunks/…`, `cg-settings.js`). */
export const cacheControlFor = (path: string): string => (HASHED.test(path) ? IMMUTABLE : REVALIDATE)

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
}

type Encoding = 'br' | 'gzip'

/** The encoding to answer in: Brotli, else gzip, else none, as `Accept-Encoding` weighs them (`q=0` refuses). */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | null {
  const weights = new Map<string, number>()
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim())
    const q = params.find((p) => p.startsWith('q='))
    if (name) weights.set(name, q ? Number(q.slice(2)) || 0 : 1)
  }
  const weight = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br'
  return weight('gzip') > 0 ? 'gzip' : null
}

/** Whether `If-None-Match` names `etag` (weak comparison, as for GET). */
const matches = (ifNoneMatch: string | undefined, etag: string): boolean =>
  !!ifNoneMatch &&
  ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t.replace(/^W\//, '') === etag.replace(/^W\//, '')
  })

interface Encoded {
  mtimeMs: number
  size: number
  etag: string
  identity: Buffer
  gzip: Buffer
  br: Buffer
}

const brotli = promisify(brotliCompress)
/**
 * Brotli's best quality, except on a file of megabytes (Scalar's 3.5 MB reference script): there quality 11 takes
 * seconds, which the first request would wait for, and 9 is ten times faster for 10% more bytes.
 */
const brotliQuality = (size: number): number => (size > 1_000_000 ? 9 : 11)
const gzipped = promisify(gzip)

/** A file and its two encodings, made once per version of the file (a rebuild is noticed by mtime and size). */
/** Whether `file` is a file, asked once per path. */
function hasFile(file: string, cache: Map<string, Promise<boolean>>): Promise<boolean> {
  let known = cache.get(file)
  if (!known) {
    known = stat(file).then(
      (s) => s.isFile(),
      () => false,
    )
    cache.set(file, known)
  }
  return known
}

async function encode(file: string, cache: Map<string, Promise<Encoded>>): Promise<Encoded | null> {
  const stats = await stat(file).catch(() => null)
  if (!stats?.isFile()) return null
  const cached = await cache.get(file)?.catch(() => undefined)
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached
  const pending = readFile(file).then(async (identity) => ({
    mtimeMs: stats.mtimeMs,
    size: stats.size,
    // Weak: the gzip and br bodies are other bytes of the same content.
    etag: `W/"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
    identity,
    gzip: await gzipped(identity, { level: 9 }),
    br: await brotli(identity, {
      params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality(identity.length) },
    }),
  }))
  cache.set(file, pending)
  return pending
}

/**
 * Serves the files under `root` at `prefix` (`/elements/`), encoded per `Accept-Encoding`, with
 * `cacheControlFor`'s Cache-Control, an ETag and `Vary: Accept-Encoding`; `If-None-Match` gets a 304.
 * A path that is not a file there goes on to the next handler (the API's 404).
 */
export function compressedAssets(root: string, prefix: string): MiddlewareHandler {
  const base = resolve(root)
  const cache = new Map<string, Promise<Encoded>>()
  const maps = new Map<string, Promise<boolean>>()
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
    if (!c.req.path.startsWith(prefix)) return next()
    let path: string
    try {
      path = decodeURIComponent(c.req.path.slice(prefix.length))
    } catch {
      return next() // a malformed escape: no such file
    }
    const file = resolve(base, path)
    if (!file.startsWith(base + sep)) return next()
    const encoded = await encode(file, cache).catch(() => null)
    if (!encoded) return next()
    const headers: Record<string, string> = {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': cacheControlFor(path),
      ETag: encoded.etag,
      Vary: 'Accept-Encoding',
    }
    // The element's chunks carry no sourceMappingURL comment (fewer bytes for every page): the header names the map.
    if (file.endsWith('.js') && (await hasFile(`${file}.map`, maps)))
      headers.SourceMap = `${basename(file)}.map`
    if (matches(c.req.header('if-none-match'), encoded.etag)) return c.body(null, 304, headers)
    const encoding = pickEncoding(c.req.header('accept-encoding'))
    const body = encoding ? encoded[encoding] : encoded.identity
    if (encoding) headers['Content-Encoding'] = encoding
    headers['Content-Length'] = String(body.length)
    if (c.req.method === 'HEAD') return c.body(null, 200, headers)
    // Buffers from readFile and zlib own an ArrayBuffer (never a SharedArrayBuffer).
    return c.body(body as Uint8Array<ArrayBuffer>, 200, headers)
  }
}
