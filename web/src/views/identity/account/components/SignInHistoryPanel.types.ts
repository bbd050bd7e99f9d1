import type { Page } from '@/api/kernel/audit'
import type { SignInEvent } from '@/api/identity/account'

export interface SignInHistoryPanelProps {
  /** loads one page of sign-ins; defaults to the signed-in person's own */
  fetch?: (page: number, size: number) => Promise<Page<SignInEvent>>
}
