import { http } from '@/api/http'
import { isApiProblem } from '@/api/problem'

export const AFFILIATION_TYPES = [
  'UNDERGRADUATE',
  'POSTGRADUATE',
  'PHD',
  'FACULTY',
  'STAFF',
  'CONTRACTOR',
  'VISITING_SCHOLAR',
  'SERVICE_STAFF',
  'VISITOR',
  'ALUMNUS',
  'PARENT',
] as const
export type AffiliationType = (typeof AFFILIATION_TYPES)[number]

export const AFFILIATION_STATUSES = ['ACTIVE', 'SUSPENDED', 'LEFT', 'GRADUATED', 'EXPIRED'] as const
export type AffiliationStatus = (typeof AFFILIATION_STATUSES)[number]

export const ORG_UNIT_TYPES = ['UNIVERSITY', 'CAMPUS', 'COLLEGE', 'OFFICE', 'MAJOR', 'CLASS', 'RESEARCH_GROUP'] as const
export type OrgUnitType = (typeof ORG_UNIT_TYPES)[number]

export interface OrgUnit {
  code: string
  name: string
  nameEn: string | null
  /** One of ORG_UNIT_TYPES; kept open so an unknown value from a newer server does not break the UI. */
  type: OrgUnitType | string
}

export interface Affiliation {
  type: AffiliationType | string
  identifier: string | null
  status: AffiliationStatus | string
  primary: boolean
  startDate: string
  endDate: string | null
  orgUnit: OrgUnit
}

export interface Role {
  code: string
  name: string
  nameEn: string | null
}

/** `GET /api/v1/me` */
export interface Me {
  personId: string
  username: string
  name: string
  nameEn: string | null
  affiliations: Affiliation[]
  orgUnits: OrgUnit[]
  roles: Role[]
  permissions: string[]
  /** The UI language the person chose (follows them to other devices); null if never chosen. */
  locale: string | null
}

/** `PUT /api/v1/me/preferences`: remembers the UI language in the account. */
export async function saveLocalePreference(locale: string): Promise<void> {
  await http.put('/api/v1/me/preferences', { locale }, { silent: true })
}

/** Resolves to `null` when nobody is signed in (401) instead of redirecting. */
export async function getMe(): Promise<Me | null> {
  try {
    const { data } = await http.get<Me>('/api/v1/me', { silent: true, skipAuthRedirect: true })
    return data
  } catch (error) {
    if (isApiProblem(error) && error.status === 401) return null
    throw error
  }
}
