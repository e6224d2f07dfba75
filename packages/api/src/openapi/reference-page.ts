/**
 * @module The `/docs` page: Scalar's API reference (`@scalar/api-reference`) over `/openapi.json`, its script served
 * from this origin (`DOCS_BUNDLE`), configured so that nothing is fetched from anywhere else.
 */
import { DOCS_BUNDLE } from '../assets.ts'

/**
 * Scalar's configuration (https://scalar.com/products/api-references/configuration). What it would otherwise
 * fetch from elsewhere is off: its fonts (fonts.scalar.com; the system fonts instead), its telemetry, its AI agent,
 * the developer toolbar and the link to its hosted client; no `proxyUrl`, so try-it requests go straight to this
 * origin.
 */
export const scalarConfiguration = {
  url: '/openapi.json',
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  showDeveloperTools: 'never',
  // Its "Open API Client" links to Scalar's hosted client with this document's URL.
  hideClientButton: true,
  // Try-it asks for the bearer token (a session token or an API key), and forgets it with the tab.
  authentication: { preferredSecurityScheme: 'bearer' },
  persistAuth: false,
  // The document's own samples (x-codeSamples: curl, JavaScript, Python), not Scalar's generated ones.
  hiddenClients: true,
  documentDownloadType: 'json',
  // Properties in the contracts' order, not alphabetical.
  orderSchemaPropertiesBy: 'preserve',
} as const

/** The page: a mount point, the same-origin script, and the call that starts it. */
export function referencePage(title: string): string {
  // JSON in a <script>: `<` escaped so that no value can close the element.
  const config = JSON.stringify(scalarConfiguration).replaceAll('<', '\\u003c')
  const escaped = title.replaceAll('&', '&amp;').replaceAll('<', '&lt;')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escaped} reference</title>
</head>
<body>
<noscript>The API reference needs JavaScript. The OpenAPI document is at <a href="/openapi.json">/openapi.json</a>.</noscript>
<div id="reference"></div>
<script src="${DOCS_BUNDLE}"></script>
<script>Scalar.createApiReference('#reference', ${config})</script>
</body>
</html>
`
}
