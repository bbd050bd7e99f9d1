import type { DailyCount } from '@/api/kernel/audit'

export interface AuditDailyChartProps {
  data: readonly DailyCount[]
  loading?: boolean
}
