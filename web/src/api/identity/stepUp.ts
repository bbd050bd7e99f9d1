import { http } from '@/api/http'

const BASE = '/api/v1/identity/step-up'

/** `GET /api/v1/identity/step-up`: what the step-up page needs. */
export interface StepUpStatus {
  /** This session already has its second factor. */
  satisfied: boolean
  /** The person has an authenticator app set up. */
  enrolled: boolean
  /** The app that asked for the second factor; absent when none is pending. */
  app?: string
  /** Where to continue afterwards (a path on this site). */
  redirect: string
}

export async function getStepUp(): Promise<StepUpStatus> {
  const { data } = await http.get<StepUpStatus>(BASE)
  return data
}

/** `POST /api/v1/identity/step-up` with a TOTP or recovery code → where to continue. */
export async function stepUp(code: string): Promise<string> {
  const { data } = await http.post<{ redirect: string }>(BASE, { code })
  return data.redirect
}
