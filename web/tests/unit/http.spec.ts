import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AxiosError, type InternalAxiosRequestConfig } from 'axios'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { defineComponent } from 'vue'
import { CSRF_HEADER, http, installHttp, resetCsrfToken } from '@/api/http'
import { ApiProblem, problemFromResponse, toApiProblem } from '@/api/problem'
import { getMe } from '@/api/kernel/me'
import { signIn } from '@/api/kernel/auth'
import { i18n } from '@/locales'
import { clearCookies, mockAdapter, problem, type MockHandler } from '../support/mockAdapter'

const { messageSpy } = vi.hoisted(() => ({ messageSpy: vi.fn() }))
vi.mock('element-plus', () => ({ ElMessage: messageSpy }))

const Blank = defineComponent({ render: () => null })

function makeRouter(): Router {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Blank },
      { path: '/audit', component: Blank },
      { path: '/profile', component: Blank },
      { path: '/login', component: Blank },
    ],
  })
}

let calls: InternalAxiosRequestConfig[]
function respond(handler: MockHandler): void {
  http.defaults.adapter = mockAdapter(handler, calls)
}

beforeEach(() => {
  calls = []
  messageSpy.mockReset()
  clearCookies()
  resetCsrfToken()
  installHttp(null)
  i18n.global.locale.value = 'zh-CN'
})

afterEach(() => {
  installHttp(null)
})

describe('problem+json → ApiProblem', () => {
  it('maps title, detail, status, errorCode, traceId and field errors', () => {
    const mapped = problemFromResponse(400, {
      type: 'https://onecampus.org/problems/validation',
      title: '请求参数无效',
      status: 400,
      detail: '有 2 个字段未通过校验',
      instance: '/api/v1/things',
      errorCode: 'validation.failed',
      traceId: '4bf92f3577b34da6',
      errors: [
        { field: 'name', message: '不能为空' },
        { field: 'email', message: '格式不正确' },
        { field: 'name', message: '第二条消息被忽略' },
      ],
    })
    expect(mapped).toBeInstanceOf(ApiProblem)
    expect(mapped).toMatchObject({
      title: '请求参数无效',
      detail: '有 2 个字段未通过校验',
      status: 400,
      errorCode: 'validation.failed',
      traceId: '4bf92f3577b34da6',
      instance: '/api/v1/things',
      type: 'https://onecampus.org/problems/validation',
    })
    expect(mapped.fieldErrors).toEqual({ name: '不能为空', email: '格式不正确' })
    expect(mapped.hasFieldErrors).toBe(true)
  })

  it.each([
    ['an HTML error page', 502, '<html>Bad gateway</html>', 'zh-CN', '请求失败（HTTP 502）'],
    ['an empty body', 503, '', 'en-US', 'Request failed (HTTP 503)'],
    ['a JSON string body', 500, '{"title":"服务器内部错误","status":500}', 'zh-CN', '服务器内部错误'],
  ] as const)('falls back for %s', (_case, status, body, locale, title) => {
    i18n.global.locale.value = locale
    const mapped = problemFromResponse(status, body)
    expect(mapped.title).toBe(title)
    expect(mapped.status).toBe(status)
    expect(mapped.fieldErrors).toEqual({})
  })

  it('maps a network failure to status 0 with a localized title', () => {
    const mapped = toApiProblem(new AxiosError('Network Error', AxiosError.ERR_NETWORK))
    expect(mapped.status).toBe(0)
    expect(mapped.errorCode).toBe('client.network')
    expect(mapped.title).toContain('无法连接服务器')
  })

  it('rejects API calls with ApiProblem and shows the title in a message', async () => {
    respond(() => problem(409, { title: '数据冲突', detail: '已被他人修改', errorCode: 'conflict' }))
    const error = await http.get('/api/v1/things').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiProblem)
    expect((error as ApiProblem).errorCode).toBe('conflict')
    expect(messageSpy).toHaveBeenCalledTimes(1)
    expect(messageSpy.mock.calls[0]?.[0]).toMatchObject({ type: 'error', message: '数据冲突: 已被他人修改' })
  })

  it.each([
    ['field errors', problem(400, { errors: [{ field: 'name', message: '不能为空' }] }), {}],
    ['silent requests', problem(500), { silent: true }],
  ])('does not show a message for %s', async (_case, reply, config) => {
    respond(() => reply)
    await expect(http.get('/api/v1/things', config)).rejects.toBeInstanceOf(ApiProblem)
    expect(messageSpy).not.toHaveBeenCalled()
  })

  it.each(['zh-CN', 'en-US'] as const)('sends Accept-Language %s', async (locale) => {
    i18n.global.locale.value = locale
    respond(() => ({ status: 200, data: {} }))
    await http.get('/api/v1/platform')
    expect(calls[0]?.headers.get('Accept-Language')).toBe(locale)
  })
})

