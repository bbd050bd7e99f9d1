import type { PasswordCheck } from '@/api/identity/account'

export interface StrengthMeterProps {
  /** The server's verdict on the current candidate; null while nothing was typed. */
  check: PasswordCheck | null
  checking?: boolean
}
