import type { PasswordCheck } from '@/api/identity/account'

/** The meter's five steps, one per zxcvbn score. */
export type StrengthLevel = 'very-weak' | 'weak' | 'fair' | 'strong' | 'very-strong'

const LEVELS: readonly StrengthLevel[] = ['very-weak', 'weak', 'fair', 'strong', 'very-strong']

const COLORS: Record<StrengthLevel, string> = {
  'very-weak': '#d03050',
  weak: '#e6752b',
  fair: '#d4a017',
  strong: '#3d9a50',
  'very-strong': '#1e7a3c',
}

export interface StrengthView {
  level: StrengthLevel
  /** 0..100 for el-progress */
  percent: number
  color: string
}

/** What the meter shows for a check result: the level from the score, capped at "weak" when a rule is broken. */
export function strengthView(check: Pick<PasswordCheck, 'score' | 'acceptable'>): StrengthView {
  const score = Math.max(0, Math.min(4, Math.round(check.score)))
  const capped = check.acceptable ? score : Math.min(score, 1)
  const level = LEVELS[capped] as StrengthLevel
  return { level, percent: (capped + 1) * 20, color: COLORS[level] }
}

/** Debounce for the live check so a fast typist sends one request, not one per key. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, wait: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  return (...args: A) => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => fn(...args), wait)
  }
}
