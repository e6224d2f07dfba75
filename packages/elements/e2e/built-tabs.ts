/** @module How many nav links a role sees by default: its tabs that have landed (tabs not built are hidden). */
import { readFileSync } from 'node:fs'
import { canSeeTab, type RoleName } from '@connectgain/contracts/permissions'
import { tabIds } from '@connectgain/contracts/tabs'

// Read, not imported: the registry imports the tabs, whose decorators this project's TypeScript does not compile.
const registry = readFileSync(new URL('../src/tabs/tab-registry.ts', import.meta.url), 'utf8')
const built = new Set([...registry.matchAll(/^ {2}'?([\w-]+)'?: \(\) => import\(/gm)].map((m) => m[1]))

export const builtTabCount = (role: RoleName) =>
  tabIds.filter((id) => built.has(id) && canSeeTab(role, id)).length
