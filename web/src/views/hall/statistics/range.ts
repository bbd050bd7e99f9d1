/** yyyy-MM-dd of a date in the browser's time zone. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The last twelve months up to today: enough to see the academic year's waves. */
export function defaultRange(today: Date): [string, string] {
  const from = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate() + 1)
  return [isoDate(from), isoDate(today)]
}
