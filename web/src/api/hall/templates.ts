import { http } from '@/api/http'

/** Permission to list and install service templates. */
export const TEMPLATE_INSTALL = 'hall:template:install'

const BASE = '/api/v1/hall/templates'

export type Localized = Record<string, string>

/** What is installed of a template; the numbers are null before the first installation. */
export interface InstalledState {
  installed: boolean
  /** The installed version is the shipped document: installing again changes nothing. */
  upToDate: boolean
  version: number | null
  formVersion: number | null
  processVersion: number | null
  at: string | null
}

/** One row of `GET /api/v1/hall/templates`. */
export interface ServiceTemplate {
  code: string
  name: Localized
  summary: Localized
  category: string
  /** Org unit code of the owning department. */
  ownerOrgUnit: string
  coOrgUnits: string[]
  selfPrint: boolean
  promisedDays: number | null
  installed: InstalledState
}

export interface InstallResult {
  template: ServiceTemplate
  changed: boolean
  created: boolean
}

export async function listTemplates(): Promise<ServiceTemplate[]> {
  return (await http.get<ServiceTemplate[]>(BASE)).data
}

export async function installTemplate(code: string): Promise<InstallResult> {
  return (await http.post<InstallResult>(`${BASE}/${encodeURIComponent(code)}/installation`)).data
}
