import type { CampaignDepartment } from '@/api/identity/admin'

export interface CampaignProgressChartProps {
  departments: CampaignDepartment[]
}
