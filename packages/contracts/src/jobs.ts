/** @module Queue messages: the one shape a job has on both hosts (table row or Cloudflare Queue body). */
import * as z from 'zod/mini'

export const JobMessage = z.object({
  id: z.string().check(z.minLength(1)),
  kind: z.string().check(z.minLength(1)),
  payload: z.unknown(),
  created_at: z.string(),
})
export type JobMessage = z.infer<typeof JobMessage>
