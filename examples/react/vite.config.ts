import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [react()],
  // @connectgain/elements is consumed as TypeScript source (its `exports` point at src/index.ts) and
  // Vite compiles it. Lit's decorators need TypeScript's legacy decorators with [[Set]] class fields
  // (`experimentalDecorators` + `useDefineForClassFields: false`). Vite 8 transforms with Oxc, not
  // esbuild (`esbuild.tsconfigRaw` would be ignored); it already reads those two options from
  // packages/elements/tsconfig.json, and this says the same explicitly.
  oxc: {
    decorator: { legacy: true },
    typescript: { removeClassFieldsWithoutInitializer: true },
    assumptions: { setPublicClassFields: true },
  },
})
