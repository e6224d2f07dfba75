// `npm run lint:imports`: the API's import graph has no loops, and its layers import downwards only.
//   hosts/, index.ts          the processes and the package face: may import anything below
//   app.ts, seed.ts           the composition: imports the features and the core
//   features/<name>/          one folder per feature: imports the core and other features, never the composition
//   everything else           the generic core (rest/, jobs/, functions/, middleware/, net/, auth/, config.ts, …):
//                             knows no feature by name
// Tests and the contract suite (which drive the composed app) are outside the layers.
const src = '^packages/api/src/'
const tests = '(\\.test\\.ts|/test-utils/|/contract/)'
const composition = `${src}(app|seed)\\.ts$`
const top = `${src}(hosts/|index\\.ts$)`
const features = `${src}features/`

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-import-loops',
      comment: 'Files that import each other in a loop cannot be understood or tested one at a time.',
      severity: 'error',
      from: { path: src, pathNot: tests },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-knows-no-feature',
      comment: 'The generic core reads declarations; app.ts composes the features (DESIGN.md).',
      severity: 'error',
      from: { path: src, pathNot: [tests, features, composition, top].join('|') },
      to: { path: [features, composition, top].join('|') },
    },
    {
      name: 'features-import-downwards',
      comment: 'A feature plugs into the core; only the composition and the hosts know the whole app.',
      severity: 'error',
      from: { path: features, pathNot: tests },
      to: { path: [composition, top].join('|') },
    },
    {
      name: 'composition-below-hosts',
      severity: 'error',
      from: { path: composition },
      to: { path: top },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: tests },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'packages/api/tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default'] },
  },
}
