/** @module Email boxes (Beta): IMAP/SMTP inboxes with write-only passwords, a connection test and a test message. */
import type { Feature } from '../../feature.ts'
import { emailBoxesConfig } from './config.ts'
import { emailBoxesResource } from './email-boxes.resource.ts'
import { sendTestEmailFunction, testEmailBoxFunction } from './functions.ts'

export const emailBoxesFeature: Feature = {
  name: 'email-boxes',
  resources: [emailBoxesResource],
  functions: [testEmailBoxFunction, sendTestEmailFunction],
  config: emailBoxesConfig,
}
