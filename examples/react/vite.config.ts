import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig } from 'vite'

export default defineConfig({
  plugins: [react()],
  // Inside this repository, @connectgain/elements is consumed as TypeScript source (the package's
  // "@connectgain/source" export condition), so that `npm run dev` reloads on edits to the element, and
  // Vite compiles it. Lit's decorators need TypeScript's legacy decorators with [[Set]] class fields
  // (`experimentalDecorators` + `useDefineForClassFields: false`). Vite 8 transforms with Oxc, not
  // esbuild (`esbuild.tsconfigRaw` would be ignored); it already reads those two options from
  // packages/elements/tsconfig.json, and this says the same explicitly. An app that installs the
  // package needs neither `resolve` nor `oxc` here: it gets the built JS.
  resolve: { conditions: ['@connectgain/source', ...defaultClientConditions] },
  oxc: {
    decorator: { legacy: true },
    typescript: { removeClassFieldsWithoutInitializer: true },
    assumptions: { setPublicClassFields: true },
  },
})
