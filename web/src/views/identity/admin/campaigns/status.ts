import type { CampaignStatus } from '@/api/identity/admin'

/** Element Plus tag type for each campaign status. */
export const STATUS_TAG: Record<CampaignStatus, 'info' | 'primary' | 'success' | 'warning'> = {
  DRAFT: 'info',
  LAUNCHED: 'primary',
  CLOSED: 'success',
  CANCELLED: 'warning',
}

/** Fixed accounts as a whole percentage of the targets (0 without targets). */
export function fixedPercent(fixed: number, targeted: number): number {
  return targeted === 0 ? 0 : Math.round((fixed / targeted) * 100)
}
