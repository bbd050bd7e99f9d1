export const MESSAGE_SEND = 'messaging:message:send'
export const DELIVERY_READ = 'messaging:delivery:read'
export const CHANNEL_MANAGE = 'messaging:channel:manage'
export const TEMPLATE_MANAGE = 'messaging:template:manage'
export const CATEGORY_MANAGE = 'messaging:category:manage'

export type Priority = 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT'
export type DeliveryStatus = 'QUEUED' | 'SENT' | 'FAILED' | 'READ'
export type TemplateLocale = 'zh-CN' | 'en-US'

export interface Page<T> {
  items: T[]
  page: number
  size: number
  total: number
}

export interface Category {
  code: string
  name: string
  nameEn: string
  priority: Priority
  mandatory: boolean
  defaultChannels: string[]
}
