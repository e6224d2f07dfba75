/** @module The API keys feature's configuration: the demo org's key. */
import { z } from 'zod'
import { isAcceptedKeyFormat } from './api-keys.ts'

export const apiKeysConfig = {
  /** Demo mode only: an API key for the demo org, generated with the other demo secrets. */
  DEMO_API_KEY: z
    .string()
    .refine(isAcceptedKeyFormat, {
      message: 'must be an API key: ak_ followed by 38 letters and digits (generate one with npm start)',
    })
    .optional(),
}

const ApiKeysConfigSchema = z.object(apiKeysConfig)
export type ApiKeysConfig = z.infer<typeof ApiKeysConfigSchema>

declare module '../../config.ts' {
  interface Config extends ApiKeysConfig {}
}
