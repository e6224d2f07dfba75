/** @module Queue messages: the one shape a job has on both hosts (table row or Cloudflare Queue body). */
import { z } from 'zod'

export const JobMessage = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  payload: z.unknown(),
  created_at: z.string(),
})
export type JobMessage = z.infer<typeof JobMessage>
