/** @module Message Templates: saved messages with `{{variables}}`, and filling them for a contact and conversation. */
import type { Feature } from '../../feature.ts'
import { messageTemplatesResource } from './message-templates.resource.ts'
import { renderTemplateFunction } from './render-template.ts'

export const templatesFeature: Feature = {
  name: 'templates',
  resources: [messageTemplatesResource],
  functions: [renderTemplateFunction],
}
