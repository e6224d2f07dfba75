/** @module What the contract suite needs of a host: a fetch, the demo org's keys, and (where it can) a movable clock. */
export interface ContractTarget {
  /** Sends a request to the host; path like '/rest/v1/organizations?id=eq.x'. */
  fetch(path: string, init?: RequestInit): Promise<Response>
  /** Keys created by the host harness for the demo org ("acme"): active, revoked, expired. */
  keys: { active: string; revoked: string; expired: string }
  /** Moves the host's clock forward, where the host supports it (undefined: skip time-based tests). */
  advanceClock?: (ms: number) => void
}
