import { http } from '@/api/http'

const BASE = '/api/v1/identity/password-resets'

export type ResetChannel = 'email' | 'sms'

/** `POST /api/v1/identity/password-resets` answer: the same whether or not the account exists. */
export interface ResetRequested {
  id: string
  expiresInMinutes: number
}

export async function requestPasswordReset(login: string, channel: ResetChannel): Promise<ResetRequested> {
  const { data } = await http.post<ResetRequested>(BASE, { login, channel })
  return data
}

/** `POST /api/v1/identity/password-resets/{id}/completion` → 204 when the new password is set. */
export async function completePasswordReset(id: string, code: string, newPassword: string): Promise<void> {
  await http.post(`${BASE}/${encodeURIComponent(id)}/completion`, { code, newPassword })
}
