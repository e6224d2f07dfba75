/**
 * Builds dist/: `cg-settings.js` (the initial chunk every host page loads), one lazily loaded chunk per
 * tab, and the chunks tabs share: the tab kit, and zod/mini (the contracts validate with it, about 6 KB
 * gzip) in a chunk of its own, loaded once with the first tab. `npm run size` checks the budgets.
 */
import { defineConfig } from 'vite'

export default defineConfig({
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    manifest: true,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'cg-settings' },
    rolldownOptions: {
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
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
})
