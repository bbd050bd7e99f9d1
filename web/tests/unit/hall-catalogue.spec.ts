import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { InternalAxiosRequestConfig } from 'axios'
import { http } from '@/api/http'
import { i18n } from '@/locales'
import { localized, type ServiceCard as Card } from '@/api/hall/catalogue'
import ServiceCard from '@/components/hall/ServiceCard.vue'
import ServiceGrid from '@/components/hall/ServiceGrid.vue'
import { routes } from '@/router/routes'
import { mockAdapter } from '../support/mockAdapter'

const card = (code: string, extra: Partial<Card> = {}): Card => ({
  code,
  name: { 'zh-CN': '在读证明', 'en-US': 'Certificate of enrolment' },
  summary: { 'zh-CN': '开具在读证明', 'en-US': 'Certificates of enrolment' },
  categoryCode: 'teaching',
  ownerOrgUnit: { id: 'aa', name: '教务处', nameEn: 'Office of Academic Affairs' },
  handling: 'OFFLINE',
  promisedDays: 1,
  selfPrint: false,
  favourite: false,
  publicGuide: true,
  uses: 3,
  calendarTags: [],
  ...extra,
})

let calls: InternalAxiosRequestConfig[] = []
let applications: { status: number; data?: unknown } = { status: 404 }

function router() {
  return createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] })
}

beforeEach(() => {
  calls = []
  i18n.global.locale.value = 'zh-CN'
  http.defaults.adapter = mockAdapter(() => applications, calls)
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('service hall catalogue', { timeout: 30_000 }, () => {
  it('localizes texts with a Chinese fallback', () => {
    expect(localized({ 'zh-CN': '在读证明', 'en-US': 'Certificate' }, 'en-US')).toBe('Certificate')
    expect(localized({ 'zh-CN': '在读证明' }, 'en-US')).toBe('在读证明')
    expect(localized(null, 'zh-CN')).toBe('')
  })

  it('shows a card in the reader’s language and toggles the favourite', async () => {
    const wrapper = mount(ServiceCard, {
      props: { service: card('study-certificate'), to: '/hall/services/study-certificate' },
      global: { plugins: [i18n, ElementPlus, router()] },
    })
    expect(wrapper.text()).toContain('在读证明')
    expect(wrapper.text()).toContain('教务处')
    expect(wrapper.text()).toContain('1 个工作日内办结')
    expect(wrapper.text()).toContain('线下办理')
    await wrapper.get('[data-testid="favourite-study-certificate"]').trigger('click')
    expect(wrapper.emitted('favourite')).toEqual([['study-certificate', true]])
    i18n.global.locale.value = 'en-US'
    await flushPromises()
    expect(wrapper.text()).toContain('Certificate of enrolment')
    expect(wrapper.text()).toContain('Office of Academic Affairs')
    expect(wrapper.text()).toContain('Within 1 working days')
  })

  it('hides the star on public cards and shows an empty state without services', () => {
    const grid = mount(ServiceGrid, {
      props: { services: [card('campus-card', { promisedDays: 0 })], canFavourite: false, emptyText: '暂无' },
      global: { plugins: [i18n, ElementPlus, router()] },
    })
    expect(grid.find('[data-testid="favourite-campus-card"]').exists()).toBe(false)
    expect(grid.text()).toContain('即时办结')
    const empty = mount(ServiceGrid, { props: { services: [], emptyText: '暂无推荐' }, global: { plugins: [i18n, ElementPlus, router()] } })
    expect(empty.text()).toContain('暂无推荐')
  })

  it('routes the public guides without sign-in and the admin pages with hall:service:manage', () => {
    const top = routes.find((route) => route.path === '/hall/public')
    expect(top?.meta?.public).toBe(true)
    expect(routes.find((route) => route.path === '/hall/public/services/:code')?.meta?.public).toBe(true)
    const children = routes.flatMap((route) => route.children ?? [])
    expect(children.find((route) => route.path === 'hall')?.meta?.permission).toBeUndefined()
    for (const path of ['hall/admin/services', 'hall/admin/services/new', 'hall/admin/services/:code']) {
      expect(children.find((route) => route.path === path)?.meta?.permission).toBe('hall:service:manage')
    }
  })
})
