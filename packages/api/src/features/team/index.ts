/** @module The team: members with their roles and availability, by the role rules. */
import type { Feature } from '../../feature.ts'
import { setAvailabilityFunction } from './functions.ts'
import { membersResource } from './members.resource.ts'

export const teamFeature: Feature = {
  name: 'team',
  resources: [membersResource],
  functions: [setAvailabilityFunction],
}
