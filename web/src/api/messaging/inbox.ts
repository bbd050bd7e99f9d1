import { http } from '@/api/http'
import type { Page, Priority } from './types'

export interface InboxEntry {
  id: number
  category: string
  categoryName: string
  categoryNameEn: string
  priority: Priority
  title: string
  body: string
  /** ISO-8601 instant */
  sentAt: string
  readAt: string | null
}

export const INBOX_STREAM_URL = '/api/v1/messaging/inbox/stream'

export async function listInbox(page: number, size: number, unread: boolean): Promise<Page<InboxEntry>> {
  const { data } = await http.get<Page<InboxEntry>>('/api/v1/messaging/inbox', { params: { page, size, unread } })
  return data
}

export async function unreadCount(): Promise<number> {
  const { data } = await http.get<{ unread: number }>('/api/v1/messaging/inbox/unread-count')
  return data.unread
}

export async function markRead(id: number): Promise<void> {
  await http.post(`/api/v1/messaging/inbox/${id}/read`)
}

export async function markAllRead(): Promise<number> {
  const { data } = await http.post<{ marked: number }>('/api/v1/messaging/inbox/read-all')
  return data.marked
}
