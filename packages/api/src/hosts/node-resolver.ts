/** @module The send-time DNS port on Node: every address the OS resolver (hosts file, then DNS) gives a name. */
import { lookup } from 'node:dns/promises'
import type { Resolve } from '../net/url-guard.ts'

/**
 * Resolves with getaddrinfo, A and AAAA together, in the resolver's order. Rejects for a name that does not
 * exist (`ENOTFOUND`); `checkResolved` turns that into `url_unresolvable`.
 */
export const nodeResolve: Resolve = async (hostname) => {
  const answers = await lookup(hostname, { all: true, order: 'verbatim' })
  return answers.map((answer) => answer.address)
}
