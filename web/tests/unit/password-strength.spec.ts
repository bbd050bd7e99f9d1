import { describe, expect, it, vi } from 'vitest'
import { debounce, strengthView } from '@/views/identity/account/strength'

describe('password strength meter', () => {
  it.each([
    [0, true, 'very-weak', 20],
    [1, true, 'weak', 40],
    [2, true, 'fair', 60],
    [3, true, 'strong', 80],
    [4, true, 'very-strong', 100],
    [4, false, 'weak', 40],
    [0, false, 'very-weak', 20],
    [7, true, 'very-strong', 100],
  ])('score %i (acceptable: %s) shows %s at %i%%', (score, acceptable, level, percent) => {
    const view = strengthView({ score, acceptable })
    expect(view.level).toBe(level)
    expect(view.percent).toBe(percent)
    expect(view.color).toMatch(/^#[0-9a-f]{6}$/)
  })

  it('debounces the live check to one call after typing stops', () => {
    vi.useFakeTimers()
    const fn = vi.fn()
    const debounced = debounce(fn, 250)
    debounced('a')
    debounced('ab')
    vi.advanceTimersByTime(200)
    debounced('abc')
    vi.advanceTimersByTime(250)
    expect(fn).toHaveBeenCalledTimes(1)
    expect(fn).toHaveBeenCalledWith('abc')
    vi.useRealTimers()
  })
})
