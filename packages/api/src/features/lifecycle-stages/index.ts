/** @module Lifecycle Stages: the ordered, one-default list of stages contacts move through, and moving them out of one. */
import type { Feature } from '../../feature.ts'
import { deleteLifecycleStageFunction } from './functions.ts'
import { lifecycleStagesResource } from './lifecycle-stages.resource.ts'

export const lifecycleStagesFeature: Feature = {
  name: 'lifecycle-stages',
  resources: [lifecycleStagesResource],
  functions: [deleteLifecycleStageFunction],
}
