import type { PasswordDayCount } from '@/api/identity/admin'

export interface WeakPasswordTrendChartProps {
  data: PasswordDayCount[]
  loading?: boolean
}
