import { http } from '@/api/http'
import type { Page } from '@/api/identity/people'
import type { Localized, SimpleModel } from '@/components/process/model'

/** Permissions of the process designer (workflow contract, issue 5). */
export const PROCESS_READ = 'workflow:process:read'
export const PROCESS_WRITE = 'workflow:process:write'
export const PROCESS_PUBLISH = 'workflow:process:publish'

const BASE = '/api/v1/workflow/processes'

export type ProcessStatus = 'DRAFT' | 'PUBLISHED'

/** Who may start the process; empty lists mean "no restriction of this kind". `orgUnits` holds unit codes. */
export interface ApplicantScope {
  affiliationTypes: string[]
  roles: string[]
  orgUnits: string[]
}

/** One row of `GET /api/v1/workflow/processes`. */
export interface ProcessSummary {
  key: string
  name: Localized
  ownerOrgUnitId?: string | null
  ownerOrgUnitName?: string | null
  formKey: string | null
  status: ProcessStatus
  /** The newest published version, null before the first publish. */
  latestVersion: number | null
  updatedAt?: string | null
}

export interface ProcessVersionSummary {
  version: number
  formVersion: number | null
  publishedAt: string
  publishedBy?: string | null
}

/** The draft (`GET/PUT /api/v1/workflow/processes/{key}`): exactly one of `model` and `bpmnXml` is set. */
export interface ProcessDraft {
  name: Localized
  ownerOrgUnitId?: string | null
  formKey: string | null
  formVersion?: number | null
  applicants: ApplicantScope
  admins: string[]
  model?: SimpleModel | null
  bpmnXml?: string | null
}

export interface ProcessDetail extends ProcessDraft {
  key: string
  status: ProcessStatus
  latestVersion: number | null
  versions?: ProcessVersionSummary[]
}

/** `GET …/{key}/versions/{n}`: a published version with the BPMN the server generated. */
export interface ProcessVersion extends ProcessVersionSummary {
  key: string
  name: Localized
  formKey: string | null
  model?: SimpleModel | null
  bpmnXml: string
}

export interface ProcessQuery {
  q?: string
  ownerOrgUnitId?: string
  status?: ProcessStatus | ''
  page: number
  size: number
}

export interface NewProcess {
  key: string
  name: Localized
  ownerOrgUnitId: string | null
}

/** A process as the server sends it (`latestVersion` 0 = never published); the UI derives its status. */
type ProcessBody = Omit<ProcessDetail, 'status' | 'latestVersion' | 'applicants'> & {
  latestVersion: number | null
  status?: ProcessStatus
  applicants?: Partial<ApplicantScope> | null
}

function normalize(body: ProcessBody): ProcessDetail {
  const latest = body.latestVersion && body.latestVersion > 0 ? body.latestVersion : null
  return {
    ...body,
    applicants: {
      affiliationTypes: body.applicants?.affiliationTypes ?? [],
      roles: body.applicants?.roles ?? [],
      orgUnits: body.applicants?.orgUnits ?? [],
    },
    admins: body.admins ?? [],
    latestVersion: latest,
    status: body.status ?? (latest ? 'PUBLISHED' : 'DRAFT'),
  }
}

function matches(row: ProcessDetail, query: ProcessQuery): boolean {
  const q = query.q?.trim().toLowerCase()
  if (q && !row.key.includes(q) && !Object.values(row.name).some((n) => n.toLowerCase().includes(q))) return false
  if (query.status && row.status !== query.status) return false
  if (query.ownerOrgUnitId && row.ownerOrgUnitId !== query.ownerOrgUnitId) return false
  return true
}

/**
 * The processes the caller may see. The server answers with the whole list (a few hundred at most) or a
 * page; a whole list is filtered and paged here.
 */
export async function listProcesses(query: ProcessQuery): Promise<Page<ProcessSummary>> {
  const params = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '' && v !== undefined && v !== null))
  const data = (await http.get<ProcessBody[] | Page<ProcessBody>>(BASE, { params })).data
  if (!Array.isArray(data)) return { ...data, items: data.items.map(normalize) }
  const rows = data.map(normalize).filter((row) => matches(row, query))
  return { items: rows.slice(query.page * query.size, (query.page + 1) * query.size), page: query.page, size: query.size, total: rows.length }
}

export async function createProcess(process: NewProcess): Promise<ProcessDetail> {
  return normalize((await http.post<ProcessBody>(BASE, process, { silent: true })).data)
}

export async function getProcess(key: string): Promise<ProcessDetail> {
  return normalize((await http.get<ProcessBody>(`${BASE}/${encodeURIComponent(key)}`)).data)
}

export async function saveDraft(key: string, draft: ProcessDraft): Promise<ProcessDetail> {
  return normalize((await http.put<ProcessBody>(`${BASE}/${encodeURIComponent(key)}`, draft, { silent: true })).data)
}

/** Publishes the saved draft; a 422 carries node-level errors (`errors[].field` = node, branch or flow id). */
export async function publishProcess(key: string): Promise<ProcessVersionSummary> {
  return (await http.post<ProcessVersionSummary>(`${BASE}/${encodeURIComponent(key)}/versions`, null, { silent: true })).data
}

export async function getVersion(key: string, version: number): Promise<ProcessVersion> {
  return (await http.get<ProcessVersion>(`${BASE}/${encodeURIComponent(key)}/versions/${version}`, { silent: true })).data
}

/** Versions `latest` down to 1, each read from `GET …/versions/{n}` (it carries the generated BPMN too). */
export async function listVersions(key: string, latest: number): Promise<ProcessVersion[]> {
  const numbers = Array.from({ length: latest }, (_, i) => latest - i)
  return Promise.all(numbers.map((n) => getVersion(key, n)))
}

// ---------------------------------------------------------------- forms the processes use

/** A field of a form layout, as far as the process designer needs it. */
export interface FormLayoutField {
  key: string
  widget: string
  label?: Localized
  columns?: FormLayoutField[]
}

export interface FormVersionDetail {
  key: string
  version: number
  name: Localized
  schema: Record<string, unknown>
  layout: { version: number; fields: FormLayoutField[] }
  publishedAt: string
}

export interface FormSummary {
  key: string
  name: Localized
  latestVersion: number | null
}

export async function listForms(q = ''): Promise<FormSummary[]> {
  const data = (await http.get<Page<FormSummary> | FormSummary[]>('/api/v1/workflow/forms', { params: { q: q || undefined, size: 50 }, silent: true })).data
  return Array.isArray(data) ? data : data.items
}

export async function getFormVersion(key: string, version: number): Promise<FormVersionDetail> {
  return (await http.get<FormVersionDetail>(`/api/v1/workflow/forms/${encodeURIComponent(key)}/versions/${version}`, { silent: true })).data
}

/** The fields that hold data (a description field has none). */
export function dataFields(form: FormVersionDetail | null): FormLayoutField[] {
  return (form?.layout?.fields ?? []).filter((field) => field.widget !== 'description')
}
