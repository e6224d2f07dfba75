/**
 * Two builds of `<cg-settings>`, each an entry, one lazily loaded chunk per tab, and the chunks tabs share:
 *
 * - `vite build` → dist/: for `<script type="module" src=…>` (the API serves it at /elements/). Self-contained
 *   and minified; zod/mini (the contracts validate with it, about 6 KB gzip) in a chunk of its own, loaded
 *   once with the first tab. `npm run size` checks its budgets.
 * - `vite build --mode package` → lib/: what the npm package's `exports` name, for a host app's bundler.
 *   lit, @lit/context and zod stay imports (the package's dependencies, shared with the host's copies);
 *   the contracts and @lit/localize are bundled (@lit/localize can be configured once per copy, and a
 *   host app may use its own).
 */
import { copyFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { defineConfig, type Plugin } from 'vite'

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

export default defineConfig(({ mode }) => {
  const forPackage = mode === 'package'
  return {
    logLevel: 'warn',
    plugins: forPackage ? [] : [withManifest],
    build: {
      outDir: forPackage ? 'lib' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      manifest: !forPackage,
      lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'cg-settings' },
      rolldownOptions: {
        external: forPackage ? (id: string) => dependency.test(id) : [],
        output: {
          chunkFileNames: 'chunks/[name]-[hash].js',
          // dist/ goes to browsers as it is; lib/ is minified by the host app's bundler.
          minify: !forPackage,
          // zod in one chunk of its own, whichever tab loads it first.
          codeSplitting: { groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/ }] },
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
