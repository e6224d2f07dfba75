/** @module The email boxes feature's configuration: how long a connection test waits. */
import { z } from 'zod'

export const emailBoxesConfig = {
  /**
   * Seconds a connection test waits to connect, and then again for the server's greeting (each step after the
   * greeting gets twice that). Short, because a person waits for the answer; tests set 1.
   */
  EMAIL_BOX_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
}

const EmailBoxesConfigSchema = z.object(emailBoxesConfig)
export type EmailBoxesConfig = z.infer<typeof EmailBoxesConfigSchema>

declare module '../../config.ts' {
  interface Config extends EmailBoxesConfig {}
}
