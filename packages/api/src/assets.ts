/** @module Which static paths the hosts serve: the element bundle always, the demo page in demo mode only. */

/** `<cg-settings>` and its chunks, for host pages that load the element from the API's origin. */
export const ELEMENT_PATHS = /^\/elements\//
/** The vanilla demo page (examples/vanilla). */
export const DEMO_PATHS = /^\/(index\.html|demo\.js|demo\.css)?$/
