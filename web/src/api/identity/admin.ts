import { http } from '@/api/http'

export const THROTTLE_MANAGE = 'identity:throttle:manage'
export const PASSWORD_REPORT_READ = 'identity:password-report:read'

export type ThrottleKind = 'ACCOUNT' | 'SOURCE' | 'SUBNET'
export type ThrottleReason = 'FAILURES' | 'CREDENTIAL_STUFFING'

export interface Throttle {
  id: string
  kind: ThrottleKind
  key: string
  reason: ThrottleReason
  failures: number
  /** distinct logins that failed from this address (SOURCE only) */
  accounts: number
  blockedUntil: string
  updatedAt: string
}

export async function listThrottles(): Promise<Throttle[]> {
  const { data } = await http.get<Throttle[]>('/api/v1/identity/throttles')
  return data
}

export async function liftThrottle(id: string): Promise<void> {
  await http.delete(`/api/v1/identity/throttles/${encodeURIComponent(id)}`)
}

export interface DepartmentCount {
  orgUnitId: string
  code: string
  name: string
  nameEn?: string | null
  accounts: number
  scored: number
  weak: number
}

export interface PasswordReport {
  accounts: number
  scored: number
  weak: number
  departments: DepartmentCount[]
}

export interface PasswordDayCount {
  day: string
  accounts: number
  scored: number
  weak: number
}

const REPORT = '/api/v1/identity/password-report'

export const WEAK_ACCOUNTS_CSV = `${REPORT}/weak-accounts.csv`

export async function getPasswordReport(): Promise<PasswordReport> {
  const { data } = await http.get<PasswordReport>(REPORT)
  return data
}

export async function getPasswordTrend(days = 30): Promise<PasswordDayCount[]> {
  const { data } = await http.get<PasswordDayCount[]>(`${REPORT}/trend`, { params: { days } })
  return data
}

export async function takePasswordSnapshot(): Promise<PasswordDayCount[]> {
  const { data } = await http.post<PasswordDayCount[]>(`${REPORT}/snapshots`)
  return data
}

export const POLICY_READ = 'identity:policy:read'
export const POLICY_WRITE = 'identity:policy:write'

export interface PasswordPolicy {
  minLength: number
  maxLength: number
  minClasses: number
  history: number
  /** 0: passwords never expire */
  maxAgeDays: number
  /** zxcvbn score 0–4 a new password needs */
  minScore: number
  /** sign-in passwords scoring below this are reported weak */
  weakScore: number
}

export interface PasswordPolicyView {
  policy: PasswordPolicy
  /** the configuration's policy, in force while nothing is saved */
  defaults: PasswordPolicy
  /** 0 while the configuration's policy applies */
  version: number
  saved: boolean
  updatedAt: string | null
  updatedBy: string | null
}

export interface PolicyTrial {
  score: number
  acceptable: boolean
  problems: string[]
}

export async function getPasswordPolicy(): Promise<PasswordPolicyView> {
  const { data } = await http.get<PasswordPolicyView>('/api/v1/identity/password-policy')
  return data
}

export async function savePasswordPolicy(policy: PasswordPolicy, version: number): Promise<PasswordPolicyView> {
  const { data } = await http.put<PasswordPolicyView>('/api/v1/identity/password-policy', { policy, version })
  return data
}

export async function tryPasswordPolicy(policy: PasswordPolicy, password: string): Promise<PolicyTrial> {
  const { data } = await http.post<PolicyTrial>('/api/v1/identity/password-policy/trial', { policy, password })
  return data
}

export const PASSWORD_REPORT_MANAGE = 'identity:password-report:manage'

export type CampaignStatus = 'DRAFT' | 'LAUNCHED' | 'CLOSED' | 'CANCELLED'

export interface CampaignProgress {
  targeted: number
  notified: number
  fixed: number
  stillWeak: number
  forced: number
}

export interface CampaignUnit {
  id: string
  code: string
  name: string
  nameEn?: string | null
}

export interface PasswordCampaign {
  id: string
  title: string
  titleEn: string
  notice: string
  allWeak: boolean
  orgUnits: CampaignUnit[]
  deadline: string
  reminderDays: number[]
  status: CampaignStatus
  createdBy: string
  createdAt: string
  launchedBy?: string | null
  launchedAt?: string | null
  closedAt?: string | null
  cancelledBy?: string | null
  cancelledAt?: string | null
  progress: CampaignProgress
}

export interface CampaignDepartment {
  orgUnitId: string
  code: string
  name: string
  nameEn?: string | null
  progress: CampaignProgress
}

export interface CampaignDetail {
  campaign: PasswordCampaign
  departments: CampaignDepartment[]
}

export interface CampaignForm {
  title: string
  titleEn: string
  notice: string
  allWeak: boolean
  orgUnitIds: string[]
  /** ISO instant */
  deadline: string
  reminderDays: number[]
}

const CAMPAIGNS = '/api/v1/identity/password-campaigns'

export const campaignExportUrl = (id: string, format: 'csv' | 'xlsx') =>
  `${CAMPAIGNS}/${encodeURIComponent(id)}/targets.${format}`

export async function listCampaigns(): Promise<PasswordCampaign[]> {
  const { data } = await http.get<PasswordCampaign[]>(CAMPAIGNS)
  return data
}

export async function createCampaign(form: CampaignForm): Promise<CampaignDetail> {
  const { data } = await http.post<CampaignDetail>(CAMPAIGNS, form)
  return data
}

export async function getCampaign(id: string): Promise<CampaignDetail> {
  const { data } = await http.get<CampaignDetail>(`${CAMPAIGNS}/${encodeURIComponent(id)}`)
  return data
}

export async function launchCampaign(id: string): Promise<CampaignDetail> {
  const { data } = await http.post<CampaignDetail>(`${CAMPAIGNS}/${encodeURIComponent(id)}/launch`)
  return data
}

export async function cancelCampaign(id: string): Promise<CampaignDetail> {
  const { data } = await http.post<CampaignDetail>(`${CAMPAIGNS}/${encodeURIComponent(id)}/cancellation`)
  return data
}
