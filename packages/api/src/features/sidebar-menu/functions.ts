/**
 * @module `POST /functions/v1/reset-sidebar-menu`: the org's sidebar back to the defaults, in one batch. Each row
 * removed and each default written is a write like any other (audited).
 */
import { ResetSidebarMenuResponse } from '@connectgain/contracts'
import { sidebarItems } from '@connectgain/db'
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineFunction } from '../../functions/registry.ts'
import { commitBatch } from '../../rest/commit.ts'
import { defaultRows } from '../../rest/org-defaults.ts'
import type { Row, WriteContext, WriteEvent } from '../../rest/registry.ts'

export const resetSidebarMenuFunction = defineFunction({
  name: 'reset-sidebar-menu',
  summary:
    "Restore the organization's sidebar menu to the default sections, labels, icons and order; sections you added are removed. Owners and admins only.",
  auth: 'member',
  permission: 'reset-sidebar-menu',
  changesData: true,
  input: z.object({}).strict(),
  output: ResetSidebarMenuResponse,
  async handler(_input, { deps, registry, caller, background }) {
    const { db, clock, config } = deps
    const resource = registry.get('sidebar_items')
    if (!resource) throw new Error('sidebar_items must be registered')
    const ctx: WriteContext = { db, caller, now: clock.now().toISOString(), config }
    const current = (await db
      .select()
      .from(sidebarItems)
      .where(eq(sidebarItems.org_id, caller.orgId))) as Row[]
    const fresh = defaultRows(resource, caller.orgId, ctx.now)
    const events: WriteEvent[] = [
      ...current.map((before): WriteEvent => ({ op: 'delete', resource, before, after: null, caller })),
      ...fresh.map((after): WriteEvent => ({ op: 'insert', resource, before: null, after, caller })),
    ]
    await commitBatch(
      resource,
      ctx,
      {
        writes: [
          db.delete(sidebarItems).where(eq(sidebarItems.org_id, caller.orgId)),
          db.insert(sidebarItems).values(fresh as never),
        ],
        events,
        added: { before: [], after: [], changes: [] },
      },
      { registry, onOutbox: () => deps.outbox && background(deps.outbox.kick()) },
    )
    const items = await db
      .select()
      .from(sidebarItems)
      .where(eq(sidebarItems.org_id, caller.orgId))
      .orderBy(asc(sidebarItems.position))
    return { items }
  },
})
