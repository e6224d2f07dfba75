/** @module `@defaultText(() => msg(…))`: a string property that reads as a built-in, localized text while unset. */

/**
 * Put it under `@property()`: the property reads `fallback()` (English or Spanish, by the UI's locale)
 * until a host sets a text of its own, and reads that text after. `@localized()` on the class re-renders
 * it when the locale changes.
 */
export function defaultText(fallback: () => string) {
  return (proto: object, name: string): void => {
    const key = Symbol(name)
    type Own = Record<symbol, string | undefined>
    Object.defineProperty(proto, name, {
      get(this: Own) {
        return this[key] || fallback()
      },
      set(this: Own, value: string) {
        this[key] = value
      },
      configurable: true,
      enumerable: true,
    })
  }
}
