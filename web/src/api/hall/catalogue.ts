import { http } from '@/api/http'
import type { PrefilledValue } from '@/components/forms/formModel'

export const SERVICE_MANAGE = 'hall:service:manage'

export type Localized = Record<string, string>
export type Handling = 'ONLINE' | 'OFFLINE' | 'LINK'
export type ServiceStatus = 'DRAFT' | 'PUBLISHED' | 'OFFLINE'
export type CatalogueView = 'all' | 'favourites' | 'recent' | 'hot' | 'suggested'

export interface UnitRef {
  id: string
  name: string | null
  nameEn: string | null
}

export interface ServiceCard {
  code: string
  name: Localized
  summary: Localized
  categoryCode: string
  ownerOrgUnit: UnitRef
  handling: Handling
  promisedDays: number | null
  selfPrint: boolean
  favourite: boolean
  publicGuide: boolean
  uses: number
  calendarTags: string[]
}

export interface Cards {
  items: ServiceCard[]
  page: number
  size: number
  total: number
}

export interface Category {
  code: string
  name: Localized
  icon: string | null
  count: number
}

export interface Material {
  name: Localized
  required?: boolean
  copies?: number
  note?: Localized
}

export interface Faq {
  q: Localized
  a: Localized
}

export interface Guide {
  place?: Localized
  hours?: Localized
  contact?: { phone?: string; email?: string }
  steps?: Localized[]
  basis?: Localized
}

export interface ServiceDetail extends ServiceCard {
  categoryName: Localized
  coOrgUnits: UnitRef[]
  audience: { affiliationTypes: string[]; roles: string[]; orgUnits: string[] }
  guide: Guide
  materials: Material[]
  fees: { amount?: number; note?: Localized }
  faq: Faq[]
  keywords: string[]
  /** ONLINE items for signed-in people: the process's pinned form version */
  form?: { processKey: string; key: string; version: number; schema: Record<string, unknown>; layout: Record<string, unknown> }
  prefill?: Record<string, PrefilledValue>
  /** LINK items: where to open the business system signed in */
  linkUrl?: string
}

/** A service item as its department administrator edits it. */
export interface ServiceItem {
  code: string
  name: Localized
  summary: Localized
  categoryCode: string
  ownerOrgUnitId: string | null
  coOrgUnitIds: string[]
  audience: { affiliationTypes?: string[]; roles?: string[]; orgUnits?: string[] }
  publicGuide: boolean
  handling: Handling
  processKey: string | null
  linkAppCode: string | null
  linkUrl: string | null
  guide: Guide
  materials: Material[]
  fees: { amount?: number; note?: Localized }
  promisedDays: number | null
  faq: Faq[]
  keywords: string[]
  calendarTags: string[]
  status: ServiceStatus
  selfPrint: boolean
  sortOrder: number
  revision: number
  updatedAt?: string
}

export interface MyApp {
  code: string
  name: string
  nameEn: string | null
  protocol: 'CAS' | 'OIDC'
  launchUrl: string
}

export interface HallHome {
  favourites: Cards
  suggested: Cards
  recent: Cards
  hot: Cards
}

/** The text for the locale, falling back to Chinese, then to any text. */
export function localized(value: Localized | null | undefined, locale: string): string {
  if (!value) return ''
  return value[locale] || value['zh-CN'] || Object.values(value)[0] || ''
}

export interface ListQuery {
  q?: string
  category?: string
  view?: CatalogueView
  page?: number
  size?: number
}

export async function listServices(query: ListQuery, signal?: AbortSignal): Promise<Cards> {
  const { data } = await http.get<Cards>('/api/v1/hall/services', { params: query, signal })
  return data
}

export async function getService(code: string): Promise<ServiceDetail> {
  // silent: the item page renders a 404 itself
  const { data } = await http.get<ServiceDetail>(`/api/v1/hall/services/${encodeURIComponent(code)}`, { silent: true })
  return data
}

