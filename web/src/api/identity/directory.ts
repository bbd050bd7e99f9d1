import { http } from '@/api/http'

/** The campus directory every signed-in member may search (form person and org pickers). */
export const DIRECTORY_READ = 'identity:directory:read'

export interface DirectoryPerson {
  id: string
  name: string
  nameEn: string | null
  /** 学号/工号 */
  identifier: string | null
  affiliationType: string
  orgUnitId: string
  orgUnitName: string
  orgUnitNameEn: string | null
}

export interface DirectoryUnit {
  id: string
  code: string
  name: string
  nameEn: string | null
  type: string
  parentId: string | null
  hasChildren: boolean
}

export async function searchDirectory(params: {
  q: string
  orgUnitId?: string
  affiliationType?: string
  size?: number
}): Promise<DirectoryPerson[]> {
  return (await http.get<DirectoryPerson[]>('/api/v1/identity/directory/people', { params })).data
}

export async function getDirectoryPerson(id: string): Promise<DirectoryPerson> {
  return (await http.get<DirectoryPerson>(`/api/v1/identity/directory/people/${encodeURIComponent(id)}`, { silent: true })).data
}

export async function listDirectoryUnits(parentId?: string): Promise<DirectoryUnit[]> {
  return (await http.get<DirectoryUnit[]>('/api/v1/identity/directory/org-units', { params: parentId ? { parentId } : {} }))
    .data
}

export async function getDirectoryUnit(id: string): Promise<DirectoryUnit> {
  return (await http.get<DirectoryUnit>(`/api/v1/identity/directory/org-units/${encodeURIComponent(id)}`, { silent: true }))
    .data
}
