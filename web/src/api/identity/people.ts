import { http } from '@/api/http'
import type { ActiveSession, SignInEvent } from '@/api/identity/account'

export const PERSON_READ = 'identity:person:read'
export const PERSON_MANAGE = 'identity:person:manage'
export const PERSON_REVEAL_ID = 'identity:person:reveal-id'

export const AFFILIATION_TYPES = ['UNDERGRADUATE', 'POSTGRADUATE', 'PHD', 'FACULTY', 'STAFF', 'CONTRACTOR',
  'VISITING_SCHOLAR', 'SERVICE_STAFF', 'VISITOR', 'ALUMNUS', 'PARENT'] as const
export const AFFILIATION_STATUSES = ['ACTIVE', 'SUSPENDED', 'LEFT', 'GRADUATED', 'EXPIRED'] as const
/** These end on a known date, so their affiliation needs one. */
export const FIXED_TERM_TYPES: readonly string[] = ['CONTRACTOR', 'VISITOR', 'VISITING_SCHOLAR']

export interface Page<T> {
  items: T[]
  page: number
  size: number
  total: number
}

export interface PersonSummary {
  id: string
  name: string
  nameEn: string | null
  username: string | null
  enabled: boolean | null
  identifier: string | null
  activeAffiliationTypes: string[]
  orgUnitName: string | null
  orgUnitNameEn: string | null
  phone: string | null
  email: string | null
  idCardMasked: string | null
}

export interface UnitRef {
  id: string
  code: string
  name: string
  nameEn: string | null
  type: string
}

export interface Affiliation {
  id: string
  type: string
  identifier: string | null
  status: string
  startDate: string
  endDate: string | null
  primary: boolean
  orgUnit: UnitRef
}

export interface PersonDetail {
  id: string
  name: string
  nameEn: string | null
  gender: string | null
  birthDate: string | null
  phone: string | null
  email: string | null
  idCardMasked: string | null
  affiliations: Affiliation[]
  positions: { id: string; kind: string; subjectName: string | null; startDate: string; endDate: string | null; orgUnit: UnitRef }[]
  account: { id: string; username: string; enabled: boolean; mustChangePassword: boolean; lastLoginAt: string | null } | null
  roles: { code: string; name: string; nameEn: string; scopeCode: string | null; scopeName: string | null }[]
}

export interface PeopleQuery {
  q?: string
  affiliationType?: string
  orgUnitId?: string
  page: number
  size: number
}

export interface AffiliationForm {
  type: string
  identifier: string | null
  orgUnitId: string | null
  status: string
  startDate: string
  endDate: string | null
  primary: boolean
}

export async function searchPeople(query: PeopleQuery): Promise<Page<PersonSummary>> {
  const params = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '' && v !== undefined))
  return (await http.get<Page<PersonSummary>>('/api/v1/identity/people', { params })).data
}

export async function getPerson(id: string): Promise<PersonDetail> {
  return (await http.get<PersonDetail>(`/api/v1/identity/people/${id}`)).data
}

export async function revealIdCard(id: string): Promise<string> {
  return (await http.get<{ idCard: string }>(`/api/v1/identity/people/${id}/id-card`)).data.idCard
}

export async function changeAffiliation(personId: string, affiliationId: string, form: AffiliationForm): Promise<PersonDetail> {
  return (await http.put<PersonDetail>(`/api/v1/identity/people/${personId}/affiliations/${affiliationId}`, form)).data
}

export const SESSION_MANAGE = 'identity:session:manage'

export interface AccountThrottle {
  reason: string
  failures: number
  blockedUntil: string
}

export interface AccountSecurity {
  username: string
  enabled: boolean
  mustChangePassword: boolean
  secondFactor: boolean
  recoveryCodesLeft: number
  throttle: AccountThrottle | null
}

const personBase = (personId: string) => `/api/v1/identity/people/${encodeURIComponent(personId)}`

export async function getAccountSecurity(personId: string): Promise<AccountSecurity> {
  return (await http.get<AccountSecurity>(`${personBase(personId)}/security`)).data
}

export async function listPersonSessions(personId: string): Promise<ActiveSession[]> {
  return (await http.get<ActiveSession[]>(`${personBase(personId)}/sessions`)).data
}

export async function endPersonSession(personId: string, sessionId: string): Promise<void> {
  await http.delete(`${personBase(personId)}/sessions/${encodeURIComponent(sessionId)}`)
}

export async function endAllPersonSessions(personId: string): Promise<void> {
  await http.delete(`${personBase(personId)}/sessions`)
}

export async function listPersonSignIns(personId: string, page: number, size: number): Promise<Page<SignInEvent>> {
  return (await http.get<Page<SignInEvent>>(`${personBase(personId)}/sign-ins`, { params: { page, size } })).data
}

export async function resetSecondFactor(personId: string): Promise<void> {
  await http.delete(`${personBase(personId)}/second-factor`)
}

export async function liftAccountThrottle(personId: string): Promise<void> {
  await http.delete(`${personBase(personId)}/throttle`)
}

/** The personal fields of the person form; `idCard` null keeps the stored number. */
export interface PersonFields {
  name: string
  nameEn: string | null
  gender: string | null
  birthDate: string | null
  phone: string | null
  email: string | null
  idCard: string | null
}

export interface NewPerson extends PersonFields {
  affiliation: AffiliationForm
}

export async function registerPerson(form: NewPerson): Promise<PersonDetail> {
  return (await http.post<PersonDetail>('/api/v1/identity/people', form)).data
}

export async function changePerson(id: string, form: PersonFields): Promise<PersonDetail> {
  return (await http.put<PersonDetail>(`/api/v1/identity/people/${id}`, form)).data
}

export async function addAffiliation(personId: string, form: AffiliationForm): Promise<PersonDetail> {
  return (await http.post<PersonDetail>(`/api/v1/identity/people/${personId}/affiliations`, form)).data
}
