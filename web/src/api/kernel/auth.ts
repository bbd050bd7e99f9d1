import { http } from '@/api/http'

/** `POST /login` success body */
export interface SignInResult {
  redirect: string
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

export async function signOut(): Promise<void> {
  await http.post('/logout', null, { skipAuthRedirect: true })
}
