import type { ActiveSession } from '@/api/identity/account'

export interface SessionsPanelProps {
  /** loads the sessions shown; defaults to the signed-in person's own */
  fetch?: () => Promise<ActiveSession[]>
  /** ends one session by id; defaults to ending one of the signed-in person's own */
  end?: (id: string) => Promise<void>
  /** whether to show the paragraph for a person looking at their own sessions */
  intro?: boolean
}
