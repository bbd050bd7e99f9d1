import type { Localized } from './model'

/** A localized name in the UI language, falling back to the other language. */
export function localizedName(name: Localized | undefined | null, locale: string): string {
  if (!name) return ''
  return name[locale]?.trim() || name['zh-CN']?.trim() || name['en-US']?.trim() || ''
}
