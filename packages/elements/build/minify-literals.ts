/**
 * @module A build plugin for dist/: Lit's `css` and `html` templates minified (minify-literals: Lightning CSS and
 * html-minifier-next). Rolldown minifies the code around a template but keeps its text as written (comments,
 * indentation, line breaks), which every host page downloads.
 */
import { minifyHTMLLiterals } from 'minify-literals'
import type { Plugin } from 'vite'

export function minifyLiterals(): Plugin {
  return {
    name: 'cg-minify-literals',
    apply: 'build',
    async transform(code, id) {
      if (!/\/src\/.+\.ts$/.test(id) || !/(css|html|svg)`/.test(code)) return null
      const result = await minifyHTMLLiterals(code, {
        fileName: id,
        // Runs of whitespace become one space, never none: a space between two bindings is text the user reads.
        html: { conservativeCollapse: true, removeEmptyAttributes: false, decodeEntities: false },
      })
      return result ? { code: result.code, map: result.map } : null
    },
  }
}
