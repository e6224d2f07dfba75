/** @module @lit/localize in runtime mode: English built in, other locales loaded on demand. */
import { configureLocalization } from '@lit/localize'

export const sourceLocale = 'en'
export const targetLocales = ['es'] as const
export type Locale = typeof sourceLocale | (typeof targetLocales)[number]

const loaders = {
  es: () => import('./locales/es.ts'),
}

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => loaders[locale as keyof typeof loaders](),
})

/** The closest supported locale for a BCP 47 tag ("es-MX" → "es"), English otherwise. */
export function supportedLocale(tag: string | null | undefined): Locale {
  const language = (tag ?? '').toLowerCase().split('-')[0]
  return (targetLocales as readonly string[]).includes(language ?? '') ? (language as Locale) : sourceLocale
}

/** Switches every cg-* element on the page to `tag`'s locale; resolves once its strings are loaded. */
export async function useLocale(tag: string | null | undefined): Promise<Locale> {
  const locale = supportedLocale(tag)
  if (getLocale() !== locale) await setLocale(locale)
  return locale
}

export { getLocale }
