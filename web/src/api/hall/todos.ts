import { http } from '@/api/http'
import type { Page } from '@/api/messaging/types'
import type { Localized } from '@/api/workflow/tasks'

export const TODO_READ = 'hall:todo:read'

/** 待办, 已办, 抄送我的, 我发起的 */
export type TodoScope = 'todo' | 'done' | 'cc' | 'mine'

export const TODO_SCOPES: readonly TodoScope[] = ['todo', 'done', 'cc', 'mine']

/** One line of the to-do centre: a workflow item or a to-do a campus system pushed. */
export interface TodoItem {
  kind: 'WORKFLOW' | 'EXTERNAL'
  id: string
  title: Localized
  /** the workflow node; null for pushed to-dos */
  step: Localized | null
  /** `workflow` or the pushing system's client id */
  source: string
  sourceName: Localized | null
  applicantName: string | null
  taskId: string | null
  instanceId: string | null
  processKey: string | null
  status: string | null
  outcome: string | null
  instanceStatus: string | null
  category: string | null
  priority: 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT' | null
  dueAt: string | null
  /** pushed to-dos: where the browser opens the system through single sign-on */
  openUrl: string | null
  createdAt: string
  endedAt: string | null
  at: string
}

export interface TodoFilter {
  source?: string
  process?: string
  category?: string
  /** yyyy-mm-dd, inclusive */
  from?: string
  to?: string
  q?: string
}

export type TodoCounts = Record<TodoScope, number>

export interface TodoSource {
  code: string
  name: Localized | null
  kinds: Array<{ key: string; name: Localized }>
}

function params(filter: TodoFilter): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [key, value] of Object.entries(filter)) {
    if (typeof value === 'string' && value.trim() !== '') result[key] = value.trim()
  }
  return result
}

export async function listTodos(scope: TodoScope, filter: TodoFilter, page: number, size: number): Promise<Page<TodoItem>> {
  return (await http.get<Page<TodoItem>>('/api/v1/hall/todos', { params: { scope, ...params(filter), page, size } })).data
}

export async function todoCounts(filter: TodoFilter): Promise<TodoCounts> {
  return (await http.get<TodoCounts>('/api/v1/hall/todos/counts', { params: params(filter) })).data
}

export async function todoSources(): Promise<TodoSource[]> {
  return (await http.get<TodoSource[]>('/api/v1/hall/todos/sources')).data
}

/** Where a line opens: the task page, the instance page, or the pushed to-do's system (external). */
export function todoTarget(item: TodoItem): { route: string } | { href: string } {
  if (item.kind === 'EXTERNAL') return { href: item.openUrl ?? '/' }
  if (item.taskId) return { route: `/workflow/tasks/${encodeURIComponent(item.taskId)}` }
  return { route: `/workflow/instances/${encodeURIComponent(item.instanceId ?? '')}` }
}
