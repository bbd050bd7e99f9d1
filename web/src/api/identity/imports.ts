import { http } from '@/api/http'
import { problemFromResponse } from '@/api/problem'

export const DIRECTORY_SYNC = 'identity:directory:sync'

export type TemplateFormat = 'csv' | 'xlsx'

/** Downloads the template with the header row in the app's language (sent as Accept-Language). */
export async function downloadTemplate(format: TemplateFormat): Promise<void> {
  const response = await http.get<Blob>(`/api/v1/identity/imports/templates/people.${format}`, { responseType: 'blob' })
  const url = URL.createObjectURL(response.data)
  const link = document.createElement('a')
  link.href = url
  link.download = `people.${format}`
  link.click()
  URL.revokeObjectURL(url)
}

export interface ImportRowError {
  /** Spreadsheet row number; the header is row 1. */
  row: number
  column: string
  message: string
}

export interface ImportReport {
  rows: number
  valid: number
  errors: ImportRowError[]
  applied: boolean
  created: number
  updated: number
}

export interface LdapSyncReport {
  created: number
  updated: number
  ended: number
  problems: string[]
}

function isReport(data: unknown): data is ImportReport {
  return typeof data === 'object' && data !== null && Array.isArray((data as ImportReport).errors)
}

/**
 * Uploads a CSV or .xlsx file. A dry run only validates; otherwise the rows are applied all or none.
 * A refused import (422 with row problems) resolves with its report; other failures reject with an ApiProblem.
 */
export async function importPeople(file: File, dryRun: boolean): Promise<ImportReport> {
  const body = new FormData()
  body.append('file', file)
  const response = await http.post<unknown>('/api/v1/identity/imports/people', body, {
    params: { dryRun },
    validateStatus: (status) => (status >= 200 && status < 300) || status === 422,
  })
  if (isReport(response.data)) return response.data
  throw problemFromResponse(response.status, response.data)
}

export async function runLdapSync(): Promise<LdapSyncReport> {
  return (await http.post<LdapSyncReport>('/api/v1/identity/ldap-syncs')).data
}
