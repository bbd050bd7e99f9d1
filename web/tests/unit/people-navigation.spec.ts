import { describe, expect, it } from 'vitest'
import { visibleNavEntries } from '@/router/navigation'
import { routes } from '@/router/routes'

describe('people and organisation navigation', () => {
  it.each([
    [['identity:me:read'], []],
    [['identity:person:read'], ['people']],
    [['identity:org:read'], ['org']],
    [['identity:person:read', 'identity:org:read'], ['people', 'org']],
  ])('with %j shows %j', (permissions, expected) => {
    const keys = visibleNavEntries(permissions).map((entry) => entry.key).filter((key) => key === 'people' || key === 'org')
    expect(keys).toEqual(expected)
  })

  it('guards both routes with the same permission as their entries', () => {
    const children = routes.flatMap((route) => route.children ?? [])
    expect(children.find((route) => route.name === 'identity-people')?.meta?.permission).toBe('identity:person:read')
    expect(children.find((route) => route.name === 'identity-org')?.meta?.permission).toBe('identity:org:read')
  })
})
