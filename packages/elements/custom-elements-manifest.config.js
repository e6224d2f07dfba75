// Custom Elements Manifest for <cg-settings> and its parts (editor tooling, docs, framework wrappers).
// Run from packages/elements: npx cem analyze --config custom-elements-manifest.config.js
// It writes packages/elements/custom-elements.json, which package.json's "customElements" names.

/**
 * The analyzer understands `customElements.define('tag', Class)`; our modules call the wrapper
 * `defineElement('tag', Class)` (src/define.ts). Record those calls as the modules' definitions, and
 * drop the one it reads inside the wrapper itself (tag "tag", class "constructor").
 */
function defineElementCalls() {
  return {
    name: 'connectgain-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return
      if (node.expression.text !== 'defineElement') return
      const [tag, elementClass] = node.arguments
      if (!tag || !ts.isStringLiteralLike(tag) || !elementClass || !ts.isIdentifier(elementClass)) return
      moduleDoc.exports ??= []
      moduleDoc.exports.push({
        kind: 'custom-element-definition',
        name: tag.text,
        declaration: { name: elementClass.text, module: moduleDoc.path },
      })
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        if (mod.path !== 'src/define.ts') continue
        mod.exports = (mod.exports ?? []).filter((e) => e.kind !== 'custom-element-definition')
      }
    },
  }
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // package.json already has "customElements": "custom-elements.json"; never rewrite it.
  packagejson: false,
  plugins: [defineElementCalls()],
}
