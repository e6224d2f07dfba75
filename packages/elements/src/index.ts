/** @module @connectgain/elements: `<cg-settings>` and the types a host page needs. */
export type { TokenProvider } from './api/client.ts'
export { CgSettings } from './cg-settings.ts'
export type { CgErrorDetail, CgNavigateDetail, CgSavedDetail } from './events.ts'
