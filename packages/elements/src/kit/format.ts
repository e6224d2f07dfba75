/** @module Dates and numbers in the UI's language (Intl, the active locale), for list cells. */
import { html } from 'lit'
import { getLocale } from '../i18n/localization.ts'

/**
 * An ISO instant as a date in the UI's language, in a `<time>` element whose title adds the time of day (and,
 * with `time`, shown too).
 */
export function formatDate(iso: string, { time = false } = {}) {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const locale = getLocale()
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
  const shown = time ? full : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date)
  return html`<time datetime=${iso} title=${full}>${shown}</time>`
}

/** A count in the UI's language ("1,234" in English, "1234" or "1.234" in Spanish). */
export const formatNumber = (n: number): string => new Intl.NumberFormat(getLocale()).format(n)
