import { http } from '@/api/http'
import type { Page } from '@/api/messaging/types'

export const TASK_READ = 'workflow:task:read'
export const INSTANCE_START = 'workflow:instance:start'

export type TaskScope = 'todo' | 'done' | 'cc'
export type Localized = Record<string, string>

export interface PersonRef {
  id: string
  name: string | null
}

export interface TaskItem {
  /** null for a CC entry */
  taskId: string | null
  instanceId: string
  processKey: string
  processName: Localized
  nodeId: string
  nodeName: Localized
  applicant: PersonRef
  status: string | null
  outcome: string | null
  instanceStatus: string
  createdAt: string
  endedAt: string | null
}

export interface TaskDetail {
  taskId: string
  instanceId: string
  processKey: string
  processName: Localized
  nodeId: string
  nodeName: Localized
  nodeType: 'APPROVER' | 'HANDLER'
  status: string
  outcome: string | null
  applicant: PersonRef
  /** The form pinned by the instance's process version; null for a process without a form. */
  form: TaskForm | null
  data: Record<string, unknown>
  fieldAccess: Record<string, 'EDITABLE' | 'READONLY' | 'HIDDEN'>
  actions: Array<'approval' | 'rejection' | 'return' | 'transfer' | 'delegation' | 'signers'>
}

export interface TaskForm {
  key: string
  version: number
  name: Localized
  schema: Record<string, unknown>
  layout: { version: number; fields: unknown[] }
}

export interface TimelineStep {
  action: string
  nodeId: string | null
  nodeName: Localized | null
  actor: PersonRef | null
  at: string
  comment: string | null
}

export interface InstanceView {
  id: string
  processKey: string
  processName: Localized
  status: string
  applicant: PersonRef
  startedAt: string
  endedAt: string | null
  formData: Record<string, unknown>
  current: Array<{ nodeId: string; nodeName: Localized; handlers: Array<{ taskId: string; person: PersonRef }> }>
  timeline: TimelineStep[]
  canWithdraw: boolean
  canAdminister?: boolean
  /** The form version the instance pins (rendered read-only with labels); null for a process without a form. */
  form?: TaskForm | null
  /** The viewer's field access when they see the instance as a handler; empty for the applicant and administrators. */
  fieldAccess?: Record<string, 'EDITABLE' | 'READONLY' | 'HIDDEN'>
}

/** `GET /api/v1/workflow/startable-processes`: a process the caller may apply for, newest published version. */
export interface StartableProcess {
  key: string
  version: number
  name: Localized
  formKey: string | null
  formVersion: number | null
  /** Nodes whose approvers the applicant chooses at submit. */
  applicantChooses: Array<{ nodeId: string; name: Localized }>
}

export interface InstanceSummary {
  id: string
  status: string
}

export function localized(value: Localized | null | undefined, locale: string): string {
  if (!value) return ''
  return value[locale] ?? value['zh-CN'] ?? Object.values(value)[0] ?? ''
}

export async function listTasks(scope: TaskScope, page: number, size: number): Promise<Page<TaskItem>> {
  const { data } = await http.get<Page<TaskItem>>('/api/v1/workflow/tasks', { params: { scope, page, size } })
  return data
}

export async function getTask(id: string): Promise<TaskDetail> {
  const { data } = await http.get<TaskDetail>(`/api/v1/workflow/tasks/${encodeURIComponent(id)}`)
  return data
}

export async function listStartable(): Promise<StartableProcess[]> {
  return (await http.get<StartableProcess[]>('/api/v1/workflow/startable-processes')).data
}

/**
 * Starts an instance; `idempotencyKey` makes a retried submit return the same instance. 422 field errors are not
 * toasted (they belong on the form).
 */
export async function startInstance(
  processKey: string,
  formData: Record<string, unknown>,
  assignees: Record<string, string[]>,
  idempotencyKey: string,
): Promise<InstanceSummary> {
  const { data } = await http.post<InstanceSummary>(
    '/api/v1/workflow/instances',
    { processKey, formData, ...(Object.keys(assignees).length > 0 ? { assignees } : {}) },
    { headers: { 'Idempotency-Key': idempotencyKey } },
  )
  return data
}

export async function getInstance(id: string): Promise<InstanceView> {
  const { data } = await http.get<InstanceView>(`/api/v1/workflow/instances/${encodeURIComponent(id)}`)
  return data
}

/** `formData`: the fields this node may edit (the server validates them and keeps the rest). */
export async function approveTask(id: string, comment: string, formData?: Record<string, unknown>): Promise<InstanceSummary> {
  const { data } = await http.post<InstanceSummary>(`/api/v1/workflow/tasks/${encodeURIComponent(id)}/approval`, {
    comment,
    ...(formData ? { formData } : {}),
  })
  return data
}

export async function rejectTask(id: string, comment: string): Promise<InstanceSummary> {
  const { data } = await http.post<InstanceSummary>(`/api/v1/workflow/tasks/${encodeURIComponent(id)}/rejection`, { comment })
  return data
}
