/** @module One load run with autocannon, and the summary a benchmark table keeps. */
import autocannon from 'autocannon'

export interface LoadOptions {
  url: string
  method?: 'GET' | 'PATCH' | 'POST'
  headers?: Record<string, string>
  body?: string
  connections: number
  /** Seconds. */
  duration: number
}

export interface LoadResult {
  /** Mean requests per second over the run. */
  rps: number
  /** Latency percentiles in milliseconds. */
  p50: number
  p99: number
  requests: number
  /** Responses whose status was not the expected one, plus socket errors and timeouts. */
  failures: number
}

/** Runs autocannon once; `expect` is the status every answer must have (anything else is a failure). */
export async function load(opts: LoadOptions, expect: number): Promise<LoadResult> {
  const result = await autocannon({
    url: opts.url,
    method: opts.method ?? 'GET',
    headers: opts.headers ?? {},
    ...(opts.body === undefined ? {} : { body: opts.body }),
    connections: opts.connections,
    duration: opts.duration,
    // Statuses are counted per code below; autocannon's own 2xx check would pass a 201 for a 200.
    expectBody: undefined,
  })
  const codes = result.statusCodeStats as unknown as Record<string, { count: number }> | undefined
  const ok = codes?.[String(expect)]?.count ?? result['2xx']
  const answered = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx']
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: answered,
    failures: answered - ok + result.errors + result.timeouts,
  }
}

/** The better of two runs: higher throughput wins (noise on a shared machine only ever slows a run down). */
export const better = (a: LoadResult | undefined, b: LoadResult): LoadResult => (!a || b.rps > a.rps ? b : a)
