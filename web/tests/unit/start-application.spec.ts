import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { InternalAxiosRequestConfig } from 'axios'
import { http } from '@/api/http'
import { i18n } from '@/locales'
import { routes } from '@/router/routes'
import StartFormView from '@/views/workflow/start/StartFormView.vue'
import { mockAdapter } from '../support/mockAdapter'

vi.setConfig({ testTimeout: 60_000 })
/** How long to wait for a request chain to settle on a busy machine (a bound, not a timing assertion). */
const PATIENT = { timeout: 15_000 }

const form = {
  key: 'survey',
  version: 2,
  name: { 'zh-CN': '校外调研' },
  publishedAt: '2026-11-20T00:00:00Z',
  schema: { type: 'object', properties: { destination: { type: 'string' }, name: { type: 'string' } }, required: ['destination'] },
  layout: {
    version: 1,
    fields: [
      { key: 'name', widget: 'text', label: { 'zh-CN': '姓名' }, prefill: { source: 'profile.name', locked: true } },
      { key: 'destination', widget: 'text', label: { 'zh-CN': '调研地点' }, required: true },
    ],
  },
}

describe('start page', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('renders the pinned form with prefill, checks it, posts once with an idempotency key and shows the 422 on the field', async () => {
    const calls: InternalAxiosRequestConfig[] = []
    let answer: 'invalid' | 'created' = 'invalid'
    http.defaults.adapter = mockAdapter((config) => {
      if (config.url === '/api/v1/workflow/startable-processes') {
        return { status: 200, data: [{ key: 'survey-trip', version: 3, name: { 'zh-CN': '校外调研申请' }, formKey: 'survey', formVersion: 2, applicantChooses: [] }] }
      }
      if (config.url === '/api/v1/workflow/forms/survey/versions/2') return { status: 200, data: form }
      if (config.url === '/api/v1/workflow/forms/survey/versions/2/prefill') {
        return { status: 200, data: { name: { value: '李明轩', source: 'profile.name', asOf: '2026-11-20T00:00:00Z', authoritative: true } } }
      }
      if (config.url === '/api/v1/workflow/instances') {
        if (answer === 'invalid') {
          return {
            status: 422,
            headers: { 'content-type': 'application/problem+json' },
            data: { status: 422, errorCode: 'request.validation', title: '请求参数无效', errors: [{ field: 'destination', message: '调研地点不能是月球' }] },
          }
        }
        return { status: 201, data: { id: 'i-1', processKey: 'survey-trip', version: 3, status: 'RUNNING', created: true } }
      }
      return { status: 200, data: {} }
    }, calls)
    const pinia = createPinia()
    setActivePinia(pinia)
    const router = createRouter({ history: createMemoryHistory(), routes })
    await router.push('/workflow/start/survey-trip')
    const wrapper = mount(StartFormView, { global: { plugins: [pinia, i18n, router, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    expect(wrapper.text()).toContain('校外调研申请')
    expect((wrapper.find('[data-field=name] input').element as HTMLInputElement).value).toBe('李明轩')

    // required but empty: the client stops it, nothing is posted
    await wrapper.find('[data-testid=start-submit]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-field=destination] .field-error').exists()).toBe(true)
    expect(calls.some((c) => c.url === '/api/v1/workflow/instances')).toBe(false)

    await wrapper.find('[data-field=destination] input').setValue('月球')
    await wrapper.find('[data-testid=start-submit]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-field=destination] .field-error').text()).toBe('调研地点不能是月球'), PATIENT)

    answer = 'created'
    await wrapper.find('[data-field=destination] input').setValue('上海')
    await wrapper.find('[data-testid=start-submit]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/workflow/instances/i-1'), PATIENT)
    const posts = calls.filter((c) => c.url === '/api/v1/workflow/instances')
    expect(posts).toHaveLength(2)
    expect(JSON.parse(String(posts[1]!.data))).toEqual({ processKey: 'survey-trip', formData: { name: '李明轩', destination: '上海' } })
    const keys = posts.map((c) => c.headers['Idempotency-Key'])
    expect(keys[0]).toBeTruthy()
    expect(keys[1]).toBe(keys[0])
    wrapper.unmount()
  })

  it('says so when the process is not one the person may apply for', async () => {
    http.defaults.adapter = mockAdapter(() => ({ status: 200, data: [] }))
    const pinia = createPinia()
    setActivePinia(pinia)
    const router = createRouter({ history: createMemoryHistory(), routes })
    await router.push('/workflow/start/secret')
    const wrapper = mount(StartFormView, { global: { plugins: [pinia, i18n, router, ElementPlus] } })
    await flushPromises()
    expect(wrapper.text()).toContain('该流程不存在、尚未发布或你不在申请范围内')
    wrapper.unmount()
  })
})

describe('instance page data', () => {
  it('shows the pinned form read-only with its labels and keeps the viewer\'s hidden fields hidden', async () => {
    const InstancePanel = (await import('@/views/workflow/tasks/InstancePanel.vue')).default
    const instance = {
      id: 'i-1',
      processKey: 'survey-trip',
      processName: { 'zh-CN': '校外调研申请' },
      status: 'APPROVED',
      applicant: { id: 'p', name: '李明轩' },
      startedAt: '2026-11-20T00:00:00Z',
      endedAt: null,
      formData: { name: '李明轩', destination: '上海' },
      current: [],
      timeline: [{ action: 'SUBMITTED', nodeId: 'start', nodeName: { 'zh-CN': 'start' }, actor: { id: 'p', name: '李明轩' }, at: '2026-11-20T00:00:00Z', comment: null }],
      canWithdraw: false,
      form: { key: 'survey', version: 2, name: form.name, schema: form.schema, layout: form.layout },
      fieldAccess: { name: 'HIDDEN' as const },
    }
    const wrapper = mount(InstancePanel, {
      props: { instance, data: instance.formData },
      global: { plugins: [createPinia(), i18n, ElementPlus] },
    })
    await flushPromises()
    const data = wrapper.find('[data-testid=instance-data]')
    expect(data.text()).toContain('调研地点')
    expect(data.text()).not.toContain('destination')
    expect((data.find('[data-field=destination] input').element as HTMLInputElement).disabled).toBe(true)
    expect((data.find('[data-field=destination] input').element as HTMLInputElement).value).toBe('上海')
    expect(data.find('[data-field=name]').exists()).toBe(false)
    // the start step needs no node name next to "提交申请"
    expect(wrapper.find('[data-testid=instance-timeline]').text()).not.toContain('start')
    wrapper.unmount()
  })
})
