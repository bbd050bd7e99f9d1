import { http } from '@/api/http'
import type { InstanceSummary, Localized } from '@/api/workflow/tasks'

/** A node a task may be returned to; START means back to the applicant. */
export interface ReturnTarget {
  nodeId: string
  name: Localized
  type: 'START' | 'APPROVER' | 'HANDLER'
}

export type SignerPosition = 'BEFORE' | 'AFTER' | 'PARALLEL'

export interface BatchItem {
  taskId: string
  status: number
  errorCode: string | null
  instance: InstanceSummary | null
}

export interface BatchResult {
  approved: number
  failed: number
  items: BatchItem[]
}

function path(taskId: string, operation: string): string {
  return `/api/v1/workflow/tasks/${encodeURIComponent(taskId)}/${operation}`
}

export async function returnTargets(taskId: string): Promise<ReturnTarget[]> {
  return (await http.get<ReturnTarget[]>(path(taskId, 'return-targets'))).data
}

export async function returnTask(taskId: string, targetNodeId: string, comment: string): Promise<InstanceSummary> {
  return (await http.post<InstanceSummary>(path(taskId, 'return'), { targetNodeId, comment })).data
}

export async function takeBackTask(taskId: string, comment: string): Promise<InstanceSummary> {
  return (await http.post<InstanceSummary>(path(taskId, 'take-back'), { comment })).data
}

/** `username` is the person's account name (工号/学号). */
export async function transferTask(taskId: string, username: string, comment: string): Promise<void> {
  await http.post(path(taskId, 'transfer'), { username, comment })
}

export async function delegateTask(taskId: string, username: string, comment: string): Promise<void> {
  await http.post(path(taskId, 'delegation'), { username, comment })
}

export async function recallDelegation(taskId: string): Promise<void> {
  await http.delete(path(taskId, 'delegation'))
}

/**
 * Adds a signer; answers the actor's task afterwards: the same id, or a new one when a parallel signer
 * turned a one-person node into a multi-person node.
 */
export async function addSigner(taskId: string, username: string, position: SignerPosition, comment: string): Promise<string> {
  const { data } = await http.post<{ taskId: string }>(path(taskId, 'signers'), { username, position, comment })
  return data.taskId
}

export async function removeSigner(taskId: string, username: string): Promise<void> {
  await http.delete(path(taskId, `signers/${encodeURIComponent(username)}`))
}

export async function urgeTask(taskId: string, comment: string): Promise<void> {
  await http.post(path(taskId, 'urge'), { comment })
}

export async function batchApprove(taskIds: string[], comment: string): Promise<BatchResult> {
  return (await http.post<BatchResult>('/api/v1/workflow/tasks/batch-approval', { taskIds, comment })).data
}

export async function resubmit(instanceId: string, formData: Record<string, unknown>, comment: string): Promise<InstanceSummary> {
  const url = `/api/v1/workflow/instances/${encodeURIComponent(instanceId)}/resubmission`
  return (await http.post<InstanceSummary>(url, { formData, comment })).data
}
