import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { defineComponent, h, ref } from 'vue'
import ElementPlus from 'element-plus'
import type { InternalAxiosRequestConfig } from 'axios'
import { http } from '@/api/http'
import { i18n } from '@/locales'
import { codeSetOptions, getCodeSet, saveCodeSet, type CodeSet } from '@/api/workflow/codeSets'
import FormRenderer from '@/components/forms/FormRenderer.vue'
import type { FormDefinition } from '@/components/forms/formModel'
import { mockAdapter } from '../../support/mockAdapter'

vi.setConfig({ testTimeout: 60_000 })
/** How long to wait for a request chain to settle on a busy machine (a bound, not a timing assertion). */
const PATIENT = { timeout: 15_000 }

const campus: CodeSet = {
  key: 'campus',
  name: { 'zh-CN': '校区', 'en-US': 'Campus' },
  items: [
    { value: 'east', label: { 'zh-CN': '东校区', 'en-US': 'East campus' }, sort: 20, enabled: true },
    { value: 'main', label: { 'zh-CN': '主校区', 'en-US': 'Main campus' }, sort: 10, enabled: true },
    { value: 'old', label: { 'zh-CN': '老校区' }, sort: 30, enabled: false },
  ],
}

describe('code set options', () => {
  it('offers the enabled items in sort order with labels in the locale, falling back to Chinese', () => {
    expect(codeSetOptions(campus, 'en-US', null)).toEqual([
      { value: 'main', label: 'Main campus' },
      { value: 'east', label: 'East campus' },
    ])
  })

  it('keeps a disabled item only when the data holds it, and shows it disabled', () => {
    expect(codeSetOptions(campus, 'en-US', 'old').map((o) => [o.value, o.label, o.disabled ?? false])).toEqual([
      ['main', 'Main campus', false],
      ['east', 'East campus', false],
      ['old', '老校区', true],
    ])
    expect(codeSetOptions(campus, 'zh-CN', ['main', 'old']).at(-1)).toEqual({ value: 'old', label: '老校区', disabled: true })
  })

  it('offers nothing before the set is loaded', () => {
    expect(codeSetOptions(null, 'zh-CN', 'main')).toEqual([])
  })

  it('loads each set once, asks again after a failure and after a save', async () => {
    const calls: InternalAxiosRequestConfig[] = []
    let fail = true
    http.defaults.adapter = mockAdapter((config) => {
      if (config.method === 'get' && fail) return { status: 503 }
      return { status: 200, data: { ...campus, key: 'leave-type' } }
    }, calls)
    await expect(getCodeSet('leave-type')).rejects.toBeTruthy()
    fail = false
    await getCodeSet('leave-type')
    await getCodeSet('leave-type')
    expect(calls.filter((c) => c.method === 'get' && c.url?.includes('code-sets'))).toHaveLength(2)
    await saveCodeSet({ ...campus, key: 'leave-type' }, false)
    expect(calls.at(-1)?.method).toBe('put')
    expect(calls.at(-1)?.url).toBe('/api/v1/workflow/code-sets/leave-type')
    await getCodeSet('leave-type')
    expect(calls.filter((c) => c.method === 'get' && c.url?.includes('code-sets'))).toHaveLength(3)
  })
})

describe('a select bound to a code set', () => {
  it('renders the set\'s labels for the value in read-only mode', async () => {
    http.defaults.adapter = mockAdapter(() => ({ status: 200, data: campus }))
    const definition = {
      schema: { type: 'object', properties: { campus: { type: 'string' } } },
      layout: { version: 1, fields: [{ key: 'campus', widget: 'radio', label: { 'zh-CN': '校区' }, codeSet: 'campus' }] },
    } as unknown as FormDefinition
    const data = ref<Record<string, unknown>>({ campus: 'old' })
    const Host = defineComponent({
      setup: () => () =>
        h(FormRenderer, {
          definition,
          modelValue: data.value,
          'onUpdate:modelValue': (v: Record<string, unknown>) => (data.value = v),
          defaultAccess: 'READONLY',
          locale: 'zh-CN',
          phone: false,
        }),
    })
    const wrapper = mount(Host, { global: { plugins: [createPinia(), i18n, ElementPlus] } })
    await flushPromises()
    const labels = wrapper.findAll('[data-field="campus"] .el-radio').map((r) => r.text())
    expect(labels).toEqual(['主校区', '东校区', '老校区'])
    expect(wrapper.find('[data-field="campus"] .el-radio.is-checked').text()).toBe('老校区')
    wrapper.unmount()
  })
})

describe('code sets page', () => {
  it('lists the sets, opens one, adds an item and shows the server\'s 422 on the item', async () => {
    const { createPinia: newPinia, setActivePinia } = await import('pinia')
    const { useSessionStore } = await import('@/stores/session')
    const { adminMe } = await import('../../support/fixtures')
    const CodeSetsView = (await import('@/views/workflow/codesets/CodeSetsView.vue')).default
    const pinia = newPinia()
    setActivePinia(pinia)
    const session = useSessionStore()
    session.me = { ...adminMe, permissions: ['workflow:form:read', 'workflow:form:write'] }
    session.loaded = true
    const calls: InternalAxiosRequestConfig[] = []
    http.defaults.adapter = mockAdapter((config) => {
      if (config.method === 'get' && config.url === '/api/v1/workflow/code-sets') {
        return { status: 200, data: [{ key: 'campus-x', name: campus.name, items: 3, enabled: 2 }] }
      }
      if (config.method === 'get') return { status: 200, data: { ...campus, key: 'campus-x' } }
      if (config.method === 'put') {
        return {
          status: 422,
          headers: { 'content-type': 'application/problem+json' },
          data: { type: 'urn:onecampus:problem:request.validation', title: '请求参数无效', status: 422, errorCode: 'request.validation', errors: [{ field: 'items[3].value', message: '代码值 east 重复' }] },
        }
      }
      return { status: 200, data: {} }
    }, calls)
    const wrapper = mount(CodeSetsView, { global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    expect(wrapper.find('[data-testid=code-sets-table]').text()).toContain('2 / 3 启用')
    await wrapper.find('[data-testid=code-sets-table] .el-table__row').trigger('click')
    await flushPromises()
    const dialog = document.querySelector('[data-testid=code-set-dialog]')!
    expect(dialog.querySelectorAll('.code-sets__item')).toHaveLength(3)
    document.querySelector<HTMLButtonElement>('[data-testid=code-set-add-item]')!.click()
    await flushPromises()
    const items = dialog.querySelectorAll('.code-sets__item')
    expect(items).toHaveLength(4)
    // stored values cannot be renamed or removed here, only disabled; the new one can
    expect(items[0]!.querySelector<HTMLInputElement>('input')!.disabled).toBe(true)
    expect(items[3]!.querySelector<HTMLInputElement>('input')!.disabled).toBe(false)
    document.querySelector<HTMLButtonElement>('[data-testid=code-set-save]')!.click()
    await flushPromises()
    const put = calls.find((c) => c.method === 'put')!
    expect(put.url).toBe('/api/v1/workflow/code-sets/campus-x')
    expect(JSON.parse(String(put.data)).items).toHaveLength(4)
    // the 422 comes back through the CSRF and error interceptors; wait for it to land on the item
    await vi.waitFor(() => expect(items[3]!.textContent).toContain('代码值 east 重复'), PATIENT)
    wrapper.unmount()
    document.body.innerHTML = ''
  })
})
