/** @module Latency percentiles of a list of samples, as the benchmark tables show them. */

export interface Distribution {
  p50: number
  p90: number
  p99: number
  max: number
}

/** Nearest-rank percentiles (no interpolation), in the samples' unit; all zero for no samples. */
export function distribution(samples: readonly number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0
  return { p50: rank(0.5), p90: rank(0.9), p99: rank(0.99), max: sorted.at(-1) ?? 0 }
}
