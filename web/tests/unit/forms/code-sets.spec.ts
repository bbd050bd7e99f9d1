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
