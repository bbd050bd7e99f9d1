import { http } from '@/api/http'
import type { FormLocale, Localized } from '@/components/forms/formModel'

/** `GET /api/v1/workflow/code-sets/{key}`: a code set with all its items (disabled ones are no longer offered). */
export interface CodeSetItem {
  value: string
  label: Localized
  sort: number
  enabled: boolean
}

export interface CodeSet {
  key: string
  name: Localized
  /** The module that keeps the set from its own data (e.g. `hall` for the rooms): read-only here. */
  owner?: string | null
  items: CodeSetItem[]
}

export interface CodeSetSummary {
  key: string
  name: Localized
  owner?: string | null
  items: number
  enabled: number
}

const base = '/api/v1/workflow/code-sets'

/** One request per set and page load: every field bound to the set shares it. */
const loaded = new Map<string, Promise<CodeSet>>()

export async function listCodeSets(): Promise<CodeSetSummary[]> {
  return (await http.get<CodeSetSummary[]>(base)).data
}

export function getCodeSet(key: string): Promise<CodeSet> {
  let found = loaded.get(key)
  if (!found) {
    found = http.get<CodeSet>(`${base}/${encodeURIComponent(key)}`, { silent: true }).then((r) => r.data)
    // a failed load is not cached, so the next field (or a retry) asks again
    found.catch(() => loaded.delete(key))
    loaded.set(key, found)
  }
  return found
}

export async function saveCodeSet(set: CodeSet, create: boolean): Promise<CodeSet> {
  const body = { name: set.name, items: set.items }
  const { data } = create
    ? await http.post<CodeSet>(base, { key: set.key, ...body }, { silent: true })
    : await http.put<CodeSet>(`${base}/${encodeURIComponent(set.key)}`, body, { silent: true })
  loaded.delete(set.key)
  return data
}

export interface ChoiceOption {
  value: string
  label: string
  disabled?: boolean
}

/**
 * The options a field offers from a code set: the enabled items in sort order; a disabled item only when the data
 * holds it already (so old data keeps its label), shown disabled.
 */
export function codeSetOptions(set: CodeSet | null, locale: string, current: unknown): ChoiceOption[] {
  if (!set) return []
  const held = new Set((Array.isArray(current) ? current : [current]).filter((v) => v !== null && v !== undefined).map(String))
  return [...set.items]
    .sort((a, b) => a.sort - b.sort || a.value.localeCompare(b.value))
    .filter((item) => item.enabled || held.has(item.value))
    .map((item) => ({
      value: item.value,
      label: item.label[locale as FormLocale] || item.label['zh-CN'] || item.value,
      ...(item.enabled ? {} : { disabled: true }),
    }))
}
