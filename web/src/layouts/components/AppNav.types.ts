import type { NavEntry } from '@/router/navigation'

export interface AppNavProps {
  entries: readonly NavEntry[]
  /** Path of the highlighted entry */
  activePath?: string
}

export interface AppNavEmits {
  /** Fired after an entry was chosen (the phone drawer closes on it). */
  (event: 'navigate', path: string): void
}
