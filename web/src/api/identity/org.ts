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
  hasChildren: boolean
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

export async function renameOrgUnit(unit: OrgUnit, name: string, nameEn: string | null): Promise<OrgUnit> {
  return (await http.put<OrgUnit>(`/api/v1/identity/org-units/${unit.id}`, { name, nameEn, type: unit.type })).data
}

export async function closeOrgUnit(id: string): Promise<OrgUnit> {
  return (await http.post<OrgUnit>(`/api/v1/identity/org-units/${id}/closure`, {})).data
}

export async function endPosition(orgUnitId: string, positionId: string): Promise<void> {
  await http.post(`/api/v1/identity/org-units/${orgUnitId}/positions/${positionId}/ending`, {})
}
