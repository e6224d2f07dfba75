// Builds dist/: the element (initial chunk + one lazily loaded chunk per tab), minified ES modules.
import { writeFileSync } from 'node:fs'
import { build } from 'esbuild'

/**
 * zod re-exports its ~40 message locales as a namespace, which defeats tree-shaking (~250 KB). The
 * element shows its own localized messages, so zod only ever needs English.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/zod/')
        ? { path: new URL('./build/zod-locales.js', import.meta.url).pathname }
        : undefined,
    )
  },
}

const result = await build({
  entryPoints: { 'cg-settings': 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  metafile: true,
  legalComments: 'none',
  conditions: ['browser', 'production'],
  chunkNames: 'chunks/[name]-[hash]',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
  plugins: [zodEnglishOnly],
})
writeFileSync('dist/meta.json', JSON.stringify(result.metafile))
