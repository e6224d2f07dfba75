/** @module CPU time of a process and its children (Linux `/proc`), to tell a CPU-bound server from a waiting one. */
import { existsSync, readFileSync } from 'node:fs'

/** Clock ticks per second of `/proc/<pid>/stat` (USER_HZ, 100 on every Linux this runs on). */
const TICKS = 100

/** User + system CPU seconds of `pid` and its descendants so far, or null where `/proc` is not there. */
export function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return null
  // tsx runs the script in a child process of its own: count the whole tree.
  const tree = (p: number): number[] => {
    const file = `/proc/${p}/task/${p}/children`
    const kids = existsSync(file)
      ? readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
      : []
    return [p, ...kids.flatMap(tree)]
  }
  let ticks = 0
  for (const p of tree(pid)) {
    try {
      // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the line.
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // exited in between
    }
  }
  return ticks / TICKS
}
