import { http } from '@/api/http'

export const ORG_READ = 'identity:org:read'
export const ORG_MANAGE = 'identity:org:manage'

export interface OrgUnit {
  id: string
  code: string
  name: string
  nameEn: string | null
  type: string
  parentId: string | null
  validFrom: string
  validTo: string | null
  sortOrder: number
  hasChildren: boolean
}

export const ORG_UNIT_TYPES = ['UNIVERSITY', 'CAMPUS', 'COLLEGE', 'OFFICE', 'MAJOR', 'CLASS', 'RESEARCH_GROUP'] as const
export const POSITION_KINDS = ['HEAD', 'DEPUTY_HEAD', 'COUNSELLOR', 'CLASS_ADVISOR', 'SUPERVISOR', 'OFFICE_STAFF'] as const

/** The fields of the org unit form; `code` and `parentId` only count when creating (a move sends `parentId`). */
export interface OrgUnitForm {
  code: string
  name: string
  nameEn: string | null
  type: string
  parentId: string | null
  validFrom: string | null
  validTo: string | null
  sortOrder: number | null
}

export interface PositionForm {
  personId: string | null
  kind: string
  subjectPersonId: string | null
  startDate: string | null
  endDate: string | null
}

export interface Position {
  id: string
  kind: string
  personId: string
  personName: string | null
  subjectPersonId: string | null
  subjectName: string | null
  startDate: string
  endDate: string | null
}

export async function listOrgUnits(parentId?: string): Promise<OrgUnit[]> {
  return (await http.get<OrgUnit[]>('/api/v1/identity/org-units', { params: parentId ? { parentId } : {} })).data
}

export async function listPositions(orgUnitId: string): Promise<Position[]> {
  return (await http.get<Position[]>(`/api/v1/identity/org-units/${orgUnitId}/positions`)).data
}

export async function getOrgUnit(id: string): Promise<OrgUnit> {
  return (await http.get<OrgUnit>(`/api/v1/identity/org-units/${id}`)).data
}

export async function createOrgUnit(form: OrgUnitForm): Promise<OrgUnit> {
  return (await http.post<OrgUnit>('/api/v1/identity/org-units', form)).data
}

/** Renames, retypes, re-dates or moves (with `parentId`) a unit; its code and closing date stay. */
export async function changeOrgUnit(id: string, form: OrgUnitForm): Promise<OrgUnit> {
  const { name, nameEn, type, parentId, validFrom, sortOrder } = form
  return (await http.put<OrgUnit>(`/api/v1/identity/org-units/${id}`, { name, nameEn, type, parentId, validFrom, sortOrder })).data
}

/** Closes the unit at `validTo` (today when null). */
export async function closeOrgUnit(id: string, validTo: string | null = null): Promise<OrgUnit> {
  return (await http.post<OrgUnit>(`/api/v1/identity/org-units/${id}/closure`, { validTo })).data
}

export async function assignPosition(orgUnitId: string, form: PositionForm): Promise<Position> {
  return (await http.post<Position>(`/api/v1/identity/org-units/${orgUnitId}/positions`, form)).data
}

export async function endPosition(orgUnitId: string, positionId: string): Promise<void> {
  await http.post(`/api/v1/identity/org-units/${orgUnitId}/positions/${positionId}/ending`, {})
}
