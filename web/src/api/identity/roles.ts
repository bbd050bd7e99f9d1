import { http } from '@/api/http'

/** Permission to see and change roles and their grants (platform administrators). */
export const ROLE_MANAGE = 'identity:role:manage'

export const POSITION_KINDS = ['HEAD', 'DEPUTY_HEAD', 'COUNSELLOR', 'CLASS_ADVISOR', 'SUPERVISOR', 'OFFICE_STAFF'] as const

export interface PositionGrant {
  id: string
  kind: string
  orgUnitId: string | null
  orgUnitCode: string | null
  orgUnitName: string | null
}

/** A role with its permissions and its grants to positions and affiliation types (`GET /api/v1/identity/roles`). */
export interface Role {
  code: string
  name: string
  nameEn: string
  description: string | null
  builtIn: boolean
  permissions: string[]
  /** How many accounts hold the role directly. */
  people: number
  positions: PositionGrant[]
  affiliationTypes: string[]
}

export interface PersonGrant {
  personId: string
  username: string
  name: string
  scopeOrgUnitId: string | null
  scopeOrgUnitCode: string | null
  scopeOrgUnitName: string | null
}

export interface NewRole {
  code: string
  name: string
  nameEn: string
  description: string | null
}

/** One role grant that gives a person permissions. */
export interface AccessGrant {
  role: string
  roleName: string
  roleNameEn: string
  via: 'DIRECT' | 'POSITION' | 'AFFILIATION'
  positionKind: string | null
  orgUnitCode: string | null
  orgUnitName: string | null
  affiliationType: string | null
  scopeOrgUnitCode: string | null
  scopeOrgUnitName: string | null
}

export interface AppAccess {
  code: string
  name: string
  nameEn: string | null
  enabled: boolean
  allowedAffiliations: string[]
  activeAffiliations: string[]
  matchingAffiliations: string[]
  allowed: boolean
  refusals: string[]
}

/** `GET /api/v1/identity/people/{id}/access`: every permission with its reasons, and optionally one app. */
export interface PersonAccess {
  personId: string
  name: string
  username: string | null
  accountEnabled: boolean
  permissions: { permission: string; reasons: AccessGrant[] }[]
  roles: AccessGrant[]
  app: AppAccess | null
}

const BASE = '/api/v1/identity/roles'

export async function listRoles(): Promise<Role[]> {
  return (await http.get<Role[]>(BASE)).data
}

export async function knownPermissions(): Promise<string[]> {
  return (await http.get<string[]>(`${BASE}/permissions`)).data
}

export async function createRole(role: NewRole): Promise<Role> {
  return (await http.post<Role>(BASE, role)).data
}

export async function deleteRole(code: string): Promise<void> {
  await http.delete(`${BASE}/${encodeURIComponent(code)}`)
}

export async function setPermissions(code: string, permissions: string[]): Promise<Role> {
  return (await http.put<Role>(`${BASE}/${encodeURIComponent(code)}/permissions`, { permissions })).data
}

export async function listRolePeople(code: string): Promise<PersonGrant[]> {
  return (await http.get<PersonGrant[]>(`${BASE}/${encodeURIComponent(code)}/people`)).data
}

export async function grantToPerson(code: string, personId: string, scopeOrgUnitId: string | null): Promise<Role> {
  return (await http.post<Role>(`${BASE}/${encodeURIComponent(code)}/people`, { personId, scopeOrgUnitId })).data
}

export async function revokeFromPerson(code: string, personId: string): Promise<void> {
  await http.delete(`${BASE}/${encodeURIComponent(code)}/people/${personId}`)
}

export async function grantToPosition(code: string, kind: string, orgUnitId: string | null): Promise<Role> {
  return (await http.post<Role>(`${BASE}/${encodeURIComponent(code)}/positions`, { kind, orgUnitId })).data
}

export async function revokeFromPosition(code: string, grantId: string): Promise<void> {
  await http.delete(`${BASE}/${encodeURIComponent(code)}/positions/${grantId}`)
}

export async function grantToAffiliation(code: string, type: string): Promise<Role> {
  return (await http.post<Role>(`${BASE}/${encodeURIComponent(code)}/affiliations`, { type })).data
}

export async function revokeFromAffiliation(code: string, type: string): Promise<void> {
  await http.delete(`${BASE}/${encodeURIComponent(code)}/affiliations/${type}`)
}

export async function personAccess(personId: string, app?: string): Promise<PersonAccess> {
  const params = app ? { app } : {}
  return (await http.get<PersonAccess>(`/api/v1/identity/people/${personId}/access`, { params })).data
}
