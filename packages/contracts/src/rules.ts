/**
 * @module Field rules shared by several contracts (one-line names, slugs, hex colors, time zones). A leaf: it
 * imports no resource contract, so a tab's chunk that needs a rule does not pull in another resource's contract.
 */
import * as z from 'zod/mini'
import { rule } from './issues.ts'
import { meta } from './meta.ts'

/** No control characters (line breaks, tabs, NUL): one-line names. */
export const noControlCharacters = (s: string): boolean => /^\P{Cc}*$/u.test(s)

/** The `no_control` check of a name field; a fresh check per schema. */
export const noControlCheck = () =>
  z.refine<string>(
    noControlCharacters,
    rule('no_control', 'Name cannot contain control characters such as line breaks'),
  )

/** A required one-line name of at most `max` characters, trimmed: the name of an organization, a tag, a contact. */
export const oneLineName = (max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Name is required'),
      z.maxLength(max, `Name must be at most ${max} characters`),
      noControlCheck(),
    )

/** Lowercase words of letters and digits joined by single hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

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

/** `#rrggbb`, what `<input type=color>` gives. */
export const hexColorPattern = /^#[0-9a-fA-F]{6}$/

export const HexColor = meta(
  z
    .string()
    .check(
      z.refine(
        (c) => hexColorPattern.test(c),
        rule('hex_color', 'Color must be a hex color such as "#2456d3"'),
      ),
    ),
  { description: 'A hex color `#rrggbb`.', examples: ['#2456d3'] },
)

const timeZones: ReadonlySet<string> = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])

/** Every IANA zone this runtime knows, plus "UTC"; what the timezone dropdown lists. */
export const supportedTimeZones = (): string[] => [...timeZones].sort()

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
