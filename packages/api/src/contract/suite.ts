/** @module The API contract suite: HTTP-only tests any host (Node, workerd) must pass, composed from the *.contract.ts files. */
import { afterAll, beforeAll, describe } from 'vitest'
import { registry } from '../app.ts'
import { registerApiKeyLimitsContract } from './api-key-limits.contract.ts'
import { registerApiKeysContract } from './api-keys.contract.ts'
import { registerAuthContract } from './auth.contract.ts'
import { registerChannelsContract } from './channels.contract.ts'
import { registerDangerZoneContract } from './danger-zone.contract.ts'
import { registerDevSessionContract } from './dev-session.contract.ts'
import { registerDomainContract } from './domain.contract.ts'
import { registerEmailBoxesContract } from './email-boxes.contract.ts'
import { registerIdempotencyContract } from './idempotency.contract.ts'
import { registerMessageTemplatesContract } from './message-templates.contract.ts'
import { registerOrderedListsContract } from './ordered-lists.contract.ts'
import { registerOrganizationAccessContract } from './organization-access.contract.ts'
import { registerOrganizationsContract } from './organizations.contract.ts'
import { registerPlatformContract } from './platform.contract.ts'
import { registerPushContract } from './push.contract.ts'
import { describeResourceContract } from './resource.contract.ts'
import { registerSessionsContract } from './sessions.contract.ts'
import type { ContractTarget } from './target.ts'
import { registerInvitationExpiryContract, registerTeamContract, seedInvitation } from './team.contract.ts'
import { registerWebhooksContract, seedDeliveryLog } from './webhooks.contract.ts'

export type { ContractTarget } from './target.ts'

/**
 * Registers the whole contract against one host. The parts share that host (and its database),
 * so each describe block reads the state it needs and restores org A after changing it; every
 * describe mints its own session tokens, because the auth part moves the clock past their expiry.
 */
export function describeApiContract(
  hostName: string,
  setup: () => Promise<ContractTarget>,
  teardown?: () => Promise<void> | void,
): void {
  describe(`API contract on ${hostName}`, () => {
    let target: ContractTarget | undefined
    const current = (): ContractTarget => {
      if (!target) throw new Error(`the ${hostName} host is not set up (did setup() fail?)`)
      return target
    }
    beforeAll(async () => {
      target = await setup()
      await seedDeliveryLog(current)
      await seedInvitation(current)
    })
    afterAll(async () => {
      await teardown?.()
    })

    registerPlatformContract(current)
    registerDevSessionContract(current)
    registerOrganizationsContract(current)
    registerOrganizationAccessContract(current)
    // Every registered resource, from its declaration and the permission matrix. Audit entries (an
    // audit_log row in each org) come from the writes of the parts and resources before it.
    for (const resource of registry.values()) describeResourceContract(current, resource)
    registerSessionsContract(current)
    registerDomainContract(current)
    registerDangerZoneContract(current)
    registerMessageTemplatesContract(current)
    registerChannelsContract(current)
    registerEmailBoxesContract(current)
    registerOrderedListsContract(current)
    registerIdempotencyContract(current)
    registerTeamContract(current)
    registerWebhooksContract(current)
    registerPushContract(current)
    // Moves the host clock about an hour forward (a key's expiry, a roll's overlap); later parts mint their own sessions.
    registerApiKeysContract(current)
    // Moves the host clock a minute forward (a usage write, a rate-limit window) twice.
    registerApiKeyLimitsContract(current)
    // Last: its expiry case moves the host clock forward by an hour.
    registerAuthContract(current)
    // After it: moves the host clock eight days forward.
    registerInvitationExpiryContract(current)
  })
}
