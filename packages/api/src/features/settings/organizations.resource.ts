/** @module organizations: the caller's own org; owners and admins update it (spec Use Case 1). */
import { Organization, OrganizationUpdate } from '@connectgain/contracts'
import { organizations } from '@connectgain/db'
import { defineResource } from '../../rest/registry.ts'

export const organizationsResource = defineResource({
  name: 'organizations',
  description: "The caller's organization: name, slug, timezone (used for scheduling) and default currency.",
  table: organizations,
  orgColumn: 'id',
  row: Organization,
  update: OrganizationUpdate,
  idPrefix: 'org',
})
