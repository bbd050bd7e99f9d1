import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { InternalAxiosRequestConfig } from 'axios'
import { http } from '@/api/http'
import { i18n } from '@/locales'
import { routes } from '@/router/routes'
import ApplyView from '@/views/hall/applications/ApplyView.vue'
import ApplicationDetailView from '@/views/hall/applications/ApplicationDetailView.vue'
import MyApplicationsCard from '@/views/home/cards/MyApplicationsCard.vue'
import { mockAdapter, problem } from '../support/mockAdapter'

const applyForm = {
  serviceCode: 'student-leave',
  serviceName: { 'zh-CN': '学生请假', 'en-US': 'Student leave' },
  summary: { 'zh-CN': '辅导员审批' },
  promisedDays: 2,
  form: {
    key: 'leave-request',
    version: 1,
    schema: {
      type: 'object',
      properties: { applicantName: { type: 'string' }, reason: { type: 'string', maxLength: 100 } },
      required: ['reason'],
    },
    layout: {
      version: 1,
      fields: [
        { key: 'applicantName', widget: 'text', label: { 'zh-CN': '姓名', 'en-US': 'Name' }, prefill: { source: 'profile.name', locked: true } },
        { key: 'reason', widget: 'text', label: { 'zh-CN': '事由', 'en-US': 'Reason' } },
      ],
    },
  },
  prefill: { applicantName: { value: '张三', source: 'profile.name', asOf: '2026-11-20T02:00:00Z', authoritative: true } },
  draft: { serviceCode: 'student-leave', formData: { reason: '草稿里的事由', applicantName: '冒名' }, updatedAt: '2026-11-23T08:00:00Z' },
}

function header(call: InternalAxiosRequestConfig, name: string): string | undefined {
  const headers = call.headers as unknown as { get?: (n: string) => unknown } & Record<string, unknown>
  const value = typeof headers.get === 'function' ? headers.get(name) : headers[name]
  return value == null ? undefined : String(value)
}

const csrf = { status: 200, data: { headerName: 'X-XSRF-TOKEN', parameterName: '_csrf', token: 'token' } }

