/** @module Options for the organization form: every IANA zone (grouped, with its UTC offset now) and ISO 4217 currencies. */
import { supportedCurrencies, supportedTimeZones } from '@connectgain/contracts/organizations'
import type { SelectOption } from '../../form/cg-select.ts'

/** "GMT-05:00" → "UTC−05:00"; "GMT" → "UTC+00:00". */
export function utcOffset(timeZone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value
  const offset = part?.replace('GMT', '') || '+00:00'
  return `UTC${offset.replace('-', '−')}`
}

let zones: SelectOption[] | undefined

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Every zone as an option: grouped by region, labelled by its place, described by its offset. The offset is
 * worked out when first read (a formatter per zone: about 0.5 ms each, 200 ms for all), so the form shows at
 * once and the list pays for what it draws or searches.
 */
export function timeZoneOptions(at = new Date()): SelectOption[] {
  zones ??= supportedTimeZones()
    .map((zone) => {
      const [region, ...place] = zone.split('/')
      let offset: string | undefined
      return {
        value: zone,
        label: (place.length ? place.join(' / ') : zone).replaceAll('_', ' '),
        group: place.length ? (region as string) : 'UTC',
        get description() {
          offset ??= utcOffset(zone, at)
          return offset
        },
      }
    })
    // IANA names are ASCII: code-unit order is alphabetical, and far cheaper than a collator for 400 zones.
    .sort((a, b) => compare(a.group, b.group) || compare(a.label, b.label))
  return zones
}

const currencyCache = new Map<string, SelectOption[]>()

/**
 * Every currency: "USD — US Dollar", names in the UI's language, each worked out when first read (the form shows
 * one; the list, once opened or searched, the rest).
 */
export function currencyOptions(locale: string): SelectOption[] {
  let options = currencyCache.get(locale)
  if (!options) {
    let names: Intl.DisplayNames | undefined
    options = supportedCurrencies().map((code) => {
      let label: string | undefined
      return {
        value: code,
        get label() {
          names ??= new Intl.DisplayNames([locale], { type: 'currency' })
          label ??= `${code} — ${names.of(code) ?? code}`
          return label
        },
      }
    })
    currencyCache.set(locale, options)
  }
  return options
}
