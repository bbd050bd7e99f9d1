import { http } from '@/api/http'
import type { PasswordCheck } from '@/api/identity/account'

const BASE = '/api/v1/identity/self-registrations'

export type GuestKind = 'VISITOR' | 'PARENT'

/** `GET /api/v1/identity/self-registrations/settings`: whether visitors and parents may register here. */
export interface SelfRegistrationSettings {
  enabled: boolean
  visitorDays: number
  parentDays: number
}

/** `POST /api/v1/identity/self-registrations` answer: the same whether or not the phone belongs to someone. */
export interface CodeRequested {
  id: string
  expiresInMinutes: number
}

export interface RegistrationDetails {
  name: string
  idCard: string
  kind: GuestKind
  childIdentifier?: string
  childName?: string
  password: string
}

export interface RegistrationCompleted {
  outcome: 'CREATED' | 'RENEWED'
  kind: GuestKind
  /** ISO date, the last day the registration is valid */
  validUntil: string
}

export async function getSelfRegistrationSettings(): Promise<SelfRegistrationSettings> {
  const { data } = await http.get<SelfRegistrationSettings>(`${BASE}/settings`)
  return data
}

export async function requestRegistrationCode(phone: string): Promise<CodeRequested> {
  const { data } = await http.post<CodeRequested>(BASE, { phone })
  return data
}

/** `POST …/{id}/verification` → 204 when the code is right. */
export async function verifyRegistrationCode(id: string, code: string): Promise<void> {
  await http.post(`${BASE}/${encodeURIComponent(id)}/verification`, { code })
}

export async function checkRegistrationPassword(id: string, password: string, idCard: string): Promise<PasswordCheck> {
  const { data } = await http.post<PasswordCheck>(`${BASE}/${encodeURIComponent(id)}/password-check`, {
    password,
    idCard,
  })
  return data
}

export async function completeRegistration(id: string, details: RegistrationDetails): Promise<RegistrationCompleted> {
  const { data } = await http.post<RegistrationCompleted>(`${BASE}/${encodeURIComponent(id)}/completion`, details)
  return data
}
