/**
 * @module ActionKey: one `Idempotency-Key` per user action. The same body sent again (a second click, a retry
 * after a timeout whose request did go through) keeps its key, so the server creates one thing.
 */
export class ActionKey {
  private sent: string | undefined
  private key: string | undefined

  /** The key for sending `body`: the last one while the body is unchanged, a new one for a new body. */
  for(body: unknown): string | undefined {
    const sent = JSON.stringify(body)
    if (sent !== this.sent) {
      this.sent = sent
      this.key = crypto.randomUUID?.()
    }
    return this.key
  }

  /** The action went through: the next send, even of the same body, is a new action. */
  done(): void {
    this.sent = undefined
  }
}
