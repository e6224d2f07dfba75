/**
 * Two builds of `<cg-settings>`, each an entry, one lazily loaded chunk per tab and per form control, and the chunks tabs share:
 *
 * - `vite build` → dist/: for `<script type="module" src=…>` (the API serves it at /elements/). Self-contained
 *   and minified; zod/mini (the contracts validate with it, about 6 KB gzip) in a chunk of its own, loaded
 *   once with the first tab. `npm run size` checks its budgets.
 * - `vite build --mode package` → lib/: what the npm package's `exports` name, for a host app's bundler.
 *   lit, @lit/context and zod stay imports (the package's dependencies, shared with the host's copies);
 *   the contracts and @lit/localize are bundled (@lit/localize can be configured once per copy, and a
 *   host app may use its own).
 *
 * Each also gets `cg-sw.js`, the push service worker (src/sw/), from a build of its own (`serviceWorker`).
 */
import { copyFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { build, defineConfig, type Plugin, type Rolldown } from 'vite'
import { literalMsgIds } from './build/literal-msg-ids.ts'
import { minifyLiterals } from './build/minify-literals.ts'
import { parallelImports } from './build/parallel-imports.ts'
import { stripContractMeta } from './build/strip-meta.ts'

/** The package's runtime dependencies: imported, not bundled, in lib/. */
const dependency = /^(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/context|zod)(\/|$)/

/**
 * dist/ carries custom-elements.json too, so the API serves it beside the element. `npm run build` writes a
 * fresh one after this build and copies it again; this keeps it through rebuilds such as `npm run size`.
 */
const withManifest: Plugin = {
  name: 'cg-custom-elements-manifest',
  writeBundle({ dir }) {
    if (dir && existsSync('custom-elements.json'))
      copyFileSync('custom-elements.json', join(dir, 'custom-elements.json'))
  },
}

/**
 * `cg-sw.js` beside the element: one classic script (an IIFE, no imports, nothing global), since a module
 * service worker is not registered everywhere push works and `importScripts` takes classic scripts only. Built
 * on its own, so the element's chunks stay as they are. Not minified: a host copies it to its own origin, and
 * may read what it serves there.
 */
function serviceWorker(): Plugin {
  let root = process.cwd()
  return {
    name: 'cg-service-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root
    },
    async generateBundle() {
      const built = await build({
        root,
        configFile: false,
        logLevel: 'warn',
        build: {
          write: false,
          copyPublicDir: false,
          // Push reached the last major browser in 2023 (Safari 16.4); ES2017 also parses in older ones.
          target: 'es2017',
          minify: false,
          // `name` is required for an IIFE; the entry exports nothing, so no global of that name is made.
          lib: {
            entry: 'src/sw/cg-sw.ts',
            formats: ['iife'],
            name: 'cgServiceWorker',
            fileName: () => 'cg-sw.js',
          },
          rolldownOptions: {
            output: {
              banner:
                '// cg-sw.js: the ConnectGain push service worker (@connectgain/elements). Serve it from the\n' +
                "// page's own origin, at /cg-sw.js or where sw-url says: docs/notifications.md.",
            },
          },
        },
      })
      const outputs = [built].flat() as Rolldown.RolldownOutput[]
      const [chunk] = outputs.flatMap((output) => output.output).filter((file) => file.type === 'chunk')
      if (!chunk) throw new Error('cg-sw.js: the service worker build gave no script')
      this.emitFile({ type: 'asset', fileName: 'cg-sw.js', source: chunk.code })
    },
  }
}

export default defineConfig(({ mode }) => {
  const forPackage = mode === 'package'
  return {
    logLevel: 'warn',
    plugins: forPackage
      ? [serviceWorker()]
      : [
          withManifest,
          serviceWorker(),
          minifyLiterals(),
          stripContractMeta(),
          literalMsgIds(),
          parallelImports(),
        ],
    build: {
      outDir: forPackage ? 'lib' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      // dist/: maps beside the chunks, named by a SourceMap response header (both hosts send one) rather than a
      // comment in each chunk, which every host page would download (about 1.4 KB gzip over all chunks).
      sourcemap: forPackage ? true : 'hidden',
      manifest: !forPackage,
      lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'cg-settings' },
      rolldownOptions: {
        external: forPackage ? (id: string) => dependency.test(id) : [],
        // A contract module builds every schema it declares; the element uses a few. zod's builders only build, so
        // an unused schema (a function's answer, a row's shape) is dropped with its meta() and ui() registrations.
        treeshake: { manualPureFunctions: ['z'] },
        output: {
          chunkFileNames: 'chunks/[name]-[hash].js',
          // dist/ goes to browsers as it is; lib/ is minified by the host app's bundler.
          minify: !forPackage,
          // Chunks by use: what every page loads is one chunk (`shell`), the kit the tabs share another (`kit`), and zod
          // one of its own, whichever tab loads it first. Each tab stays a chunk, and so does each form control (the kit
          // imports them by field kind, src/kit/fields.ts), so a tab fetches only the controls it draws. Fewer, larger
          // shared chunks also compress better than the many small ones the importers alone would make.
          codeSplitting: {
            groups: [
              { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/ },
              { name: 'shell', tags: ['$initial'], priority: 1 },
              // The kit's modules (its sections too) two or more chunks use, with what they import; not its Spanish
              // strings (the locale's).
              { name: 'kit', test: /[\\/]src[\\/]kit[\\/](sections[\\/])?[\w-]+\.ts$/, minShareCount: 2 },
            ],
          },
        },
      },
    },
    // Lit's decorators: TypeScript's legacy decorators with [[Set]] class fields (as tsconfig.json says).
    oxc: {
      decorator: { legacy: true },
      typescript: { removeClassFieldsWithoutInitializer: true },
      assumptions: { setPublicClassFields: true },
    },
  }
})
