/** @module The app runs on Node and workerd: only host files and tests may touch Node-only APIs. */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = new URL('.', import.meta.url).pathname
const nodeOnly =
  /from '(node:[\w/]+|@connectgain\/db\/(client|migrate)|@hono\/node-server[\w/]*|imapflow|nodemailer)'/g

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return ['hosts', 'test-utils'].includes(entry.name) ? [] : sources(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

describe('app sources', () => {
  it('import nothing Node-only outside hosts/ and tests', () => {
    const offenders = sources(root).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(nodeOnly)].map((m) => `${relative(root, file)}: ${m[1]}`),
    )
    expect(sources(root).length).toBeGreaterThan(10)
    expect(offenders).toEqual([])
  })
})