export async function setFavourite(code: string, favourite: boolean): Promise<void> {
  const url = `/api/v1/hall/services/${encodeURIComponent(code)}/favourite`
  await (favourite ? http.put(url) : http.delete(url))
}

export async function listCategories(): Promise<Category[]> {
  const { data } = await http.get<Category[]>('/api/v1/hall/categories')
  return data
}

export async function hallHome(): Promise<HallHome> {
  const { data } = await http.get<HallHome>('/api/v1/hall/home')
  return data
}

export async function listPublicServices(query: ListQuery, signal?: AbortSignal): Promise<Cards> {
  const { data } = await http.get<Cards>('/api/v1/hall/public/services', { params: query, signal })
  return data
}

export async function getPublicService(code: string): Promise<ServiceDetail> {
  const { data } = await http.get<ServiceDetail>(`/api/v1/hall/public/services/${encodeURIComponent(code)}`, {
    silent: true,
  })
  return data
}

export async function listPublicCategories(): Promise<Category[]> {
  const { data } = await http.get<Category[]>('/api/v1/hall/public/categories')
  return data
}

export async function myApps(): Promise<MyApp[]> {
  const { data } = await http.get<MyApp[]>('/api/v1/identity/me/apps')
  return data
}

export interface AdminQuery {
  q?: string
  status?: ServiceStatus | ''
  category?: string
  department?: string
}

export async function listAdminServices(query: AdminQuery): Promise<ServiceItem[]> {
  const params = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '' && v != null))
  const { data } = await http.get<ServiceItem[]>('/api/v1/hall/admin/services', { params })
  return data
}

export async function getAdminService(code: string): Promise<ServiceItem> {
  const { data } = await http.get<ServiceItem>(`/api/v1/hall/admin/services/${encodeURIComponent(code)}`)
  return data
}

export async function createService(item: ServiceItem): Promise<ServiceItem> {
  const { data } = await http.post<ServiceItem>('/api/v1/hall/admin/services', item, { silent: true })
  return data
}

export async function updateService(code: string, item: ServiceItem): Promise<ServiceItem> {
  const { data } = await http.put<ServiceItem>(`/api/v1/hall/admin/services/${encodeURIComponent(code)}`, item, {
    silent: true,
  })
  return data
}

export async function publishService(code: string, revision: number): Promise<ServiceItem> {
  const { data } = await http.post<ServiceItem>(`/api/v1/hall/admin/services/${encodeURIComponent(code)}/publication`,
    { revision },
    { silent: true },
  )
  return data
}

export async function takeServiceOffline(code: string, revision: number): Promise<ServiceItem> {
  const { data } = await http.delete<ServiceItem>(
    `/api/v1/hall/admin/services/${encodeURIComponent(code)}/publication`,
    { params: { revision }, silent: true },
  )
  return data
}

/* The admin writes above are silent: the pages show 409 and 422 at the right place themselves. */

/** A new, empty item for the editor. */
export function emptyService(): ServiceItem {
  return {
    code: '',
    name: { 'zh-CN': '', 'en-US': '' },
    summary: { 'zh-CN': '', 'en-US': '' },
    categoryCode: '',
    ownerOrgUnitId: null,
    coOrgUnitIds: [],
    audience: { affiliationTypes: [], roles: [], orgUnits: [] },
    publicGuide: false,
    handling: 'OFFLINE',
    processKey: null,
    linkAppCode: null,
    linkUrl: null,
    guide: { place: { 'zh-CN': '', 'en-US': '' }, hours: { 'zh-CN': '', 'en-US': '' }, contact: {}, steps: [] },
    materials: [],
    fees: { amount: 0, note: { 'zh-CN': '', 'en-US': '' } },
    promisedDays: null,
    faq: [],
    keywords: [],
    calendarTags: [],
    status: 'DRAFT',
    selfPrint: false,
    sortOrder: 0,
    revision: 0,
  }
}