async function mountApply(handler: Parameters<typeof mockAdapter>[0], calls: InternalAxiosRequestConfig[]) {
  http.defaults.adapter = mockAdapter((config) => (config.url === '/api/v1/csrf' ? csrf : handler(config)), calls)
  i18n.global.locale.value = 'zh-CN'
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push('/hall/services/student-leave/apply')
  const wrapper = mount(ApplyView, { global: { plugins: [pinia, i18n, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

describe('apply page', { timeout: 30_000 }, () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows where prefilled values come from, restores the draft but keeps locked values', async () => {
    const calls: InternalAxiosRequestConfig[] = []
    const { wrapper } = await mountApply(async (config) => {
      if (config.url === '/api/v1/hall/applications/forms/student-leave') return { status: 200, data: applyForm }
      return { status: 404 }
    }, calls)
    const prefill = wrapper.get('[data-testid="apply-prefill"]').text()
    expect(prefill).toContain('姓名')
    expect(prefill).toContain('已锁定')
    expect(prefill).toContain('profile.name')
    expect(wrapper.get('[data-testid="apply-promise"]').text()).toContain('2')
    const inputs = wrapper.findAll('input').map((input) => (input.element as HTMLInputElement).value)
    expect(inputs).toContain('草稿里的事由')
    expect(inputs).toContain('张三')
    expect(inputs).not.toContain('冒名')
  })

  it('marks only the fields the form locks: an authoritative value the form leaves open takes the draft', async () => {
    const base = structuredClone(applyForm)
    const phone = { key: 'phone', widget: 'text', label: { 'zh-CN': '联系电话', 'en-US': 'Phone' }, prefill: { source: 'profile.phone' } }
    const form = {
      ...base,
      form: {
        ...base.form,
        schema: { ...base.form.schema, properties: { ...base.form.schema.properties, phone: { type: 'string' } } },
        layout: { ...base.form.layout, fields: [...base.form.layout.fields, phone] },
      },
      prefill: { ...base.prefill, phone: { value: '13800000000', source: 'profile.phone', asOf: '2026-11-20T02:00:00Z', authoritative: true } },
      draft: { ...base.draft, formData: { ...base.draft.formData, phone: '13911112222' } },
    }
    const calls: InternalAxiosRequestConfig[] = []
    const { wrapper } = await mountApply(async (config) => {
      if (config.url === '/api/v1/hall/applications/forms/student-leave') return { status: 200, data: form }
      return { status: 404 }
    }, calls)
    expect(wrapper.findAll('[data-testid="apply-prefill-locked"]').length).toBe(1)
    const inputs = wrapper.findAll('input').map((input) => (input.element as HTMLInputElement).value)
    expect(inputs).toContain('13911112222')
    expect(inputs).toContain('张三')
  })

  it('sends one Idempotency-Key for every click and shows 422 errors on their fields', async () => {
    const calls: InternalAxiosRequestConfig[] = []
    const { wrapper } = await mountApply(async (config) => {
      if (config.url === '/api/v1/hall/applications/forms/student-leave') return { status: 200, data: applyForm }
      if (config.url === '/api/v1/hall/applications' && config.method === 'post') {
        return problem(422, { errorCode: 'request.validation', errors: [{ field: 'reason', message: '包含不允许的内容' }] })
      }
      return { status: 404 }
    }, calls)
    await wrapper.get('[data-testid="apply-submit"]').trigger('click')
    await flushPromises()
    await wrapper.get('[data-testid="apply-submit"]').trigger('click')
    await flushPromises()
    const posts = calls.filter((c) => c.method === 'post' && c.url === '/api/v1/hall/applications')
    expect(posts.length).toBe(2)
    const keys = new Set(posts.map((c) => header(c, 'Idempotency-Key')))
    expect(keys.size).toBe(1)
    expect([...keys][0]).toMatch(/.{16,}/)
    expect(JSON.parse(String(posts[0]!.data))).toMatchObject({ serviceCode: 'student-leave', formData: { reason: '草稿里的事由' } })
    await vi.waitFor(() => expect(wrapper.text()).toContain('包含不允许的内容'))
  })

  it('saves the draft with PUT', async () => {
    const calls: InternalAxiosRequestConfig[] = []
    const { wrapper } = await mountApply(async (config) => {
      if (config.url === '/api/v1/hall/applications/forms/student-leave') return { status: 200, data: { ...applyForm, draft: null } }
      if (config.url === '/api/v1/hall/drafts/student-leave') return { status: 200, data: { serviceCode: 'student-leave', formData: {}, updatedAt: '2026-11-24T00:00:00Z' } }
      return { status: 404 }
    }, calls)
    await wrapper.get('[data-testid="apply-save-draft"]').trigger('click')
    await flushPromises()
    const put = calls.find((c) => c.method === 'put')
    expect(put?.url).toBe('/api/v1/hall/drafts/student-leave')
    expect(JSON.parse(String(put?.data))).toEqual({ formData: { applicantName: '张三' } })
  })
})

describe('my applications card', () => {
  it('asks for my five latest applications in progress and links each', async () => {
    const calls: InternalAxiosRequestConfig[] = []
    http.defaults.adapter = mockAdapter(
      () => ({
        status: 200,
        data: {
          items: [
            { id: 'a1', serviceCode: 'student-leave', serviceName: { 'zh-CN': '学生请假' }, applicant: { id: 'p', name: '张三' }, status: 'RETURNED', submittedAt: '2026-11-23T08:00:00Z', endedAt: null, returnCount: 1 },
          ],
          page: 0,
          size: 5,
          total: 1,
        },
      }),
      calls,
    )
    i18n.global.locale.value = 'zh-CN'
    const router = createRouter({ history: createMemoryHistory(), routes })
    const wrapper = mount(MyApplicationsCard, { global: { plugins: [createPinia(), i18n, router, ElementPlus] } })
    await flushPromises()
    expect(calls[0]?.url).toBe('/api/v1/hall/applications')
    expect(calls[0]?.params).toMatchObject({ scope: 'mine', status: 'RUNNING,RETURNED,SUSPENDED', size: 5 })
    const item = wrapper.get('[data-testid="my-applications-item"]')
    expect(item.text()).toContain('学生请假')
    expect(item.text()).toContain('已退回')
    expect(item.get('a').attributes('href')).toBe('/hall/applications/a1')
  })
})

function application(status: string, actions: { withdraw: boolean; resubmit: boolean; evaluate: boolean }) {
  return {
    id: 'a1',
    serviceCode: 'student-leave',
    serviceName: { 'zh-CN': '学生请假' },
    applicant: { id: 'p1', name: '李明轩' },
    status,
    submittedAt: '2026-11-23T08:00:00Z',
    returnCount: status === 'RETURNED' ? 1 : 0,
    instanceId: 'i1',
    promisedDays: 2,
    currentNodes: [],
    timeline: [
      { action: 'SUBMITTED', actor: { id: 'p1', name: '李明轩' }, nodeId: 'start', nodeName: { 'zh-CN': 'start' }, at: '2026-11-23T08:00:00Z', attachments: [] },
      { action: 'RETURNED', actor: { id: 'p2', name: '刘婷' }, nodeId: 'counsellor', nodeName: { 'zh-CN': '辅导员审批' }, at: '2026-11-23T09:00:00Z', comment: '请写明原因', attachments: [] },
    ],
    actions,
    results: [],
    formData: { reason: '回家' },
    form: { key: 'f', version: 1, schema: applyForm.form.schema, layout: applyForm.form.layout },
  }
}

describe('application page', { timeout: 30_000 }, () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  async function mountDetail(handler: Parameters<typeof mockAdapter>[0], calls: InternalAxiosRequestConfig[]) {
    http.defaults.adapter = mockAdapter((config) => (config.url === '/api/v1/csrf' ? csrf : handler(config)), calls)
    i18n.global.locale.value = 'zh-CN'
    const pinia = createPinia()
    setActivePinia(pinia)
    const router = createRouter({ history: createMemoryHistory(), routes })
    await router.push('/hall/applications/a1')
    const wrapper = mount(ApplicationDetailView, { global: { plugins: [pinia, i18n, router, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    return wrapper
  }

  it('shows a returned application with its data to edit and resubmits it', async () => {
    const calls: InternalAxiosRequestConfig[] = []
    const wrapper = await mountDetail((config) => {
      if (config.method === 'post') return { status: 200, data: application('RUNNING', { withdraw: false, resubmit: false, evaluate: false }) }
      return { status: 200, data: application('RETURNED', { withdraw: true, resubmit: true, evaluate: false }) }
    }, calls)
    expect(wrapper.get('[data-testid="application-status"]').text()).toBe('已退回')
    expect(wrapper.get('[data-testid="application-timeline"]').text()).toContain('请写明原因')
    expect(wrapper.get('[data-testid="application-timeline"]').text()).not.toContain('start')
    const reason = wrapper.get('[data-field="reason"] input').element as HTMLInputElement
    expect(reason.value).toBe('回家')
    await wrapper.get('[data-field="reason"] input').setValue('回家处理家事')
    await wrapper.get('[data-testid="application-resubmit"]').trigger('click')
    await flushPromises()
    const post = calls.find((c) => c.method === 'post')
    expect(post?.url).toBe('/api/v1/hall/applications/a1/resubmission')
    expect(JSON.parse(String(post?.data))).toMatchObject({ formData: { reason: '回家处理家事' } })
    expect(wrapper.get('[data-testid="application-status"]').text()).toBe('办理中')
  })

  it('shows a suspended application on hold with who suspended it and why, without actions', async () => {
    const wrapper = await mountDetail(
      () => ({
        status: 200,
        data: {
          ...application('SUSPENDED', { withdraw: false, resubmit: false, evaluate: false }),
          suspension: { by: { id: 'p9', name: '王建国' }, at: '2026-11-23T10:00:00Z', reason: '等待学院核实材料' },
        },
      }),
      [],
    )
    expect(wrapper.get('[data-testid="application-status"]').text()).toBe('已挂起')
    const notice = wrapper.get('[data-testid="application-suspended"]').text()
    expect(notice).toContain('申请已挂起')
    expect(notice).toContain('王建国')
    expect(notice).toContain('等待学院核实材料')
    expect(wrapper.find('[data-testid="application-withdraw"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="application-resubmit"]').exists()).toBe(false)
  })

  it('rates an approved application with stars and a comment', async () => {
    const calls: InternalAxiosRequestConfig[] = []
    const wrapper = await mountDetail((config) => {
      if (config.method === 'post') {
        return { status: 200, data: { ...application('APPROVED', { withdraw: false, resubmit: false, evaluate: false }), evaluation: { stars: 4, comment: '很快', at: '2026-11-24T00:00:00Z' } } }
      }
      return { status: 200, data: application('APPROVED', { withdraw: false, resubmit: false, evaluate: true }) }
    }, calls)
    expect(wrapper.find('[data-testid="application-withdraw"]').exists()).toBe(false)
    await wrapper.findAll('[data-testid="application-rate"] .el-rate__item')[3]!.trigger('click')
    await wrapper.get('[data-testid="application-evaluation-comment"]').setValue('很快')
    await wrapper.get('[data-testid="application-evaluate"]').trigger('click')
    await flushPromises()
    const post = calls.find((c) => c.method === 'post')
    expect(post?.url).toBe('/api/v1/hall/applications/a1/evaluation')
    expect(JSON.parse(String(post?.data))).toEqual({ stars: 4, comment: '很快' })
    expect(wrapper.get('[data-testid="application-evaluation"]').text()).toContain('我的评价')
  })
})
