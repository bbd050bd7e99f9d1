import { http } from '@/api/http'
import type { Priority } from './types'

export interface CategoryPreference {
  category: string
  name: string
  nameEn: string
  priority: Priority
  mandatory: boolean
  defaultChannels: string[]
  channels: string[]
}

export interface QuietHours {
  /** HH:mm or HH:mm:ss */
  start: string
  end: string
  timeZone?: string
}

export interface MessagingPreferences {
  categories: CategoryPreference[]
  quietHours: QuietHours | null
}

export async function getPreferences(): Promise<MessagingPreferences> {
  const { data } = await http.get<MessagingPreferences>('/api/v1/messaging/preferences')
  return data
}

export async function savePreferences(change: {
  channels: Record<string, string[]>
  quietHours: QuietHours | null
}): Promise<MessagingPreferences> {
  const { data } = await http.put<MessagingPreferences>('/api/v1/messaging/preferences', change)
  return data
}
