/**
 * Returns `value` when it is a same-origin relative path that starts with a single "/",
 * otherwise `null`. Guards the `?redirect=` parameter against open redirects
 * (`//evil.com`, `/\evil.com`, `https://x`, `javascript:` …).
 */
export function safeRedirect(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return null
  if (!value.startsWith('/')) return null
  if (value.startsWith('//') || value.startsWith('/\\')) return null
  // Backslashes and control characters are normalised by browsers into surprising URLs.
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return null
  try {
    const base = 'http://onecampus.invalid'
    const url = new URL(value, base)
    if (url.origin !== base) return null
  } catch {
    return null
  }
  return value
}

/** The post-sign-in target: the first safe candidate that is not the login page itself, else "/". */
export function resolveRedirect(...candidates: unknown[]): string {
  for (const candidate of candidates) {
    const safe = safeRedirect(candidate)
    if (safe && !/^\/login(?:[/?#]|$)/.test(safe)) return safe
  }
  return '/'
}
