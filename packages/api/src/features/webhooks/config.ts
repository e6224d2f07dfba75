/** @module The webhooks feature's configuration: the retry schedule. */
import { z } from 'zod'

export const webhooksConfig = {
  /**
   * Seconds between webhook delivery attempts after the first, comma-separated; Svix's schedule by default
   * (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). Each is jittered by up to 10%.
   */
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, {
      message: 'must be whole seconds separated by commas, e.g. 5,300,1800',
    })
    .transform((s) => s.split(',').map((n) => Number(n.trim())))
    .refine((delays) => delays.length <= 20 && delays.every((d) => d <= 7 * 86_400), {
      message: 'must list at most 20 delays of at most 7 days each',
    })
    .optional(),
}

const WebhooksConfigSchema = z.object(webhooksConfig)
export type WebhooksConfig = z.infer<typeof WebhooksConfigSchema>

declare module '../../config.ts' {
  interface Config extends WebhooksConfig {}
}
