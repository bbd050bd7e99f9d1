import { http } from '@/api/http'
import { problemFromResponse } from '@/api/problem'

export const DIRECTORY_SYNC = 'identity:directory:sync'

export type TemplateFormat = 'csv' | 'xlsx'

/** What an import carries; `all` is one workbook with a sheet per kind (org units, people, positions). */
export type ImportKind = 'people' | 'org-units' | 'positions' | 'all'

export const IMPORT_KINDS: readonly ImportKind[] = ['people', 'org-units', 'positions', 'all']

/** The permission the server checks for each kind (org units and positions are org tree changes). */
export const IMPORT_PERMISSIONS: Record<Exclude<ImportKind, 'all'>, string> = {
  people: 'identity:person:manage',
  'org-units': 'identity:org:manage',
  positions: 'identity:org:manage',
}

/** Downloads the template with the header row in the app's language (sent as Accept-Language). */
export async function downloadTemplate(format: TemplateFormat, kind: ImportKind = 'people'): Promise<void> {
  const name = `${kind}.${format}`
  const response = await http.get<Blob>(`/api/v1/identity/imports/templates/${name}`, { responseType: 'blob' })
  const url = URL.createObjectURL(response.data)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  URL.revokeObjectURL(url)
}

export interface ImportKindCount {
  kind: Exclude<ImportKind, 'all'>
  rows: number
  created: number
  updated: number
}

export interface ImportRowError {
  /** The sheet the row is on. */
  kind: Exclude<ImportKind, 'all'>
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
  kinds: ImportKindCount[]
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
 * Uploads a CSV or .xlsx file of one kind, or (`all`) a workbook whose sheets are named for their kinds.
 * A dry run only validates; otherwise the rows of every sheet are applied all or none.
 * A refused import (422 with row problems) resolves with its report; other failures reject with an ApiProblem.
 */
export async function importFile(kind: ImportKind, file: File, dryRun: boolean): Promise<ImportReport> {
  const body = new FormData()
  body.append('file', file)
  const path = kind === 'all' ? '/api/v1/identity/imports' : `/api/v1/identity/imports/${kind}`
  const response = await http.post<unknown>(path, body, {
    params: { dryRun },
    validateStatus: (status) => (status >= 200 && status < 300) || status === 422,
  })
  if (isReport(response.data)) return response.data
  throw problemFromResponse(response.status, response.data)
}

export async function runLdapSync(): Promise<LdapSyncReport> {
  return (await http.post<LdapSyncReport>('/api/v1/identity/ldap-syncs')).data
}
