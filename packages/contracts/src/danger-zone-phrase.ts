/** @module The phrase that deletes all data: zod-free, so the element's Danger Zone tab imports it alone. */

/** What the owner types to delete all data: exactly this, case and spaces included. */
export const DELETE_ALL_DATA_PHRASE = 'DELETE ALL DATA'
