/** @module Organization contract: the row and what PATCH/POST accept; its shared field rules are in rules.ts. */
import * as z from 'zod/mini'
import { ui } from './field-ui.ts'
import { rule } from './issues.ts'
import { meta } from './meta.ts'
import { OrganizationSlug, oneLineName, TimeZone } from './rules.ts'

// The organization's field rules live in rules.ts; re-exported so `@connectgain/contracts/organizations` keeps them.
export {
  noControlCharacters,
  OrganizationSlug,
  slugPattern,
  supportedTimeZones,
  TimeZone,
} from './rules.ts'

const currencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'))

/** Every ISO 4217 code this runtime knows; what the currency dropdown lists. */
export const supportedCurrencies = (): string[] => [...currencies].sort()

export const OrganizationName = oneLineName(100)

export const Currency = meta(
  z
    .string()
    .check(
      z.refine(
        (c) => currencies.has(c),
        rule('currency', 'Unknown currency: use an ISO 4217 code such as "USD"'),
      ),
    ),
  { description: 'An ISO 4217 currency code.', examples: ['USD'] },
)

export const Organization = meta(
  z.object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    timezone: z.string(),
    currency: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'Organization' },
)
export type Organization = z.infer<typeof Organization>

/** Body of `PATCH /rest/v1/organizations`: any subset of the writable fields. */
export const OrganizationUpdate = meta(
  z.strictObject({
    name: ui(z.optional(OrganizationName), { id: 'org.name', label: 'Organization name' }),
    slug: ui(z.optional(OrganizationSlug), {
      id: 'org.slug',
      label: 'Slug',
      help: 'Lowercase letters and digits joined by hyphens, e.g. my-company.',
    }),
    timezone: ui(z.optional(TimeZone), {
      id: 'org.timezone',
      label: 'Timezone',
      help: 'Used for scheduling.',
      format: 'select',
    }),
    currency: ui(z.optional(Currency), {
      id: 'org.currency',
      label: 'Currency',
      help: 'Default currency for deals.',
      format: 'select',
    }),
  }),
  { id: 'OrganizationUpdate' },
)
export type OrganizationUpdate = z.infer<typeof OrganizationUpdate>
