/**
 * The readable name of a prefill source's provider (`profile.name` → 人事数据), from the
 * `forms.prefill.sources.<namespace>` messages; a provider without a message keeps its namespace.
 */
export function prefillSourceName(
  source: string,
  t: (key: string) => string,
  te: (key: string) => boolean,
): string {
  const namespace = source.split('.')[0] ?? ''
  const key = `forms.prefill.sources.${namespace}`
  return namespace && te(key) ? t(key) : namespace
}
