import { http } from '@/api/http'

/** `POST /login` success body: where to go, or that a second factor is needed first. */
export interface SignInResult {
  redirect?: string
  /** The password was right; `POST /login/mfa` with a code completes the sign-in. */
  mfaRequired?: boolean
}

/** Form-encoded sign-in; rejects with ApiProblem (401 auth.bad-credentials, 429 auth.too-many-attempts). */
export async function signIn(username: string, password: string): Promise<SignInResult> {
  const body = new URLSearchParams({ username, password })
  const { data } = await http.post<SignInResult>('/login', body, {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    silent: true,
    skipAuthRedirect: true,
  })
  return data
}

/** The second step: a TOTP or recovery code; rejects with ApiProblem (401 auth.mfa-code-wrong, 429). */
export async function verifySecondFactor(code: string): Promise<SignInResult> {
  const body = new URLSearchParams({ code })
  const { data } = await http.post<SignInResult>('/login/mfa', body, {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    silent: true,
    skipAuthRedirect: true,
  })
  return data
}

export async function signOut(): Promise<void> {
  await http.post('/logout', null, { skipAuthRedirect: true })
}
