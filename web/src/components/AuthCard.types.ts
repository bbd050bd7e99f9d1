import type { ApiProblem } from '@/api/problem'

/** The card the pages for people who are not (fully) signed in share: brand, language, title, problem. */
export interface AuthCardProps {
  title: string
  /** Shown as an error above the content; null for none. */
  problem?: ApiProblem | null
  /** data-testid of the error box. */
  errorTestid: string
  /** Widest the card gets, in px. */
  maxWidth?: number
}
