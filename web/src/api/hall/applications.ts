import { http } from '@/api/http'
import type { Page } from '@/api/messaging/types'
import type { FormDefinition, PrefilledValue } from '@/components/forms/formModel'

export const APPLICATION_CREATE = 'hall:application:create'
export const APPLICATION_READ = 'hall:application:read'

export type Localized = Record<string, string>
export type ApplicationScope = 'mine' | 'handled' | 'cc' | 'admin'
export type ApplicationStatus = 'RUNNING' | 'RETURNED' | 'SUSPENDED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN' | 'TERMINATED'
export const APPLICATION_STATUSES: readonly ApplicationStatus[] = ['RUNNING', 'RETURNED', 'SUSPENDED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'TERMINATED']

export interface PersonRef {
  id: string
  name: string | null
}

export interface ApplicationForm extends FormDefinition {
  key: string
  version: number
}

export interface Draft {
  serviceCode: string
  formData: Record<string, unknown>
  updatedAt: string
}

/** `GET /api/v1/hall/applications/forms/{serviceCode}`: what the apply page needs. */
export interface ApplyForm {
  serviceCode: string
  serviceName: Localized
  summary: Localized
  promisedDays: number | null
  form: ApplicationForm | null
  prefill: Record<string, PrefilledValue>
  draft: Draft | null
}

export interface TimelineStep {
  action: string
  actor: PersonRef | null
  nodeId: string | null
  nodeName: Localized | null
  at: string
  comment: string | null
  attachments: Array<{ id: string; name: string; size: number; contentType: string }>
}

export interface ApplicationItem {
  id: string
  serviceCode: string
  serviceName: Localized
  applicant: PersonRef
  status: ApplicationStatus
  submittedAt: string
  endedAt: string | null
  returnCount: number
}

/** `GET /api/v1/hall/applications/{id}`: the list row plus where it is, its history and what the viewer may do. */
export interface Application extends ApplicationItem {
  instanceId: string
  promisedDays: number | null
  currentNodes: Array<{ nodeId: string; name: Localized; handlers: PersonRef[]; since: string }>
  timeline: TimelineStep[]
  /** who put it on hold, when and why; null unless SUSPENDED */
  suspension: { by: PersonRef | null; at: string; reason: string | null } | null
  actions: { withdraw: boolean; resubmit: boolean; evaluate: boolean }
  evaluation: { stars: number; comment: string | null; at: string } | null
  results: Array<{ name: string; label: Localized; contentType: string }>
  /** null for handlers and CC'd people (they see the data in their task) */
  formData: Record<string, unknown> | null
  form: ApplicationForm | null
}

export function localized(value: Localized | null | undefined, locale: string): string {
  if (!value) return ''
  return value[locale] ?? value['zh-CN'] ?? Object.values(value)[0] ?? ''
}

/** A fresh Idempotency-Key: one per apply page, so a double click or a retry submits once. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID()
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`
}

const base = '/api/v1/hall/applications'

export async function getApplyForm(serviceCode: string): Promise<ApplyForm> {
  const { data } = await http.get<ApplyForm>(`${base}/forms/${encodeURIComponent(serviceCode)}`)
  return data
}

export async function submitApplication(
  serviceCode: string,
  formData: Record<string, unknown>,
  idempotencyKey: string,
): Promise<Application> {
  const { data } = await http.post<Application>(
    base,
    { serviceCode, formData },
    { headers: { 'Idempotency-Key': idempotencyKey }, silent: true },
  )
  return data
}

export async function listApplications(params: {
  scope: ApplicationScope
  status?: string
  q?: string
  page: number
  size: number
}): Promise<Page<ApplicationItem>> {
  const { data } = await http.get<Page<ApplicationItem>>(base, {
    params: { ...params, status: params.status || undefined, q: params.q || undefined },
  })
  return data
}

export async function getApplication(id: string): Promise<Application> {
  const { data } = await http.get<Application>(`${base}/${encodeURIComponent(id)}`)
  return data
}

export async function withdrawApplication(id: string, reason: string): Promise<Application> {
  const { data } = await http.post<Application>(`${base}/${encodeURIComponent(id)}/withdrawal`, { reason })
  return data
}

export async function resubmitApplication(id: string, formData: Record<string, unknown>, comment: string): Promise<Application> {
  const { data } = await http.post<Application>(`${base}/${encodeURIComponent(id)}/resubmission`, { formData, comment }, { silent: true })
  return data
}

export async function evaluateApplication(id: string, stars: number, comment: string): Promise<Application> {
  const { data } = await http.post<Application>(`${base}/${encodeURIComponent(id)}/evaluation`, { stars, comment })
  return data
}

export function resultUrl(id: string, name: string): string {
  return `${base}/${encodeURIComponent(id)}/results/${encodeURIComponent(name)}`
}

export async function saveDraft(serviceCode: string, formData: Record<string, unknown>): Promise<Draft> {
  const { data } = await http.put<Draft>(`/api/v1/hall/drafts/${encodeURIComponent(serviceCode)}`, { formData })
  return data
}

export async function deleteDraft(serviceCode: string): Promise<void> {
  await http.delete(`/api/v1/hall/drafts/${encodeURIComponent(serviceCode)}`)
}
