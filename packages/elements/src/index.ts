/** @module @connectgain/elements: `<cg-settings>` and the types a host page needs. */
export type { TabId } from '@connectgain/contracts/tabs'
export type { TokenProvider } from './api/client.ts'
export { CgSettings } from './cg-settings.ts'
export type { CgErrorDetail, CgEventMap, CgNavigateDetail, CgSavedDetail } from './events.ts'
