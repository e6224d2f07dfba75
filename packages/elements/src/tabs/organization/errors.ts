/** @module The Organization form's field errors in the UI's language (the contract speaks English). */
import { msg } from '@lit/localize'

/** Known contract and server messages → localized text; anything else is shown as the server wrote it. */
export function localizeError(message: string): string {
  const known: Record<string, () => string> = {
    'Name is required': () => msg('Name is required', { id: 'org.err.name-required' }),
    'Name must be at most 100 characters': () =>
      msg('Name must be at most 100 characters', { id: 'org.err.name-long' }),
    'Name cannot contain control characters such as line breaks': () =>
      msg('Name cannot contain control characters such as line breaks', { id: 'org.err.name-control' }),
    'Slug must be at least 2 characters': () =>
      msg('Slug must be at least 2 characters', { id: 'org.err.slug-short' }),
    'Slug must be at most 48 characters': () =>
      msg('Slug must be at most 48 characters', { id: 'org.err.slug-long' }),
    'Slug must be lowercase letters and digits joined by single hyphens, e.g. "my-company"': () =>
      msg('Slug must be lowercase letters and digits joined by single hyphens, e.g. "my-company"', {
        id: 'org.err.slug-format',
      }),
    'Unknown time zone: use an IANA name such as "America/New_York"': () =>
      msg('Choose a time zone from the list', { id: 'org.err.timezone' }),
    'Unknown currency: use an ISO 4217 code such as "USD"': () =>
      msg('Choose a currency from the list', { id: 'org.err.currency' }),
    'Already in use by another organization': () =>
      msg('Already in use by another organization', { id: 'org.err.taken' }),
  }
  return known[message]?.() ?? message
}
