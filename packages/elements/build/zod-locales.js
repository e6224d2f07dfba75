// Stands in for zod/v4/locales/index.js in the element bundle: English only (see build.js).
export { default as en } from 'zod/v4/locales/en.js'
