/** @module Lifecycle Stages: the ordered stages a contact moves through, HubSpot's by default; one is the default. */
import * as z from 'zod/mini'
import { ui } from './field-ui.ts'
import { meta } from './meta.ts'
import { patchOf } from './patch.ts'
import { HexColor, oneLineName } from './rules.ts'

/** What every org starts with: HubSpot's default lifecycle stages, in order; the first is the default. */
export const defaultLifecycleStages = [
  { name: 'Subscriber', color: '#6b7280' },
  { name: 'Lead', color: '#2456d3' },
  { name: 'Marketing Qualified Lead', color: '#7c3aed' },
  { name: 'Sales Qualified Lead', color: '#0e7490' },
  { name: 'Opportunity', color: '#b45309' },
  { name: 'Customer', color: '#15803d' },
  { name: 'Evangelist', color: '#be185d' },
  { name: 'Other', color: '#4b5563' },
] as const

export const LifecycleStage = meta(
  z.object({
    id: z.string(),
    name: z.string(),
    color: z.string(),
    position: z.number(),
    is_default: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'LifecycleStage' },
)
export type LifecycleStage = z.infer<typeof LifecycleStage>

export const LifecycleStageInsert = meta(
  z.strictObject({
    name: ui(oneLineName(60), { id: 'stages.name', label: 'Name' }),
    color: ui(z._default(HexColor, '#6b7280'), {
      id: 'stages.color',
      label: 'Color',
      format: 'color',
      help: 'Shown beside the stage on contacts and in reports.',
    }),
    position: z.optional(
      meta(z.int().check(z.minimum(0, 'Position must be 0 or more')), {
        description: 'Where it stands in the list; after the last stage when omitted.',
      }),
    ),
    is_default: ui(
      z.optional(
        meta(z.boolean(), {
          description: 'The stage new contacts get. Setting it here clears it on the stage that had it.',
        }),
      ),
      { id: 'stages.is-default', label: 'Default stage', help: 'New contacts start in this stage.' },
    ),
  }),
  { id: 'LifecycleStageInsert', examples: [{ name: 'Churned', color: '#b42318' }] },
)
export type LifecycleStageInsert = z.input<typeof LifecycleStageInsert>

export const LifecycleStageUpdate = meta(patchOf(LifecycleStageInsert), { id: 'LifecycleStageUpdate' })
export type LifecycleStageUpdate = z.infer<typeof LifecycleStageUpdate>

export const DeleteLifecycleStageRequest = meta(
  z.strictObject({
    id: z.string().check(z.minLength(1, 'Name the stage to delete')),
    move_to_id: meta(z.string().check(z.minLength(1, 'Name the stage its contacts move to')), {
      description: 'The stage its contacts move to; another stage of the organization.',
    }),
  }),
  { id: 'DeleteLifecycleStageRequest', examples: [{ id: 'lcs_02', move_to_id: 'lcs_01' }] },
)
export type DeleteLifecycleStageRequest = z.infer<typeof DeleteLifecycleStageRequest>

export const DeleteLifecycleStageResponse = meta(
  z.object({ id: z.string(), move_to_id: z.string(), contacts_moved: z.number() }),
  { id: 'DeleteLifecycleStageResponse' },
)
