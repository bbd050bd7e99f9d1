import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PasswordCheck } from '@/api/identity/account'
import { usePasswordCheck } from '@/views/identity/account/usePasswordCheck'

function verdict(score: number): PasswordCheck {
  return { score, guessesLog10: score * 3, acceptable: score >= 3, problems: [] }
}

describe('usePasswordCheck', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('asks once for a fast typist and keeps only the answer to the latest candidate', async () => {
    const answers: Record<string, (value: PasswordCheck) => void> = {}
    const checkFn = vi.fn((candidate: string) => new Promise<PasswordCheck>((resolve) => (answers[candidate] = resolve)))
    const state = usePasswordCheck(checkFn)

    state.onInput('a')
    state.onInput('ab')
    await vi.runAllTimersAsync()
    expect(checkFn).toHaveBeenCalledTimes(1)
    expect(state.checking.value).toBe(true)

    state.onInput('abc')
    await vi.runAllTimersAsync()
    answers.abc?.(verdict(4))
    answers.ab?.(verdict(0))
    await vi.runAllTimersAsync()

    expect(state.check.value?.score).toBe(4)
    expect(state.checking.value).toBe(false)
  })

  it.each([
    ['an empty candidate', (s: ReturnType<typeof usePasswordCheck>) => s.onInput('')],
    ['a reset', (s: ReturnType<typeof usePasswordCheck>) => s.reset()],
  ])('forgets the verdict after %s', async (_what, clear) => {
    const state = usePasswordCheck(async () => verdict(3))
    state.onInput('Lantern#2718')
    await vi.runAllTimersAsync()
    expect(state.check.value?.acceptable).toBe(true)

    clear(state)

    expect(state.check.value).toBeNull()
    expect(state.checking.value).toBe(false)
  })

  it('shows no verdict when the check fails', async () => {
    const state = usePasswordCheck(async () => {
      throw new Error('offline')
    })
    state.onInput('x')
    await vi.runAllTimersAsync()
    expect(state.check.value).toBeNull()
    expect(state.checking.value).toBe(false)
  })
})
