import { http } from '@/api/http'
import type { Category, DeliveryStatus, Page, Priority, TemplateLocale } from './types'

export interface ChannelField {
  name: string
  required: boolean
  secret: boolean
  defaultValue: string | null
  /** always null for secrets */
  value: string | null
  secretSet: boolean
}

export interface Channel {
  id: string
  enabled: boolean
  ratePerSecond: number
  addressKind: 'PERSON' | 'EMAIL' | 'PHONE' | 'USERNAME'
  fields: ChannelField[]
}

export interface ChannelChange {
  enabled: boolean
  ratePerSecond: number
  /** secrets: leave out to keep, '' to clear */
  settings: Record<string, string>
}

export interface Template {
  code: string
  /** a channel id or 'default' */
  channel: string
  locale: TemplateLocale
  category: string
  title: string
  body: string
  variables: string[]
}

export interface TemplatePreview {
  channel: string
  locale: TemplateLocale
  title: string
  body: string
}

export interface Delivery {
  id: number
  messageId: string
  recipient: string | null
  channel: string
  category: string
  status: DeliveryStatus
  title: string
  address: string | null
  attempts: number
  reason: string | null
  createdAt: string
  sentAt: string | null
  readAt: string | null
  nextAttemptAt: string | null
}

export interface DeliveryQuery {
  page: number
  size: number
  recipient?: string
  category?: string
  channel?: string
  status?: DeliveryStatus | ''
  from?: string
  to?: string
}

export async function listChannels(): Promise<Channel[]> {
  const { data } = await http.get<Channel[]>('/api/v1/messaging/channels')
  return data
}

export async function updateChannel(id: string, change: ChannelChange): Promise<Channel> {
  const { data } = await http.put<Channel>(`/api/v1/messaging/channels/${id}`, change)
  return data
}

export async function listTemplates(): Promise<Template[]> {
  const { data } = await http.get<Template[]>('/api/v1/messaging/templates')
  return data
}

export async function saveTemplate(
  key: { code: string; channel: string; locale: TemplateLocale },
  change: { category: string; title: string; body: string },
): Promise<Template> {
  const { data } = await http.put<Template>(
    `/api/v1/messaging/templates/${encodeURIComponent(key.code)}/${encodeURIComponent(key.channel)}/${key.locale}`,
    change,
  )
  return data
}

export async function deleteTemplate(key: { code: string; channel: string; locale: TemplateLocale }): Promise<void> {
  await http.delete(`/api/v1/messaging/templates/${encodeURIComponent(key.code)}/${encodeURIComponent(key.channel)}/${key.locale}`)
}

export async function previewTemplate(
  code: string,
  request: { locale: TemplateLocale; channel?: string; variables: Record<string, string> },
): Promise<TemplatePreview> {
  const { data } = await http.post<TemplatePreview>(`/api/v1/messaging/templates/${encodeURIComponent(code)}/preview`, request)
  return data
}

export async function listCategories(): Promise<Category[]> {
  const { data } = await http.get<Category[]>('/api/v1/messaging/categories')
  return data
}

export async function updateCategory(
  code: string,
  change: { priority: Priority; mandatory: boolean; defaultChannels: string[] },
): Promise<Category> {
  const { data } = await http.put<Category>(`/api/v1/messaging/categories/${code}`, change)
  return data
}

export async function searchDeliveries(query: DeliveryQuery): Promise<Page<Delivery>> {
  const params: Record<string, string | number> = { page: query.page, size: query.size }
  for (const key of ['recipient', 'category', 'channel', 'status', 'from', 'to'] as const) {
    const value = query[key]?.trim()
    if (value) params[key] = value
  }
  const { data } = await http.get<Page<Delivery>>('/api/v1/messaging/deliveries', { params })
  return data
}
