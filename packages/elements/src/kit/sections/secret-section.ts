/** @module SecretSection: a secret shown once (a new API key, a signing secret) in a `cg-secret-once` dialog. */
import { css, html, nothing, type ReactiveElement } from 'lit'
import type { CgDialog } from '../cg-dialog.ts'
import { dialogReady } from '../dialog-loader.ts'
import type { SecretToShow } from '../row-actions.ts'

/** A secret is read whole: an API key is about 40 monospace characters. */
export const secretStyles = css`
  #cg-secret {
    --cg-dialog-width: 560px;
  }
`

/**
 * Put `render()` once in the tab's template (and `secretStyles` in its styles); `show(secret)` opens the dialog
 * and resolves once it closed and the secret left the page. The panel is a chunk of its own (only tabs that show
 * secrets need it): `loaded()` fetches it, and whatever may answer with a secret awaits that first, so a secret is
 * never made that the page cannot show.
 */
export class SecretSection {
  /** The secret the dialog shows; null once it closed, so the secret leaves the page. */
  private secret: SecretToShow | null = null

  constructor(private readonly host: ReactiveElement) {}

  /** A secret is on screen: leaving now would lose it. */
  get dirty(): boolean {
    return this.secret !== null
  }

  /** Loads the secret panel; resolves to whether it is defined. */
  async loaded(): Promise<boolean> {
    try {
      await import('../cg-secret-once.ts')
      return true
    } catch {
      return false
    }
  }

  private dialog(): CgDialog | null {
    return this.host.renderRoot.querySelector<CgDialog>('#cg-secret')
  }

  /** Shows `secret` (Copy, "I have stored it" unless `again`, Done); resolves once the dialog closed and it is gone. */
  async show(secret: SecretToShow): Promise<void> {
    const { host } = this
    // Both defined before the secret is drawn, so it shows in an open dialog at once.
    await Promise.all([this.loaded(), dialogReady()])
    this.secret = secret
    host.requestUpdate()
    await host.updateComplete
    await this.dialog()?.show()
    this.secret = null
    host.requestUpdate()
    await host.updateComplete
  }

  render() {
    const { secret } = this
    if (!secret) return nothing
    return html`<cg-dialog id="cg-secret" heading=${secret.heading}>
      <cg-secret-once
        label=${secret.label}
        .value=${secret.value}
        ?again=${secret.again ?? false}
        @cg-done=${() => this.dialog()?.close(true)}
      ></cg-secret-once>
    </cg-dialog>`
  }
}
