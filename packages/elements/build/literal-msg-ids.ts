/**
 * @module A build plugin for dist/: @lit/localize's hashing of a message's text into an id, which runs only for a
 * `msg()` without `{ id }`, replaced by a throw. Every call here names its id (i18n/catalog.node.test.ts fails on
 * one that does not), so the hash (FNV-1a, about 0.3 KB gzip) never runs, yet every host page would download it.
 */
import type { Plugin } from 'vite'

const STUB = '\0cg-literal-msg-ids'

export function literalMsgIds(): Plugin {
  return {
    name: 'cg-literal-msg-ids',
    apply: 'build',
    enforce: 'pre', // before Vite resolves the import to the real file
    resolveId(source, importer) {
      return source === './id-generation.js' &&
        /@lit[\\/]localize[\\/]internal[\\/]runtime-msg\.js$/.test(importer ?? '')
        ? STUB
        : null
    },
    load(id) {
      if (id !== STUB) return null
      return `export const generateMsgId = () => { throw new Error('msg() without { id }: give every message its id') }`
    },
  }
}
