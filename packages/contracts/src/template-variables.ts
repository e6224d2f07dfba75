/**
 * @module Message template variables: the catalog a body may name as `{{contact.first_name}}`, and the pure
 * functions that find and fill them. Free of zod on purpose: the element's live preview imports this file alone,
 * and the server renders with the same code, so both fill a body the same way.
 */

/** Every variable a template body may use, with what it holds and an example value. */
export const templateVariables = [
  { name: 'contact.name', description: "The contact's full name.", example: 'Ana García' },
  {
    name: 'contact.first_name',
    description: "The first word of the contact's name.",
    example: 'Ana',
  },
  { name: 'contact.email', description: "The contact's email address.", example: 'ana@example.com' },
  {
    name: 'contact.phone',
    description: "The contact's phone number, in international format.",
    example: '+34600111222',
  },
  {
    name: 'conversation.id',
    description: 'The id of the conversation the message is written in.',
    example: 'cnv_01JDX5Q2W8Z3N4M5P6R7S8T9V2',
  },
  {
    name: 'agent.name',
    description: 'The name of the team member who sends the message.',
    example: 'Sam Lee',
  },
  { name: 'organization.name', description: "Your organization's name.", example: 'Acme Support' },
] as const satisfies readonly { name: string; description: string; example: string }[]

export type TemplateVariable = (typeof templateVariables)[number]['name']

/** The values a body is filled with; a variable that is absent, null or blank stays as written. */
export type TemplateValues = Partial<Record<TemplateVariable, string | null>>

const known: ReadonlySet<string> = new Set(templateVariables.map((v) => v.name))

/** Whether `name` is in the catalog. */
export const isTemplateVariable = (name: string): name is TemplateVariable => known.has(name)

/** `{{ name }}`: lowercase words joined by dots, spaces allowed inside the braces. */
const placeholder = () => /\{\{\s*([a-z_]+(?:\.[a-z_]+)*)\s*\}\}/g

/** The distinct variable names inside `{{ … }}` in `body`, in order of first appearance (known or not). */
export function variablesIn(body: string): string[] {
  return [...new Set(Array.from(body.matchAll(placeholder()), (m) => m[1] as string))]
}

/**
 * `body` with each catalog variable that has a value replaced by it. A variable without one (or one not in the
 * catalog) stays exactly as written and is listed in `unresolved`, distinct and in order.
 */
export function renderTemplate(body: string, values: TemplateValues): { text: string; unresolved: string[] } {
  const unresolved = new Set<string>()
  const text = body.replace(placeholder(), (written, name: string) => {
    const value = isTemplateVariable(name) ? values[name] : undefined
    if (typeof value === 'string' && value.trim() !== '') return value
    unresolved.add(name)
    return written
  })
  return { text, unresolved: [...unresolved] }
}

/** The `contact.*` values of a contact (none without one): the first name is the first word of the name. */
export function contactValues(
  contact: { name?: string | null; email?: string | null; phone?: string | null } | null,
): TemplateValues {
  if (!contact) return {}
  const name = contact.name?.trim() || null
  return {
    'contact.name': name,
    'contact.first_name': name?.split(/\s+/)[0] ?? null,
    'contact.email': contact.email ?? null,
    'contact.phone': contact.phone ?? null,
  }
}
