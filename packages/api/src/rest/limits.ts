/**
 * @module How much work one REST request may ask for. Past these, SQLite refuses the statement (an expression
 * deeper than 1,000, more than 2,000 result columns) or the parser would recurse without end: a request over a
 * limit is a 400 PGRST100 that names it, never a 500.
 */

/** and/or groups inside one another: `or=(a.eq.1,and(b.eq.2,or(…)))` is 2 deep. */
export const MAX_FILTER_DEPTH = 10
/** Conditions in one query, top-level and inside groups together (SQLite parses a chain of N as N deep). */
export const MAX_FILTERS = 100
/** Items of `select=`. */
export const MAX_SELECT_COLUMNS = 100
/** Terms of `order=`. */
export const MAX_ORDER_TERMS = 20
/** Characters of the path and query string together. */
export const MAX_URL_LENGTH = 8192