describe('401 → login redirect', () => {
  it('remembers the current route in ?redirect and calls onUnauthorized', async () => {
    const router = makeRouter()
    await router.push('/audit?actor=alice')
    const onUnauthorized = vi.fn()
    installHttp({ router, onUnauthorized })
    respond(() => problem(401, { errorCode: 'auth.required' }))

    await expect(http.get('/api/v1/audit/events')).rejects.toMatchObject({ status: 401 })

    expect(onUnauthorized).toHaveBeenCalledTimes(1)
    expect(router.currentRoute.value.path).toBe('/login')
    expect(router.currentRoute.value.query.redirect).toBe('/audit?actor=alice')
    expect(messageSpy).not.toHaveBeenCalled()
  })

  it('does not redirect for the boot-time /api/v1/me probe', async () => {
    const router = makeRouter()
    await router.push('/profile')
    installHttp({ router })
    respond(() => problem(401))

    await expect(getMe()).resolves.toBeNull()
    expect(router.currentRoute.value.path).toBe('/profile')
  })

  it('does not redirect for the sign-in call itself', async () => {
    const router = makeRouter()
    await router.push('/login?redirect=/audit')
    installHttp({ router })
    document.cookie = 'XSRF-TOKEN=t1; path=/'
    respond(() => problem(401, { title: '用户名或密码错误', errorCode: 'auth.bad-credentials' }))

    await expect(signIn('alice', 'wrong')).rejects.toMatchObject({ errorCode: 'auth.bad-credentials' })
    expect(router.currentRoute.value.fullPath).toBe('/login?redirect=/audit')
    expect(messageSpy).not.toHaveBeenCalled()
  })
})

describe('CSRF', () => {
  it('fetches a token before the first state-changing request and echoes the cookie', async () => {
    respond((config) => {
      if (config.url === '/api/v1/csrf') {
        document.cookie = 'XSRF-TOKEN=cookie-token; path=/'
        return { status: 200, data: { headerName: 'X-XSRF-TOKEN', parameterName: '_csrf', token: 'masked' } }
      }
      return { status: 200, data: { ok: true } }
    })
    await http.post('/api/v1/things', { a: 1 })
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['get /api/v1/csrf', 'post /api/v1/things'])
    expect(calls[1]?.headers.get(CSRF_HEADER)).toBe('cookie-token')
  })

  it.each(['get', 'head'] as const)('does not send the header on %s', async (method) => {
    document.cookie = 'XSRF-TOKEN=abc; path=/'
    respond(() => ({ status: 200, data: {} }))
    await http.request({ url: '/api/v1/things', method })
    expect(calls[0]?.headers.get(CSRF_HEADER)).toBeUndefined()
  })

  it('refreshes the token and retries once on 403 csrf.invalid', async () => {
    document.cookie = 'XSRF-TOKEN=stale; path=/'
    let posts = 0
    respond((config) => {
      if (config.url === '/api/v1/csrf') {
        document.cookie = 'XSRF-TOKEN=fresh; path=/'
        return { status: 200, data: { headerName: 'X-XSRF-TOKEN', parameterName: '_csrf', token: 'fresh' } }
      }
      posts += 1
      return config.headers.get(CSRF_HEADER) === 'fresh'
        ? { status: 200, data: { ok: true } }
        : problem(403, { errorCode: 'csrf.invalid' })
    })
    const response = await http.post('/api/v1/things')
    expect(response.data).toEqual({ ok: true })
    expect(posts).toBe(2)
  })

  it('gives up after one retry', async () => {
    document.cookie = 'XSRF-TOKEN=stale; path=/'
    respond((config) =>
      config.url === '/api/v1/csrf'
        ? { status: 200, data: { headerName: 'X-XSRF-TOKEN', parameterName: '_csrf', token: 'x' } }
        : problem(403, { errorCode: 'csrf.invalid' }),
    )
    await expect(http.delete('/api/v1/things/1')).rejects.toMatchObject({ status: 403, errorCode: 'csrf.invalid' })
    expect(calls.filter((c) => c.method === 'delete')).toHaveLength(2)
  })
})
