import type { ApplicationStatus } from '@/api/hall/applications'

/** Element Plus tag type of an application status. */
export function statusType(status: ApplicationStatus): 'primary' | 'success' | 'warning' | 'danger' | 'info' {
  switch (status) {
    case 'APPROVED':
      return 'success'
    case 'RETURNED':
    case 'SUSPENDED':
      return 'warning'
    case 'REJECTED':
    case 'TERMINATED':
      return 'danger'
    case 'WITHDRAWN':
      return 'info'
    default:
      return 'primary'
  }
}

/** Whether the application still waits for someone. */
export function inProgress(status: ApplicationStatus): boolean {
  return status === 'RUNNING' || status === 'RETURNED' || status === 'SUSPENDED'
}
