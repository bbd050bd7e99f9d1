import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { routes } from '@/router/routes'
import { installGuards } from '@/router/guard'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/kernel/me'
import { adminMe, studentMe } from '../support/fixtures'

function setup(me: Me | null): Router {
  setActivePinia(createPinia())
  const session = useSessionStore()
  session.me = me
  session.loaded = true
  const router = createRouter({ history: createMemoryHistory(), routes })
  installGuards(router)
  return router
}

describe('route guard', () => {
  beforeEach(() => {
    document.title = ''
  })

  it('sends anonymous users to /login with the requested path', async () => {
    const router = setup(null)
    await router.push('/audit?page=2')
    expect(router.currentRoute.value.path).toBe('/login')
    expect(router.currentRoute.value.query.redirect).toBe('/audit?page=2')
  })

  it.each([
    ['student', '/audit', 'not-found', studentMe],
    ['student', '/profile', 'profile', studentMe],
    ['admin', '/audit', 'audit', adminMe],
    ['admin', '/', 'home', adminMe],
    ['admin', '/no/such/page', 'not-found', adminMe],
  ] as const)('%s opening %s gets route %s', async (_who, path, name, me) => {
    const router = setup(me)
    await router.push(path)
    expect(router.currentRoute.value.name).toBe(name)
    // A forbidden page keeps its URL and renders the 404 page instead of a blank one.
    expect(router.currentRoute.value.path).toBe(path)
  })

  it('shows the 404 page to anonymous users for unknown URLs', async () => {
    const router = setup(null)
    await router.push('/definitely-missing')
    expect(router.currentRoute.value.name).toBe('not-found')
  })

  it('sets a localized document title', async () => {
    const router = setup(adminMe)
    await router.push('/audit')
    expect(document.title).toBe('审计日志 · OneCampus · 一网通办')
  })
})
