/**
 * @module Message templates: saved messages with `{{variables}}` an agent sends to a contact, and
 * `render-template`'s request and answer. The catalog and the rendering are template-variables.ts (zod-free).
 */
import * as z from 'zod/mini'
import { ui } from './field-ui.ts'
import { meta } from './meta.ts'
import { patchOf } from './patch.ts'
import { oneLineName } from './rules.ts'
import { isTemplateVariable, templateVariables, variablesIn } from './template-variables.ts'

export * from './template-variables.ts'

export const templateCategories = ['general', 'greeting', 'follow_up', 'support', 'sales'] as const
export type TemplateCategory = (typeof templateCategories)[number]

const catalog = templateVariables.map((v) => v.name).join(', ')

/** A template body: trimmed, 1–4000 characters, every `{{variable}}` in the catalog. */
const templateBody = () =>
  z.string().check(
    z.trim(),
    z.minLength(1, 'Body is required'),
    z.maxLength(4000, 'Body must be at most 4000 characters'),
    z.superRefine((body, ctx) => {
      // One issue per unknown variable, its message built from the value: the id is what a client translates by.
      for (const variable of variablesIn(body).filter((name) => !isTemplateVariable(name)))
        ctx.addIssue({
          code: 'custom',
          message: `Unknown variable {{${variable}}}. Use one of: ${catalog}`,
          params: { id: 'template_variable', variable },
          input: body,
        })
    }),
  )

export const MessageTemplate = meta(
  z.object({
    id: z.string(),
    name: z.string(),
    category: z.enum(templateCategories),
    body: z.string(),
    created_by: z.nullable(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'MessageTemplate' },
)
export type MessageTemplate = z.infer<typeof MessageTemplate>

export const MessageTemplateInsert = meta(
  z.strictObject({
    name: ui(
      meta(oneLineName(100), {
        description: 'Unique in the organization, ignoring case.',
        examples: ['Welcome'],
      }),
      { id: 'mt.name', label: 'Name' },
    ),
    category: ui(
      z._default(meta(z.enum(templateCategories), { description: 'What the template is for.' }), 'general'),
      {
        id: 'mt.category',
        label: 'Category',
        options: {
          general: 'General',
          greeting: 'Greeting',
          follow_up: 'Follow-up',
          support: 'Support',
          sales: 'Sales',
        },
      },
    ),
    body: ui(
      meta(templateBody(), {
        description: `The message, with variables such as \`{{contact.first_name}}\` filled in when it is sent: ${catalog}.`,
        examples: ['Hi {{contact.first_name}}, thanks for contacting {{organization.name}}!'],
      }),
      {
        id: 'mt.body',
        label: 'Message',
        format: 'multiline',
        help: 'Insert a variable with double braces, e.g. {{contact.first_name}}; it is filled in when the message is sent.',
      },
    ),
  }),
  {
    id: 'MessageTemplateInsert',
    examples: [
      {
        name: 'Welcome',
        category: 'greeting',
        body: 'Hi {{contact.first_name}}, thanks for contacting {{organization.name}}! I am {{agent.name}}.',
      },
    ],
  },
)
export type MessageTemplateInsert = z.input<typeof MessageTemplateInsert>

export const MessageTemplateUpdate = meta(patchOf(MessageTemplateInsert), { id: 'MessageTemplateUpdate' })
export type MessageTemplateUpdate = z.infer<typeof MessageTemplateUpdate>

/** `POST /functions/v1/render-template`: a saved template (`id`) or a draft `body`, filled for a contact and conversation. */
export const RenderTemplateRequest = meta(
  z
    .strictObject({
      id: meta(z.optional(z.string().check(z.minLength(1))), {
        description: "A template's id (`mtp_…`), of the caller's organization.",
      }),
      body: meta(z.optional(templateBody()), {
        description: 'A body to render instead of a saved template (a draft, for a preview).',
      }),
      contact_id: meta(z.optional(z.string().check(z.minLength(1))), {
        description: 'The contact whose `contact.*` values fill the body; without it they stay as written.',
      }),
      conversation_id: meta(z.optional(z.string().check(z.minLength(1))), {
        description: 'The conversation `conversation.id` names; without it the variable stays as written.',
      }),
    })
    .check(
      z.superRefine((request, ctx) => {
        const given = [request.id, request.body].filter((v) => v !== undefined).length
        if (given !== 1)
          ctx.addIssue({
            code: 'custom',
            message: given ? "Give the template's id or a body, not both" : 'Give a template id or a body',
            params: { id: 'template_id_or_body' },
            path: ['id'],
            input: request,
          })
      }),
    ),
  {
    id: 'RenderTemplateRequest',
    examples: [
      { id: 'mtp_01JDX5Q2W8Z3N4M5P6R7S8T9VB', contact_id: 'con_01JDX5Q2W8Z3N4M5P6R7S8T9V0' },
      { body: 'Hi {{contact.first_name}}, this is {{agent.name}}.' },
    ],
  },
)
export type RenderTemplateRequest = z.infer<typeof RenderTemplateRequest>

export const RenderTemplateResponse = meta(
  z.object({
    text: meta(z.string(), { description: 'The body with every variable that has a value filled in.' }),
    variables: meta(z.array(z.string()), {
      description: 'The variables the body uses, in order of first appearance.',
    }),
    unresolved: meta(z.array(z.string()), {
      description: 'The variables without a value: left in `text` exactly as written.',
    }),
  }),
  {
    id: 'RenderTemplateResponse',
    examples: [
      {
        text: 'Hi Ana, thanks for contacting Acme Support! I am {{agent.name}}.',
        variables: ['contact.first_name', 'organization.name', 'agent.name'],
        unresolved: ['agent.name'],
      },
    ],
  },
)
export type RenderTemplateResponse = z.infer<typeof RenderTemplateResponse>
