/** @module The page at `/` until the element and its demo land: where to go next. */
export function placeholderPage(mode: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>ConnectGain Settings</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}code{background:#8882;padding:.1em .3em;border-radius:4px}</style>
</head><body>
<h1>ConnectGain Settings</h1>
<p>The API is running in <strong>${mode}</strong> mode. The <code>&lt;cg-settings&gt;</code> demo will appear here.</p>
<ul>
<li><a href="/docs">API reference</a> · <a href="/openapi.json">openapi.json</a> · <a href="/health">health</a></li>
</ul>
<p>Try it:</p>
<pre><code>TOKEN=$(curl -s -X POST localhost:8787/functions/v1/dev/session -H 'content-type: application/json' -d '{"role":"admin"}' | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
curl -s localhost:8787/rest/v1/organizations -H "Authorization: Bearer $TOKEN"</code></pre>
</body></html>`
}
