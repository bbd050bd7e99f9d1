import { http } from '@/api/http'
import type { FileRef, FormLayout, JsonSchema, Localized, PrefilledValue } from '@/components/forms/formModel'

export const FORM_READ = 'workflow:form:read'
export const FORM_WRITE = 'workflow:form:write'
export const FORM_PUBLISH = 'workflow:form:publish'

/** A form in the list: its draft plus the number of its latest published version (null = never published). */
export interface FormSummary {
  key: string
  name: Localized
  ownerOrgUnitId: string | null
  /** 0 (or null) while never published */
  latestVersion: number | null
  updatedAt: string | null
}

export interface VersionInfo {
  version: number
  publishedAt: string
  publishedBy: string | null
}

/** `GET/PUT /api/v1/workflow/forms/{key}`: the editable draft. */
export interface FormDraft extends FormSummary {
  schema: JsonSchema
  layout: FormLayout
  /** The published versions (newest last or first, as the server sends them). */
  versions?: VersionInfo[]
}

export interface FormDraftInput {
  name: Localized
  ownerOrgUnitId: string | null
  schema: JsonSchema
  layout: FormLayout
}

/** `GET …/versions/{n}`: a published version, never changed. */
export interface FormVersion {
  key: string
  version: number
  name: Localized
  schema: JsonSchema
  layout: FormLayout
  publishedAt: string
}

export const EXPORT_FORMAT = 'onecampus-form'

/** The export file format (`GET …/export`, `POST …/import`): a draft without server bookkeeping. */
export interface FormExport {
  format: typeof EXPORT_FORMAT
  formatVersion: 1
  key: string
  name: Localized
  ownerOrgUnitId?: string | null
  schema: JsonSchema
  layout: FormLayout
}

const base = '/api/v1/workflow/forms'

function asList<T>(data: T[] | { items: T[] }): T[] {
  return Array.isArray(data) ? data : data.items
}

/** The 100 most recently changed forms; `q` matches the key and the names. */
export async function listForms(q?: string): Promise<FormSummary[]> {
  const params = q?.trim() ? { q: q.trim(), size: 100 } : { size: 100 }
  return asList((await http.get<FormSummary[] | { items: FormSummary[] }>(base, { params })).data)
}

export async function createForm(input: { key: string } & FormDraftInput): Promise<FormDraft> {
  return (await http.post<FormDraft>(base, input, { silent: true })).data
}

export async function getDraft(key: string): Promise<FormDraft> {
  return (await http.get<FormDraft>(`${base}/${encodeURIComponent(key)}`)).data
}

export async function saveDraft(key: string, input: FormDraftInput): Promise<FormDraft> {
  return (await http.put<FormDraft>(`${base}/${encodeURIComponent(key)}`, input, { silent: true })).data
}

export async function publishDraft(key: string): Promise<FormVersion> {
  return (await http.post<FormVersion>(`${base}/${encodeURIComponent(key)}/versions`, {}, { silent: true })).data
}

export async function getVersion(key: string, version: number): Promise<FormVersion> {
  return (await http.get<FormVersion>(`${base}/${encodeURIComponent(key)}/versions/${version}`)).data
}

export async function exportForm(key: string): Promise<FormExport> {
  return (await http.get<FormExport>(`${base}/${encodeURIComponent(key)}/export`)).data
}

export async function importForm(file: FormExport): Promise<FormDraft> {
  return (await http.post<FormDraft>(`${base}/import`, file, { silent: true })).data
}

/** 204 when valid; rejects with an ApiProblem whose fieldErrors carry `items[3].amount`-style paths. */
export async function validateData(key: string, version: number, data: Record<string, unknown>): Promise<void> {
  await http.post(`${base}/${encodeURIComponent(key)}/versions/${version}/validation`, data, { silent: true })
}

export async function getPrefill(key: string, version: number): Promise<Record<string, PrefilledValue>> {
  return (await http.get<Record<string, PrefilledValue>>(`${base}/${encodeURIComponent(key)}/versions/${version}/prefill`)).data
}

/** `POST /api/v1/workflow/files` (multipart `file`). */
export async function uploadFile(file: Blob, name: string): Promise<FileRef & { sha256: string }> {
  const body = new FormData()
  body.append('file', file, name)
  return (await http.post<FileRef & { sha256: string }>('/api/v1/workflow/files', body)).data
}

export function fileUrl(id: string): string {
  return `/api/v1/workflow/files/${encodeURIComponent(id)}`
}
