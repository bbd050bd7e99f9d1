import { ref, type Ref } from 'vue'
import type { PasswordCheck } from '@/api/identity/account'
import { debounce } from './strength'

export interface PasswordCheckState {
  /** The server's verdict on the latest candidate; null while nothing is typed. */
  check: Ref<PasswordCheck | null>
  /** A check is on its way. */
  checking: Ref<boolean>
  /** Call with every new candidate; an empty one clears the verdict. */
  onInput: (candidate: string) => void
  /** Forgets the verdict (after the password was used). */
  reset: () => void
}

/**
 * The live strength check behind {@link StrengthMeter}: debounced, and only the answer to the latest
 * candidate counts, so a slow answer for an older one never overwrites a newer one.
 * @param checkFn asks the server about a candidate
 */
export function usePasswordCheck(checkFn: (candidate: string) => Promise<PasswordCheck>): PasswordCheckState {
  const check = ref<PasswordCheck | null>(null)
  const checking = ref(false)
  let sequence = 0

  const run = debounce(async (candidate: string) => {
    const mine = ++sequence
    try {
      const result = await checkFn(candidate)
      if (mine === sequence) check.value = result
    } catch {
      if (mine === sequence) check.value = null
    } finally {
      if (mine === sequence) checking.value = false
    }
  }, 250)

  function reset(): void {
    sequence++
    check.value = null
    checking.value = false
  }

  function onInput(candidate: string): void {
    if (!candidate) {
      reset()
      return
    }
    checking.value = true
    run(candidate)
  }

  return { check, checking, onInput, reset }
}
