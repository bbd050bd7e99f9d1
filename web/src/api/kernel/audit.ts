import { http } from '@/api/http'

export const AUDIT_READ = 'kernel:audit:read'
export const AUDIT_VERIFY = 'kernel:audit:verify'

export interface AuditEvent {
  id: number
  /** ISO-8601 instant */
  occurredAt: string
  actor: string | null
  action: string
  target: string | null
  details: Record<string, unknown> | null
  ip: string | null
}

export interface Page<T> {
  items: T[]
  page: number
  size: number
  total: number
}

export interface AuditQuery {
  page: number
  size: number
  actor?: string
  action?: string
  /** Contained in the target, e.g. an app code or a person id. */
  target?: string
  ip?: string
  /** ISO-8601 instant, inclusive. */
  from?: string
  /** ISO-8601 instant, exclusive. */
  to?: string
}

export interface DailyCount {
  /** yyyy-MM-dd */
  day: string
  count: number
}

export interface AuditVerification {
  valid: boolean
  checked: number
  firstInvalidId: number | null
  verifiedAt: string
}

export async function listAuditEvents(query: AuditQuery): Promise<Page<AuditEvent>> {
  const params: Record<string, string | number> = { page: query.page, size: query.size }
  if (query.actor?.trim()) params.actor = query.actor.trim()
  if (query.action?.trim()) params.action = query.action.trim()
  if (query.target?.trim()) params.target = query.target.trim()
  if (query.ip?.trim()) params.ip = query.ip.trim()
  if (query.from) params.from = query.from
  if (query.to) params.to = query.to
  const { data } = await http.get<Page<AuditEvent>>('/api/v1/audit/events', { params })
  return data
}

export async function getDailyStatistics(days = 14): Promise<DailyCount[]> {
  const { data } = await http.get<DailyCount[]>('/api/v1/audit/statistics/daily', { params: { days } })
  return data
}

export async function verifyAuditChain(): Promise<AuditVerification> {
  const { data } = await http.post<AuditVerification>('/api/v1/audit/verifications')
  return data
}
