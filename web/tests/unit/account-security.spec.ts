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
import PasswordChangeForm from '@/views/identity/account/components/PasswordChangeForm.vue'
import { studentMe } from '../support/fixtures'
import { clearCookies, mockAdapter, problem } from '../support/mockAdapter'

const status = (mustChange: boolean) => ({
  status: 200,
  data: {
    mustChange,
    changedAt: '2026-11-01T08:00:00Z',
    policy: { minLength: 10, maxLength: 128, minClasses: 3, history: 5, maxAgeDays: 0, minScore: 3 },
  },
})

function csrf() {
  document.cookie = 'XSRF-TOKEN=t; path=/'
  return { status: 200, data: { headerName: 'X-XSRF-TOKEN', parameterName: '_csrf', token: 't' } }
}

async function setUp(start: string, handler: Parameters<typeof mockAdapter>[0]) {
  http.defaults.adapter = mockAdapter(handler)
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes })
  installGuards(router)
  installHttp({ router })
  await router.push(start)
  return { pinia, router }
}

describe('account security', () => {
  beforeEach(() => {
    clearCookies()
    resetCsrfToken()
    i18n.global.locale.value = 'zh-CN'
  })
  afterEach(() => {
    document.body.innerHTML = ''
    installHttp(null)
  })

  it('sends a person with an initial password to the change page before anything else', async () => {
    const { router } = await setUp('/audit', (config) => {
      if (config.url === '/api/v1/me') return { status: 200, data: studentMe }
      if (config.url === '/api/v1/identity/account/password') return status(true)
      return { status: 404 }
    })
    expect(router.currentRoute.value.name).toBe('account')
    expect(router.currentRoute.value.query.tab).toBe('password')
    await router.push('/profile')
    expect(router.currentRoute.value.name).toBe('account')
  })

  it('lets a person whose password is fine go where they asked', async () => {
    const { router } = await setUp('/profile', (config) => {
      if (config.url === '/api/v1/me') return { status: 200, data: studentMe }
      if (config.url === '/api/v1/identity/account/password') return status(false)
      return { status: 404 }
    })
    expect(router.currentRoute.value.name).toBe('profile')
  })

  it('shows the live strength and the broken rules and keeps the change button off', async () => {
    const bodies: string[] = []
    const { pinia, router } = await setUp('/account', (config) => {
      if (config.url === '/api/v1/me') return { status: 200, data: studentMe }
      if (config.url === '/api/v1/csrf') return csrf()
      if (config.url === '/api/v1/identity/account/password' && config.method === 'get') return status(false)
      if (config.url === '/api/v1/identity/account/password/check') {
        bodies.push(String(config.data))
        return { status: 200, data: { score: 1, guessesLog10: 4, acceptable: false, problems: ['pattern', 'too-short'] } }
      }
      return { status: 404 }
    })
    const wrapper = mount(PasswordChangeForm, {
      global: { plugins: [pinia, i18n, router, ElementPlus] },
      attachTo: document.body,
    })
    await flushPromises()
    expect(wrapper.text()).toContain('至少 10 个字符')

    await wrapper.find('[data-testid="password-new"]').setValue('Abc@123')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="password-problems"]').exists()).toBe(true), { timeout: 2000 })
    expect(bodies.at(-1)).toContain('Abc@123')
    expect(wrapper.find('[data-testid="password-strength-level"]').attributes('data-level')).toBe('weak')
    expect(wrapper.find('[data-testid="password-problems"]').text()).toContain('Qwer1234')
    expect(wrapper.find('[data-testid="password-problems"]').text()).toContain('至少需要 10 个字符')
    expect(wrapper.find('[data-testid="password-submit"]').attributes('disabled')).toBeDefined()
  })

  it('asks for the code when the password step answers mfaRequired, then follows the redirect', async () => {
    let signedIn = false
    const posted: string[] = []
    const { pinia, router } = await setUp('/login?redirect=/profile', (config) => {
      switch (config.url) {
        case '/api/v1/platform':
          return { status: 200, data: { productName: 'OneCampus', university: { name: '示例大学', nameEn: 'Demo' }, version: '0' } }
        case '/api/v1/csrf':
          return csrf()
        case '/api/v1/me':
          return signedIn ? { status: 200, data: studentMe } : problem(401)
        case '/api/v1/identity/account/password':
          return status(false)
        case '/login':
          return { status: 200, data: { mfaRequired: true } }
        case '/login/mfa': {
          posted.push(String(config.data))
          if (String(config.data).includes('000000')) {
            return problem(401, { errorCode: 'auth.mfa-code-wrong', title: '验证码错误' })
          }
          signedIn = true
          return { status: 200, data: { redirect: '/' } }
        }
        default:
          return { status: 404 }
      }
    })
    const wrapper = mount(LoginView, { global: { plugins: [pinia, i18n, router, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    await wrapper.find('[data-testid="login-username"]').setValue('stu001')
    await wrapper.find('[data-testid="login-password"]').setValue('secret')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="login-mfa-code"]').exists()).toBe(true), { timeout: 5000 })
    expect(router.currentRoute.value.path).toBe('/login')

    await wrapper.find('[data-testid="login-mfa-code"]').setValue('000000')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="login-error"]').text()).toContain('验证码错误'), { timeout: 5000 })

    await wrapper.find('[data-testid="login-mfa-code"]').setValue('123456')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/profile'), { timeout: 5000 })
    expect(posted.at(-1)).toContain('code=123456')
  })
})
