/** A category's name in the UI language. */
export function categoryName(entry: { name: string; nameEn: string }, locale: string): string {
  return locale.startsWith('en') ? entry.nameEn : entry.name
}

export const PRIORITY_TAG: Record<string, 'info' | 'primary' | 'warning' | 'danger'> = {
  LOW: 'info',
  NORMAL: 'primary',
  HIGH: 'warning',
  URGENT: 'danger',
}
