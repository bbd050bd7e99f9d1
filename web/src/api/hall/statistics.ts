import { http } from '@/api/http'

export const STATISTICS_READ = 'hall:statistics:read'
export const STATISTICS_REBUILD = 'hall:statistics:rebuild'

export type Granularity = 'DAY' | 'WEEK' | 'MONTH'

/** What every statistics request takes; dates are yyyy-MM-dd, both inclusive. */
export interface StatisticsFilter {
  from?: string
  to?: string
  /** Owning department (org unit id). */
  department?: string
  /** Service item code. */
  service?: string
  granularity?: Granularity
}

export interface Figures {
  submitted: number
  crossSubmitted: number
  ended: number
  completed: number
  oneTime: number
  oneTimeRate: number | null
  averageSeconds: number | null
  p90Seconds: number | null
  promised: number
  breaches: number
  breachRate: number | null
  ratingCount: number
  ratingAverage: number | null
  /** Counts of 1 … 5 stars. */
  stars: number[]
}

export interface Unit {
  id: string
  name: string
}

export interface Period {
  start: string
  submitted: number
  completed: number
  breaches: number
}

export interface RatingComment {
  serviceCode: string
  serviceName: string
  stars: number
  comment: string
  at: string
}

export interface Overview {
  from: string
  to: string
  granularity: Granularity
  totals: Figures
  series: Period[]
  recentComments: RatingComment[]
}

export interface ServiceFigures {
  code: string
  name: string
  ownerOrgUnit: Unit | null
  promisedDays: number | null
  status: string | null
  figures: Figures
}

export interface DepartmentFigures {
  orgUnit: Unit
  services: number
  figures: Figures
}

export interface ColdService {
  code: string
  name: string
  ownerOrgUnit: Unit | null
  submitted: number
  publishedAt: string | null
}

export interface NodeFigures {
  version: number
  nodeId: string
  nodeName: string
  count: number
  averageSeconds: number
  p90Seconds: number
}

export interface Nodes {
  serviceCode: string
  serviceName: string
  processKey: string | null
  items: NodeFigures[]
}

export interface Kpis {
  onlineServices: number
  onlineServicesGoal: number
  crossDepartmentServices: number
  crossDepartmentShare: number | null
  crossDepartmentGoal: number
  completed: number
  oneTime: number
  oneTimeRate: number | null
  oneTimeGoal: number
  crossDepartmentApplicationShare: number | null
}

const BASE = '/api/v1/hall/statistics'

/** The query parameters of a filter, without empty values. */
export function statisticsParams(filter: StatisticsFilter): Record<string, string> {
  const params: Record<string, string> = {}
  for (const [key, value] of Object.entries(filter)) {
    if (typeof value === 'string' && value.trim() !== '') params[key] = value.trim()
  }
  return params
}

async function get<T>(path: string, filter: StatisticsFilter, extra: Record<string, string | number> = {}): Promise<T> {
  const { data } = await http.get<T>(`${BASE}/${path}`, { params: { ...statisticsParams(filter), ...extra } })
  return data
}

export const getOverview = (filter: StatisticsFilter) => get<Overview>('overview', filter)
export const getKpis = (filter: StatisticsFilter) => get<Kpis>('kpis', filter)
export const getNodes = (filter: StatisticsFilter) => get<Nodes | null>('nodes', filter)

export async function getServices(filter: StatisticsFilter): Promise<ServiceFigures[]> {
  return (await get<{ items: ServiceFigures[] }>('services', filter)).items
}

export async function getTop(filter: StatisticsFilter): Promise<ServiceFigures[]> {
  return (await get<{ items: ServiceFigures[] }>('top', filter)).items
}

export async function getDepartments(filter: StatisticsFilter): Promise<DepartmentFigures[]> {
  return (await get<{ items: DepartmentFigures[] }>('departments', filter)).items
}

export async function getCold(filter: StatisticsFilter, threshold = 5): Promise<ColdService[]> {
  return (await get<{ threshold: number; items: ColdService[] }>('cold', filter, { threshold })).items
}

/** Downloads every table as a workbook with headers in the app's language (sent as Accept-Language). */
export async function downloadStatistics(filter: StatisticsFilter): Promise<void> {
  const response = await http.get<Blob>(`${BASE}/export.xlsx`, {
    params: statisticsParams(filter),
    responseType: 'blob',
  })
  const url = URL.createObjectURL(response.data)
  const link = document.createElement('a')
  link.href = url
  link.download = `hall-statistics-${filter.from ?? ''}-${filter.to ?? ''}.xlsx`
  link.click()
  URL.revokeObjectURL(url)
}
