/**
 * A fresh `Idempotency-Key` for one submit: a retried or double-clicked request with the same key is applied once.
 * `crypto.randomUUID` needs a secure context (https or localhost); elsewhere a time + random key does.
 */
export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(16).slice(2)}`
}
