import { describe, expect, it } from 'vitest'
import { homeModuleEntries, NAV_ENTRIES, visibleNavEntries } from '@/router/navigation'
import { routes } from '@/router/routes'

const admin = ['kernel:audit:read', 'kernel:audit:verify', 'messaging:message:send', 'messaging:delivery:read']
const auditor = ['kernel:audit:read']
const student: string[] = []

describe('permission-driven navigation', () => {
  it.each([
    ['admin', admin, ['home', 'profile', 'account', 'inbox', 'hall', 'audit', 'messaging-send', 'messaging-admin']],
    ['auditor', auditor, ['home', 'profile', 'account', 'inbox', 'hall', 'audit']],
    ['student', student, ['home', 'profile', 'account', 'inbox', 'hall']],
    ['someone with unrelated permissions', ['library:loan:read'], ['home', 'profile', 'account', 'inbox', 'hall']],
    ['a member who only handles workflow tasks', ['workflow:task:read'], ['home', 'profile', 'account', 'inbox', 'hall']],
    ['a member with the to-do centre', ['workflow:task:read', 'hall:todo:read'], ['home', 'todo', 'profile', 'account', 'inbox', 'hall']],
    [
      'a member who applies for services and handles tasks',
      ['workflow:task:read', 'hall:todo:read', 'hall:application:create', 'hall:application:read'],
      ['home', 'todo', 'profile', 'account', 'inbox', 'hall', 'applications'],
    ],
    [
      'a security officer',
      [...auditor, 'identity:throttle:manage', 'identity:password-report:read', 'identity:policy:read'],
      ['home', 'profile', 'account', 'inbox', 'hall', 'audit', 'throttles', 'weakPasswords', 'policies'],
    ],
    [
      'a process designer',
      ['workflow:form:read', 'workflow:form:write', 'workflow:form:publish'],
      ['home', 'profile', 'account', 'inbox', 'hall', 'forms'],
    ],
    ['an administrator with forms', [...admin, 'workflow:form:read'], ['home', 'profile', 'account', 'inbox', 'hall', 'audit', 'messaging-send', 'messaging-admin', 'forms']],
    ['a process designer', ['workflow:process:read', 'workflow:process:write'], ['home', 'profile', 'account', 'inbox', 'hall', 'processes']],
    [
      'an auditor who also designs processes',
      [...auditor, 'workflow:process:read'],
      ['home', 'profile', 'account', 'inbox', 'hall', 'audit', 'processes'],
    ],
    [
      'a department service administrator',
      ['hall:service:manage', 'hall:statistics:read'],
      ['home', 'profile', 'account', 'inbox', 'hall', 'hall-admin', 'hall-statistics'],
    ],
    [
      'a room administrator who also manages service items',
      ['hall:room:manage', 'hall:service:manage', 'hall:template:install'],
      ['home', 'profile', 'account', 'inbox', 'hall', 'hall-admin', 'hall-rooms', 'hall-templates'],
    ],
    ['a room administrator', ['hall:room:read', 'hall:room:manage'], ['home', 'profile', 'account', 'inbox', 'hall', 'hall-rooms']],
    ['a template installer', ['hall:template:install'], ['home', 'profile', 'account', 'inbox', 'hall', 'hall-templates']],
    [
      'a process designer who also reads the hall statistics',
      ['workflow:process:read', 'hall:statistics:read'],
      ['home', 'profile', 'account', 'inbox', 'hall', 'processes', 'hall-statistics'],
    ],
  ])('%s sees %j', (_who, permissions, keys) => {
    expect(visibleNavEntries(permissions).map((entry) => entry.key)).toEqual(keys)
  })

  it.each([
    ['admin', admin, ['profile', 'account', 'inbox', 'hall', 'audit', 'messaging-send', 'messaging-admin']],
    ['student', student, ['profile', 'account', 'inbox', 'hall']],
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
