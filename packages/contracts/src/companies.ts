/** @module Companies: the organizations a help desk's contacts and deals belong to (domain data). */
import * as z from 'zod/mini'
import { meta } from './meta.ts'
import { patchOf } from './patch.ts'
import { oneLineName } from './rules.ts'

export const Company = meta(
  z.object({
    id: z.string(),
    name: z.string(),
    domain: z.nullable(z.string()),
    industry: z.nullable(z.string()),
    created_by: z.nullable(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  { id: 'Company' },
)
export type Company = z.infer<typeof Company>

export const CompanyInsert = meta(
  z.strictObject({
    name: oneLineName(200),
    domain: z.optional(
      z.nullable(
        meta(
          z
            .string()
            .check(
              z.trim(),
              z.toLowerCase(),
              z.regex(
                /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
                'Must be a domain such as example.com',
              ),
            ),
          { description: 'Its web domain, without a scheme: `example.com`.' },
        ),
      ),
    ),
    industry: z.optional(
      z.nullable(z.string().check(z.trim(), z.maxLength(100, 'Industry must be at most 100 characters'))),
    ),
  }),
  { id: 'CompanyInsert', examples: [{ name: 'Globex', domain: 'globex.example', industry: 'Retail' }] },
)
export type CompanyInsert = z.input<typeof CompanyInsert>

export const CompanyUpdate = meta(patchOf(CompanyInsert), { id: 'CompanyUpdate' })
