import { http } from '@/api/http'
import type { Page } from '@/api/kernel/audit'

const BASE = '/api/v1/identity/account'

/** Why a candidate password is refused (server codes). */
export type PasswordProblemCode =
  | 'too-short'
  | 'too-long'
  | 'few-classes'
  | 'personal'
  | 'common'
  | 'pattern'
  | 'weak'
  | 'reused'

export interface PasswordPolicy {
  minLength: number
  maxLength: number
  minClasses: number
  history: number
  maxAgeDays: number
  minScore: number
}

/** `GET /api/v1/identity/account/password` */
export interface PasswordStatus {
  mustChange: boolean
  changedAt: string
  expiresAt?: string | null
  policy: PasswordPolicy
}

/** `POST /api/v1/identity/account/password/check` */
export interface PasswordCheck {
  /** zxcvbn score 0..4 */
  score: number
  guessesLog10: number
  acceptable: boolean
  problems: PasswordProblemCode[]
}

export async function getPasswordStatus(): Promise<PasswordStatus> {
  const { data } = await http.get<PasswordStatus>(`${BASE}/password`, { silent: true })
  return data
}

export async function checkPassword(password: string): Promise<PasswordCheck> {
  const { data } = await http.post<PasswordCheck>(`${BASE}/password/check`, { password }, { silent: true })
  return data
}

/** Rejects with ApiProblem 422 naming `currentPassword` or `newPassword`. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await http.put(`${BASE}/password`, { currentPassword, newPassword }, { silent: true })
}

export interface ActiveSession {
  id: string
  current: boolean
  createdAt: string
  lastAccessAt: string
  expiresAt: string
  ip?: string | null
  userAgent?: string | null
  signedInAt?: string | null
}

export async function listSessions(): Promise<ActiveSession[]> {
  const { data } = await http.get<ActiveSession[]>(`${BASE}/sessions`)
  return data
}

export async function endSession(id: string): Promise<void> {
  await http.delete(`${BASE}/sessions/${encodeURIComponent(id)}`)
}

export type SignInAction =
  | 'auth.sign-in'
  | 'auth.sign-in-failed'
  | 'auth.sign-out'
  | 'identity.password-changed'
  | 'identity.session-ended'

export interface SignInEvent {
  id: number
  at: string
  action: SignInAction
  ip?: string | null
  userAgent?: string | null
  reason?: string | null
}

export async function listSignIns(page: number, size: number): Promise<Page<SignInEvent>> {
  const { data } = await http.get<Page<SignInEvent>>(`${BASE}/sign-ins`, { params: { page, size } })
  return data
}

export interface SecondFactorStatus {
  totpEnabled: boolean
  recoveryCodesLeft: number
}

export interface TotpEnrolment {
  secret: string
  otpauthUri: string
  /** data:image/svg+xml URI of the QR code */
  qrCode: string
}

export interface RecoveryCodes {
  recoveryCodes: string[]
}

export async function getSecondFactor(): Promise<SecondFactorStatus> {
  const { data } = await http.get<SecondFactorStatus>(`${BASE}/mfa`)
  return data
}

export async function startTotpEnrolment(): Promise<TotpEnrolment> {
  const { data } = await http.post<TotpEnrolment>(`${BASE}/mfa/totp`)
  return data
}

export async function confirmTotp(code: string): Promise<RecoveryCodes> {
  const { data } = await http.post<RecoveryCodes>(`${BASE}/mfa/totp/confirmation`, { code }, { silent: true })
  return data
}

export async function renewRecoveryCodes(code: string): Promise<RecoveryCodes> {
  const { data } = await http.post<RecoveryCodes>(`${BASE}/mfa/recovery-codes`, { code }, { silent: true })
  return data
}

export async function disableTotp(code: string): Promise<void> {
  await http.post(`${BASE}/mfa/totp/removal`, { code }, { silent: true })
}
