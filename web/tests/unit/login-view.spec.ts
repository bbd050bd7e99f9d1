import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { http, installHttp, resetCsrfToken } from '@/api/http'
import { i18n } from '@/locales'
import { routes } from '@/router/routes'
import { installGuards } from '@/router/guard'
import LoginView from '@/views/auth/LoginView.vue'
import { adminMe } from '../support/fixtures'
import { clearCookies, mockAdapter, problem, type MockReply } from '../support/mockAdapter'

const platform = {
  productName: 'OneCampus · 一网通办',
  university: { name: '示例大学', nameEn: 'Demo University' },
  version: '0.1.0',
}

async function mountLogin(loginReply: () => Promise<MockReply>, start = '/login?redirect=/profile') {
  let signedIn = false
  let loginCalls = 0
  http.defaults.adapter = mockAdapter(async (config) => {
    switch (config.url) {
      case '/api/v1/platform':
        return { status: 200, data: platform }
      case '/api/v1/csrf':
        document.cookie = 'XSRF-TOKEN=t; path=/'
        return { status: 200, data: { headerName: 'X-XSRF-TOKEN', parameterName: '_csrf', token: 't' } }
      case '/api/v1/me':
        return signedIn ? { status: 200, data: adminMe } : problem(401)
      case '/login': {
        loginCalls += 1
        const reply = await loginReply()
        signedIn = reply.status === 200
        return reply
      }
      default:
        return { status: 404, data: '' }
    }
  })
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes })
  installGuards(router)
  installHttp({ router })
  await router.push(start)
  const wrapper = mount(LoginView, {
    global: { plugins: [pinia, i18n, router, ElementPlus] },
    attachTo: document.body,
  })
  await flushPromises()
  return { wrapper, router, loginCalls: () => loginCalls }
}

describe('LoginView', () => {
  beforeEach(() => {
    clearCookies()
    resetCsrfToken()
    i18n.global.locale.value = 'zh-CN'
  })
  afterEach(() => {
    document.body.innerHTML = ''
    installHttp(null)
  })

  it('shows the product and the university name', async () => {
    const { wrapper } = await mountLogin(async () => ({ status: 200, data: { redirect: '/' } }))
    expect(wrapper.text()).toContain('OneCampus · 一网通办')
    expect(wrapper.text()).toContain('示例大学')
    expect(wrapper.find('[data-testid="login-username"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="lang-switch"]').text()).toContain('中文')
  })

  it('shows the problem title on bad credentials and does not navigate', async () => {
    const { wrapper, router } = await mountLogin(async () =>
      problem(401, { title: '用户名或密码错误', errorCode: 'auth.bad-credentials' }),
    )
    await wrapper.find('[data-testid="login-username"]').setValue('admin')
    await wrapper.find('[data-testid="login-password"]').setValue('wrong')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid="login-error"]').text()).toContain('用户名或密码错误')
    expect(router.currentRoute.value.path).toBe('/login')
  })

  it('disables the button while submitting, ignores double submits and follows ?redirect', async () => {
    let release: (reply: MockReply) => void = () => {}
    const pending = new Promise<MockReply>((resolve) => {
      release = resolve
    })
    const { wrapper, router, loginCalls } = await mountLogin(() => pending)
    await wrapper.find('[data-testid="login-username"]').setValue('admin')
    await wrapper.find('[data-testid="login-password"]').setValue('secret')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    await wrapper.find('form').trigger('submit')
    await flushPromises()

    expect(wrapper.find('[data-testid="login-submit"]').attributes('disabled')).toBeDefined()
    expect(loginCalls()).toBe(1)

    release({ status: 200, data: { redirect: '/' } })
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/profile'), { timeout: 5000 })
  })

  it('ignores an unsafe ?redirect', async () => {
    const { wrapper, router } = await mountLogin(
      async () => ({ status: 200, data: { redirect: '/' } }),
      '/login?redirect=//evil.com',
    )
    await wrapper.find('[data-testid="login-username"]').setValue('admin')
    await wrapper.find('[data-testid="login-password"]').setValue('secret')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/'), { timeout: 5000 })
  })

  it('leaves the app for a request the server saved, such as an SSO authorize request', async () => {
    const assign = vi.fn()
    vi.stubGlobal('location', { ...window.location, assign })
    try {
      const { wrapper } = await mountLogin(async () => ({
        status: 200,
        data: { redirect: '/oauth2/authorize?client_id=demo-app&state=s' },
      }))
      await wrapper.find('[data-testid="login-username"]').setValue('admin')
      await wrapper.find('[data-testid="login-password"]').setValue('secret')
      await wrapper.find('form').trigger('submit')
      await vi.waitFor(() => expect(assign).toHaveBeenCalledWith('/oauth2/authorize?client_id=demo-app&state=s'), {
        timeout: 5000,
      })
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
