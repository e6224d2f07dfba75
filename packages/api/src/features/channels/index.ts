/**
 * @module Channels: where conversations come from. The `channels` resource (encrypted credentials, per-type
 * settings), the `test-channel` connection check, and each channel's public inbound URL.
 */
import type { Feature } from '../../feature.ts'
import { channelsResource } from './channels.resource.ts'
import { channelsConfig } from './config.ts'
import { INBOUND_PATH, inboundRoutes } from './inbound.ts'
import { testChannelFunction } from './test-channel.ts'

export const channelsFeature: Feature = {
  name: 'channels',
  resources: [channelsResource],
  functions: [testChannelFunction],
  routes: [{ path: INBOUND_PATH, routes: inboundRoutes }],
  config: channelsConfig,
}
