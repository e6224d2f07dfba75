/**
 * @module The webhooks section of results/README.md, from results/webhooks.json (report.ts puts it after the
 * API and element sections).
 */
import type { WebhooksResults } from '../webhooks.ts'

const ms = (n: number) => n.toFixed(0)

export function webhooksMarkdown(r: WebhooksResults): string {
  const { events, endpoints, inFlight, writers, rounds } = r.settings
  const h = r.webhooks
  const raw = r.raw
  const cpu = h.hostCpu === null ? '' : `, the host's CPU ${(h.hostCpu * 100).toFixed(0)}% of one core`
  return [
    `### Webhooks (${r.date.slice(0, 10)}, ${r.machine.cores} × ${r.machine.cpu}, Node ${r.machine.node})`,
    '',
    `\`npx tsx bench/webhooks.ts\` (\`--smoke\`: 10 events × 2 endpoints, one round). ${events} contacts written by ${writers}`,
    `concurrent writers each raise \`contact.created\`, fanned out to ${endpoints} endpoints of a local receiver by the Node`,
    `host (demo mode): outbox row → dispatcher → ${events * endpoints} \`webhook.deliver\` jobs on the table queue (polled`,
    `each second, ${inFlight} at once) → signed POST. The raw loop sends as many signed POSTs to the same receiver,`,
    `${inFlight} in flight, from a child process, with no queue or database. Best of ${rounds} alternating rounds by`,
    "deliveries/s (from the first write, or POST, to the last receipt). Latency: the host's is from each contact's",
    "POST answer to the receipt of each of its deliveries, queueing included; the raw loop's is one POST's round trip.",
    '',
    '| sender | deliveries | s | deliveries/s | × raw | p50 ms | p90 ms | p99 ms | max ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| Node host (outbox → queue → signed POST) | ${h.deliveries} | ${h.seconds.toFixed(2)} | ${Math.round(h.perSecond)} | ${r.ratio.toFixed(2)} | ${ms(h.latencyMs.p50)} | ${ms(h.latencyMs.p90)} | ${ms(h.latencyMs.p99)} | ${ms(h.latencyMs.max)} |`,
    `| raw POST loop, ${inFlight} in flight | ${raw.deliveries} | ${raw.seconds.toFixed(2)} | ${Math.round(raw.perSecond)} | 1.00 | ${ms(raw.latencyMs.p50)} | ${ms(raw.latencyMs.p90)} | ${ms(raw.latencyMs.p99)} | ${ms(raw.latencyMs.max)} |`,
    '',
    `Every round, deliveries/s: host ${r.rounds.webhooks.map(Math.round).join(', ')}; raw ${r.rounds.raw.map(Math.round).join(', ')}.`,
    `In the host's best round the ${events} writes took ${h.writeSeconds.toFixed(2)} s, each job held its slot ${ms(h.jobMs)} ms`,
    `(${inFlight} ÷ deliveries/s), of which the logged send (signing, URL and DNS check, POST) took p50 ${ms(h.sendMs.p50)} ms`,
    `and p99 ${ms(h.sendMs.p99)} ms${cpu}; ${h.duplicates} deliveries arrived twice.`,
  ].join('\n')
}
