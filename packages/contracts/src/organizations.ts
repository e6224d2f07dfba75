/** @module Organization contract: the row, what PATCH/POST accept, and the field rules. */
import * as z from 'zod/mini'
import { rule } from './issues.ts'
import { meta } from './meta.ts'

/** Lowercase words of letters and digits joined by single hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const timeZones: ReadonlySet<string> = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])
const currencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'))

/** Every IANA zone this runtime knows, plus "UTC"; what the timezone dropdown lists. */
export const supportedTimeZones = (): string[] => [...timeZones].sort()
/** Every ISO 4217 code this runtime knows; what the currency dropdown lists. */
export const supportedCurrencies = (): string[] => [...currencies].sort()

/** No control characters (line breaks, tabs, NUL): one-line names. */
export const noControlCharacters = (s: string): boolean => /^\P{Cc}*$/u.test(s)

export const OrganizationName = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Name is required'),
    z.maxLength(100, 'Name must be at most 100 characters'),
    z.refine(
      noControlCharacters,
      rule('no_control', 'Name cannot contain control characters such as line breaks'),
    ),
  )

export const OrganizationSlug = z.string().check(
  z.minLength(2, 'Slug must be at least 2 characters'),
  z.maxLength(48, 'Slug must be at most 48 characters'),
  z.refine(
    (s) => slugPattern.test(s),
    rule(
      'slug_format',
      'Slug must be lowercase letters and digits joined by single hyphens, e.g. "my-company"',
    ),
  ),
)

export const TimeZone = meta(
  z
    .string()
    .check(
      z.refine(
        (tz) => timeZones.has(tz),
        rule('timezone', 'Unknown time zone: use an IANA name such as "America/New_York"'),
      ),
    ),
  { description: 'An IANA time zone name, or "UTC".', examples: ['America/New_York'] },
)

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
    name: z.optional(OrganizationName),
    slug: z.optional(OrganizationSlug),
    timezone: z.optional(TimeZone),
    currency: z.optional(Currency),
  }),
  { id: 'OrganizationUpdate' },
)
export type OrganizationUpdate = z.infer<typeof OrganizationUpdate>
