import { http } from '@/api/http'

/** Permission to see and change the app registry (platform administrators). */
export const APP_MANAGE = 'identity:app:manage'

export type SsoProtocol = 'CAS' | 'OIDC'

export const GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials'] as const
export const RELEASABLE_ATTRIBUTES = ['username', 'name', 'email', 'phone', 'affiliations', 'identifiers', 'personId'] as const
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

/** What the form sends to register or change an app. */
export interface SsoAppInput {
  code: string
  name: string
  nameEn: string | null
  ownerOrgCode: string
  protocol: SsoProtocol
  servicePatterns: string[]
  redirectUris: string[]
  postLogoutRedirectUris: string[]
  grantTypes: string[]
  scopes: string[]
  releasedAttributes: string[]
  allowedAffiliations: string[]
  requiresSecondFactor: boolean
  requireConsent: boolean
  backchannelLogoutUri: string | null
  enabled: boolean
}

/** A registered campus system (`GET /api/v1/identity/apps`): the form's fields plus what the server keeps. */
export interface SsoApp extends SsoAppInput {
  id: string
  hasSecret: boolean
  createdAt: string
  updatedAt: string
}

export interface RegisteredApp {
  app: SsoApp
  /** Only for a new OIDC app: shown once, never again. */
  clientSecret?: string
}

const BASE = '/api/v1/identity/apps'

export async function listApps(): Promise<SsoApp[]> {
  const { data } = await http.get<SsoApp[]>(BASE)
  return data
}

export async function registerApp(input: SsoAppInput): Promise<RegisteredApp> {
  const { data } = await http.post<RegisteredApp>(BASE, input, { silent: true })
  return data
}

export async function changeApp(id: string, input: SsoAppInput): Promise<SsoApp> {
  const { data } = await http.put<SsoApp>(`${BASE}/${id}`, input, { silent: true })
  return data
}

export async function removeApp(id: string): Promise<void> {
  await http.delete(`${BASE}/${id}`)
}

export async function newClientSecret(id: string): Promise<string> {
  const { data } = await http.post<{ clientSecret: string }>(`${BASE}/${id}/client-secret`)
  return data.clientSecret
}

/** One text area line per entry, blank lines dropped. */
export function linesToList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
}

export function emptyAppInput(): SsoAppInput {
  return {
    code: '',
    name: '',
    nameEn: null,
    ownerOrgCode: '',
    protocol: 'CAS',
    servicePatterns: [],
    redirectUris: [],
    postLogoutRedirectUris: [],
    grantTypes: ['authorization_code', 'refresh_token'],
    scopes: ['openid', 'profile'],
    releasedAttributes: ['username', 'name'],
    allowedAffiliations: [],
    requiresSecondFactor: false,
    requireConsent: true,
    backchannelLogoutUri: null,
    enabled: true,
  }
}

export function toInput(app: SsoApp): SsoAppInput {
  const { id: _id, hasSecret: _hasSecret, createdAt: _createdAt, updatedAt: _updatedAt, ...input } = app
  return input
}
