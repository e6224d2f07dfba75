import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { afterAll, describe, expect, it } from 'vitest'
import { compressedAssets, IMMUTABLE, pickEncoding, REVALIDATE } from './compressed-assets.ts'

const dist = mkdtempSync(join(tmpdir(), 'cg-assets-'))
const entry = `export const hello = ${JSON.stringify('cg-settings '.repeat(400))}\n`
const chunk = `export const zod = ${JSON.stringify('zod '.repeat(400))}\n`
mkdirSync(join(dist, 'chunks'))
writeFileSync(join(dist, 'cg-settings.js'), entry)
writeFileSync(join(dist, 'chunks/zod-jweAWG_3.js'), chunk)
// Beside the served folder, not in it: no path may reach it.
const outside = `${dist}-secret.txt`
writeFileSync(outside, 'secret')

const app = new Hono()
app.use('/elements/*', compressedAssets(dist, '/elements/'))
app.notFound((c) => c.json({ code: 'CG404' }, 404))

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  app.request(path, { method, headers })

afterAll(() => {
  rmSync(dist, { recursive: true, force: true })
  rmSync(outside, { force: true })
})

describe('compressedAssets (the element bundle on Node)', () => {
  it('answers in Brotli or gzip as Accept-Encoding asks, and plain when it asks for neither', async () => {
    const br = await get('/elements/cg-settings.js', { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('vary')).toBe('Accept-Encoding')
    expect(br.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const brBytes = Buffer.from(await br.arrayBuffer())
    expect(Number(br.headers.get('content-length'))).toBe(brBytes.length)
    expect(brBytes.length).toBeLessThan(entry.length / 10)
    expect(brotliDecompressSync(brBytes).toString()).toBe(entry)

    const gz = await get('/elements/cg-settings.js', { 'accept-encoding': 'gzip' })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(entry)

    const plain = await get('/elements/cg-settings.js')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await plain.text()).toBe(entry)
  })

  it('weighs Accept-Encoding: q=0 refuses an encoding, * allows any', () => {
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip')
    expect(pickEncoding('gzip;q=1.0, br;q=0.5')).toBe('gzip')
    expect(pickEncoding('*')).toBe('br')
    expect(pickEncoding('identity')).toBeNull()
    expect(pickEncoding('gzip;q=0, br;q=0')).toBeNull()
    expect(pickEncoding(undefined)).toBeNull()
  })

  it('caches hashed chunks for a year, and the entry for a short while with an ETag and 304s', async () => {
    const chunkRes = await get('/elements/chunks/zod-jweAWG_3.js', { 'accept-encoding': 'br' })
    expect(chunkRes.headers.get('cache-control')).toBe(IMMUTABLE)
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable')

    const first = await get('/elements/cg-settings.js', { 'accept-encoding': 'br' })
    expect(first.headers.get('cache-control')).toBe(REVALIDATE)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/".+"$/)
    // The same ETag whatever the encoding: the content is the same.
    expect((await get('/elements/cg-settings.js')).headers.get('etag')).toBe(etag)

    const again = await get('/elements/cg-settings.js', { 'if-none-match': etag, 'accept-encoding': 'br' })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    expect(again.headers.get('cache-control')).toBe(REVALIDATE)
    expect((await get('/elements/cg-settings.js', { 'if-none-match': '"other"' })).status).toBe(200)
  })

  it('answers HEAD with the headers and no body', async () => {
    const head = await get('/elements/cg-settings.js', { 'accept-encoding': 'gzip' }, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers.get('content-encoding')).toBe('gzip')
    expect(await head.text()).toBe('')
  })

  it('serves a rebuilt file anew, with a new ETag', async () => {
    const before = (await get('/elements/cg-settings.js')).headers.get('etag')
    const rebuilt = `${entry}export const version = 2\n`
    writeFileSync(join(dist, 'cg-settings.js'), rebuilt)
    const after = await get('/elements/cg-settings.js', { 'accept-encoding': 'br' })
    expect(after.headers.get('etag')).not.toBe(before)
    expect(brotliDecompressSync(Buffer.from(await after.arrayBuffer())).toString()).toBe(rebuilt)
    writeFileSync(join(dist, 'cg-settings.js'), entry)
  })

  it('lets missing files, folders and paths outside the root fall through to the 404', async () => {
    for (const path of [
      '/elements/nope.js',
      '/elements/chunks',
      `/elements/%2e%2e%2f${basename(outside)}`,
      `/elements/..%2f${basename(outside)}`,
      '/elements/%E0%A4%A',
    ]) {
      const res = await get(path)
      expect(res.status, path).toBe(404)
      expect(await res.json()).toEqual({ code: 'CG404' })
    }
    expect((await get('/elements/cg-settings.js', {}, 'POST')).status).toBe(404)
  })
})
