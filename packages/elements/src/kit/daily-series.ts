/** @module Daily series: counts per UTC day (`YYYY-MM-DD`) as one value a day for a chart, zeros where a day has none. */

const DAY_MS = 86_400_000

/** The UTC day of `date` as `YYYY-MM-DD`. */
export const utcDay = (date: Date): string => date.toISOString().slice(0, 10)

/** The first of the last `days` UTC days, today included: the `gte.` bound of a query for them. */
export const firstDay = (days: number, now = new Date()): string =>
  utcDay(new Date(now.getTime() - (days - 1) * DAY_MS))

/**
 * One value for each of the last `days` UTC days, oldest first, today last: the sum of the points of that
 * day, 0 for a day without any. Points outside the window are left out.
 */
export function dailySeries(
  points: Iterable<{ day: string; value: number }>,
  days: number,
  now = new Date(),
): number[] {
  const start = Date.parse(`${firstDay(days, now)}T00:00:00Z`)
  const series = new Array<number>(days).fill(0)
  for (const { day, value } of points) {
    const index = Math.round((Date.parse(`${day}T00:00:00Z`) - start) / DAY_MS)
    if (index >= 0 && index < days) series[index] = (series[index] ?? 0) + value
  }
  return series
}
