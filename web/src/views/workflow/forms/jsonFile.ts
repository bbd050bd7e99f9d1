import { checkLayout, type FormLayout, type Localized } from '@/components/forms/formModel'
import { EXPORT_FORMAT, type FormExport } from '@/api/workflow/forms'

/** Offers `value` as a pretty-printed JSON download. */
export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Reads an exported form file; throws an Error whose message says what is wrong. */
export async function readFormFile(file: Blob): Promise<FormExport> {
  const parsed = JSON.parse(await file.text()) as Partial<FormExport> | null
  if (!parsed || typeof parsed !== 'object') throw new Error('not an object')
  const issues = checkLayout(parsed.layout)
  if (issues.length > 0) throw new Error(issues.map((i) => `${i.path} (${i.code})`).join(', '))
  return {
    ...parsed,
    format: EXPORT_FORMAT,
    formatVersion: 1,
    key: typeof parsed.key === 'string' ? parsed.key : '',
    name: (parsed.name ?? {}) as Localized,
    schema: (parsed.schema ?? {}) as Record<string, unknown>,
    layout: parsed.layout as FormLayout,
  }
}

/** Lets the user pick one JSON file. */
export function pickJsonFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.json,application/json'
    input.onchange = () => resolve(input.files?.[0] ?? null)
    input.click()
  })
}
