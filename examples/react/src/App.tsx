// Registers <cg-settings> (importing the package defines the element) and brings its types.
import type { CgErrorDetail, CgNavigateDetail, CgSavedDetail, CgSettings } from '@connectgain/elements'
import '@connectgain/elements'
import { useCallback, useEffect, useState } from 'react'
import { devSession, type Role, roles } from './session.ts'

const apiUrl = import.meta.env.VITE_API_URL ?? 'http://localhost:8787'

export function App() {
  const [role, setRole] = useState<Role>('admin')
  const [events, setEvents] = useState<string[]>([])
  const [element, setElement] = useState<CgSettings | null>(null)

  // tokenProvider is a property, not an attribute: set it on the element itself. The ref callback
  // runs when the element is attached, before its first render, so it never shows "no token".
  // The element calls the provider when it has no token, and again after a 401 (then retries once).
  const attach = useCallback(
    (el: CgSettings | null) => {
      if (el) el.tokenProvider = () => devSession(apiUrl, role)
      setElement(el)
    },
    [role],
  )

  // The element's events bubble and are composed; listen on the element (or any ancestor).
  useEffect(() => {
    if (!element) return
    const log = (line: string) => setEvents((previous) => [line, ...previous].slice(0, 20))
    const onSaved = (e: CustomEvent<CgSavedDetail>) => log(`cg-saved ${e.detail.resource} on ${e.detail.tab}`)
    const onNavigate = (e: CustomEvent<CgNavigateDetail>) =>
      log(`cg-navigate ${e.detail.previous ?? '—'} → ${e.detail.tab}`)
    const onError = (e: CustomEvent<CgErrorDetail>) => log(`cg-error ${e.detail.status} ${e.detail.message}`)
    element.addEventListener('cg-saved', onSaved)
    element.addEventListener('cg-navigate', onNavigate)
    element.addEventListener('cg-error', onError)
    return () => {
      element.removeEventListener('cg-saved', onSaved)
      element.removeEventListener('cg-navigate', onNavigate)
      element.removeEventListener('cg-error', onError)
    }
  }, [element])

  return (
    <>
      <header className="bar">
        <strong>Acme CRM</strong>
        <span className="muted">a React 19 host page embedding &lt;cg-settings&gt;</span>
        <label>
          Role{' '}
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>
        {/* key={role}: a new role remounts the element, which asks tokenProvider for a new token. */}
        <cg-settings key={role} ref={attach} api-url={apiUrl} tab="organization" sync-hash />
        <section className="log" aria-label="Events from the element">
          <h2>Events</h2>
          <ol>
            {events.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: an append-only log
              <li key={i}>{line}</li>
            ))}
          </ol>
        </section>
      </main>
    </>
  )
}
