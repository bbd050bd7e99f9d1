import { describe, expect, it } from 'vitest'
import { resolveRedirect, safeRedirect } from '@/utils/redirect'

describe('safeRedirect', () => {
  it.each(['/profile', '/', '/audit?page=2&actor=alice', '/profile#roles', '/a/b/c'])('accepts %s', (value) => {
    expect(safeRedirect(value)).toBe(value)
  })

  it.each([
    '//evil.com',
    '//evil.com/profile',
    '/\\evil.com',
    '\\\\evil.com',
    'https://x',
    'http://evil.com/profile',
    'javascript:alert(1)',
    'profile',
    '',
    '/\tevil',
    ' /profile',
  ])('rejects %j', (value) => {
    expect(safeRedirect(value)).toBeNull()
  })

  it.each([undefined, null, 42, ['/profile'], { path: '/' }])('rejects non-string %j', (value) => {
    expect(safeRedirect(value)).toBeNull()
  })
})

describe('resolveRedirect', () => {
  it.each([
    [['/audit', '/'], '/audit'],
    [['//evil.com', '/profile'], '/profile'],
    [['https://x', undefined], '/'],
    [['/login?redirect=/audit', '/profile'], '/profile'],
    [[undefined, undefined], '/'],
  ] as const)('%j → %s', (candidates, expected) => {
    expect(resolveRedirect(...candidates)).toBe(expected)
  })
})
