import { http } from '@/api/http'

export interface UniversityInfo {
  name: string
  nameEn: string
}

/** `GET /api/v1/platform` (public) */
export interface PlatformInfo {
  productName: string
  university: UniversityInfo
  version: string
}

export async function getPlatform(): Promise<PlatformInfo> {
  const { data } = await http.get<PlatformInfo>('/api/v1/platform', { silent: true, skipAuthRedirect: true })
  return data
}
