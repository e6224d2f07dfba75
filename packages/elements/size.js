// `npm run size`: gzip sizes from the build's manifest, against the budgets CI holds the element to.
//   initial      what every host page loads (the entry and its static imports)           ≤ 18 KB
//   first open   a tab's chunk plus every chunk it imports statically that the initial
//                chunk does not include: what opening it first costs                     ≤ 30 KB each
//   later        what a tab may import lazily: the form controls (the kit can load any
//                of them), the secret dialog, a tab's own (the delivery log)              printed
//   all tabs     every chunk any tab can load, shared chunks once                          ≤ 120 KB
//   projected    the same for all 26 tabs: shared chunks + 26 × the average tab's own    ≤ 120 KB
//                (what the shell imports lazily, e.g. auto-subscribe, counts once as shared)
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

// open: 30 since each form control is a chunk the kit loads by field kind (src/kit/fields.ts): a first open is the
// tab, the kit and zod, and no control. The largest is Webhooks' (25.7). A list tab fetches its form's controls once
// the list has shown; a form tab fetches the ones it draws beside its row, under its loading state, and those are
// printed under "later", not counted here: with them Notifications opens at 25.3 + 2.3 (cg-toggle and the controls'
// base), Organization at 21.4 + 5.0, Chat & Contacts at 20.7 + 5.3.
// projected: 120 since the two pilots of kit v2 (Lifecycle Stages, Sidebar Menu: 25.0 and 24.6 on first open, 115.8
// projected): tabs built from the kit alone add about 2 KB of their own, so the average tab's share fell. The kit chunk
// grew by 2.2 KB with them (ordered lists, contract-derived fields, a confirm with a choice); every tab pays it.
// initial: 18 since the shell is one chunk (16.5).
// projected: 117 since the element's build drops what only the API's OpenAPI document reads: each contract's
// meta() descriptions and examples (build/strip-meta.ts) and the schemas a tab never uses (zod's builders, meta()
// and ui() are pure to the bundler): 113.7 with 14 tabs built, 119.1 before; Channels and Email Boxes, the
// heaviest tabs yet (their providers' field help), bring it to 116.5 with 16.
const BUDGET = { initial: 18, open: 30, all: 120, projected: 117 }
const TAB_COUNT = 26

const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8'))
const sizes = new Map()
const kb = (key) => {
  if (!sizes.has(key))
    sizes.set(key, gzipSync(readFileSync(`dist/${manifest[key].file}`), { level: 9 }).length / 1024)
  return sizes.get(key)
}
const total = (keys) => [...keys].reduce((sum, key) => sum + kb(key), 0)
const fmt = (n) => n.toFixed(1).padStart(6)
const names = (keys) =>
  [...keys].map((k) => manifest[k].file.replace(/^chunks\/(.+)-[\w-]{8}\.js$/, '$1')).join(' + ')

/** A chunk and every chunk it imports statically: what loads with it. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen
  seen.add(key)
  for (const imported of manifest[key]?.imports ?? []) closure(imported, seen)
  return seen
}
const minus = (a, ...others) => new Set([...a].filter((k) => !others.some((o) => o.has(k))))

const isTab = (key) => /src\/tabs\/.+-tab\.ts$/.test(key)
const isLocale = (key) => key.includes('/i18n/locales/')
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry)
const initial = closure(entry)
const tabs = Object.keys(manifest).filter((key) => manifest[key].isDynamicEntry && isTab(key))

const failures = []
const check = (what, value, budget) => {
  if (value > budget) failures.push(`${what} is ${value.toFixed(1)} KB gzip, over the ${budget} KB budget.`)
  return value > budget ? '  OVER BUDGET' : ''
}

console.log('KB gzip')
console.log(
  `${fmt(total(initial))}  initial: ${names(initial)}${check('The initial chunk', total(initial), BUDGET.initial)}`,
)

const loads = new Map() // tab → every chunk it can load beyond the initial
for (const tab of tabs) {
  const open = minus(closure(tab), initial)
  const later = new Set()
  for (const key of open) {
    for (const lazy of manifest[key].dynamicImports ?? []) {
      if (!isTab(lazy) && !isLocale(lazy)) for (const k of minus(closure(lazy), initial, open)) later.add(k)
    }
  }
  loads.set(tab, new Set([...open, ...later]))
  const id = tab.match(/tabs\/([^/]+)\//)[1]
  console.log(
    `${fmt(total(open))}  ${id}, first open: ${names(open)}${check(`${id}'s first open`, total(open), BUDGET.open)}`,
  )
  if (later.size) console.log(`${fmt(total(later))}  ${' '.repeat(id.length)}  + later: ${names(later)}`)
}

// What the shell itself imports lazily (not a tab, not a locale): loaded once whatever the tabs, so shared.
const shell = new Set(
  [...initial]
    .flatMap((key) => manifest[key].dynamicImports ?? [])
    .filter((lazy) => !isTab(lazy) && !isLocale(lazy))
    .flatMap((lazy) => [...minus(closure(lazy), initial)]),
)
if (shell.size) console.log(`${fmt(total(shell))}  shell, later: ${names(shell)} (counted once, as shared)`)

const all = new Set([...loads.values(), shell].flatMap((keys) => [...keys]))
const users = (key) => [...loads.values()].filter((keys) => keys.has(key)).length
const own = [...all].filter((key) => users(key) === 1 && !shell.has(key))
const shared = minus(all, new Set(own))
const perTab = total(own) / tabs.length
const projected = total(shared) + perTab * TAB_COUNT
console.log(
  `${fmt(total(all))}  all ${tabs.length} tabs together${check('All tabs together', total(all), BUDGET.all)}`,
)
console.log(
  `${fmt(projected)}  projected for ${TAB_COUNT} tabs: shared ${total(shared).toFixed(1)} + ${TAB_COUNT} × ${perTab.toFixed(1)} per tab${check(`The projection for ${TAB_COUNT} tabs`, projected, BUDGET.projected)}`,
)
for (const key of Object.keys(manifest).filter(isLocale)) {
  console.log(
    `${fmt(total(minus(closure(key), initial)))}  locale ${key.match(/([\w-]+)\.ts$/)[1]} (loaded for that language only)`,
  )
}

if (failures.length) {
  console.error(`\n${failures.join('\n')}`)
  process.exit(1)
}
console.log(
  `\nWithin budget: initial ≤ ${BUDGET.initial}, each tab's first open ≤ ${BUDGET.open}, all tabs ≤ ${BUDGET.all} KB gzip (≤ ${BUDGET.projected} projected for ${TAB_COUNT}).`,
)
