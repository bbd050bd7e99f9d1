import { describe, expect, it } from 'vitest'
import { homeModuleEntries, NAV_ENTRIES, visibleNavEntries } from '@/router/navigation'
import { routes } from '@/router/routes'

const admin = ['kernel:audit:read', 'kernel:audit:verify', 'messaging:message:send', 'messaging:delivery:read']
const auditor = ['kernel:audit:read']
const student: string[] = []

describe('permission-driven navigation', () => {
  it.each([
    ['admin', admin, ['home', 'profile', 'account', 'inbox', 'audit', 'messaging-send', 'messaging-admin']],
    ['auditor', auditor, ['home', 'profile', 'account', 'inbox', 'audit']],
    ['student', student, ['home', 'profile', 'account', 'inbox']],
    ['someone with unrelated permissions', ['library:loan:read'], ['home', 'profile', 'account', 'inbox']],
    ['a member who handles tasks', ['workflow:task:read'], ['home', 'profile', 'account', 'inbox', 'tasks']],
    [
      'a member who applies for services and handles tasks',
      ['workflow:task:read', 'hall:application:create', 'hall:application:read'],
      ['home', 'profile', 'account', 'inbox', 'tasks', 'applications'],
    ],
    [
      'a security officer',
      [...auditor, 'identity:throttle:manage', 'identity:password-report:read', 'identity:policy:read'],
      ['home', 'profile', 'account', 'inbox', 'audit', 'throttles', 'weakPasswords', 'policies'],
    ],
    [
      'a process designer',
      ['workflow:form:read', 'workflow:form:write', 'workflow:form:publish'],
      ['home', 'profile', 'account', 'inbox', 'forms'],
    ],
    ['an administrator with forms', [...admin, 'workflow:form:read'], ['home', 'profile', 'account', 'inbox', 'audit', 'messaging-send', 'messaging-admin', 'forms']],
    ['a process designer', ['workflow:process:read', 'workflow:process:write'], ['home', 'profile', 'account', 'inbox', 'processes']],
    [
      'an auditor who also designs processes',
      [...auditor, 'workflow:process:read'],
      ['home', 'profile', 'account', 'inbox', 'audit', 'processes'],
    ],
    [
      'a department service administrator',
      ['hall:service:manage', 'hall:statistics:read'],
      ['home', 'profile', 'account', 'inbox', 'hall-statistics'],
    ],
    [
      'a process designer who also reads the hall statistics',
      ['workflow:process:read', 'hall:statistics:read'],
      ['home', 'profile', 'account', 'inbox', 'processes', 'hall-statistics'],
    ],
  ])('%s sees %j', (_who, permissions, keys) => {
    expect(visibleNavEntries(permissions).map((entry) => entry.key)).toEqual(keys)
  })

  it.each([
    ['admin', admin, ['profile', 'account', 'inbox', 'audit', 'messaging-send', 'messaging-admin']],
    ['student', student, ['profile', 'account', 'inbox']],
  ])('home module cards for %s are the navigation minus Home: %j', (_who, permissions, keys) => {
    expect(homeModuleEntries(permissions).map((entry) => entry.key)).toEqual(keys)
  })

  it('every navigation entry has a route with the same permission', () => {
    const children = routes.flatMap((route) => route.children ?? [])
    for (const entry of NAV_ENTRIES) {
      const path = entry.path === '/' ? '' : entry.path.slice(1)
      const route = children.find((child) => child.path === path)
      expect(route, entry.key).toBeDefined()
      expect(route?.meta?.permission).toBe(entry.permission)
    }
  })
})
