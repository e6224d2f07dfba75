/** @module Every REST resource, registered once. */
import { createRegistry } from '../rest/registry.ts'
import { organizationsResource } from './organizations.ts'

export const registry = createRegistry([organizationsResource])
