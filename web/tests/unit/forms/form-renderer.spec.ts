import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { defineComponent, h, ref } from 'vue'
import ElementPlus from 'element-plus'
import { http } from '@/api/http'
import { i18n } from '@/locales'
import FormRenderer from '@/components/forms/FormRenderer.vue'
import type { FieldAccess, FormDefinition, PrefilledValue } from '@/components/forms/formModel'
import { mockAdapter } from '../../support/mockAdapter'
import { tripDefinition } from './fixtures'

// Element Plus in jsdom on a shared 2-core machine: generous limits, no timing assertions.
vi.setConfig({ testTimeout: 60_000 })

interface Props {
  definition?: FormDefinition
  data?: Record<string, unknown>
  access?: Record<string, FieldAccess>
  prefill?: Record<string, PrefilledValue>
  serverErrors?: Record<string, string>
  phone?: boolean
}

/** Mounts the renderer inside a host that owns the v-model, like a page does. */
function mountRenderer(props: Props = {}) {
  const data = ref<Record<string, unknown>>(props.data ?? {})
  const renderer = ref<InstanceType<typeof FormRenderer> | null>(null)
  const serverErrors = ref(props.serverErrors ?? {})
  const Host = defineComponent({
    setup() {
      return () =>
        h(FormRenderer, {
          ref: renderer,
          definition: props.definition ?? tripDefinition(),
          modelValue: data.value,
          'onUpdate:modelValue': (value: Record<string, unknown>) => (data.value = value),
          access: props.access,
          prefill: props.prefill,
          serverErrors: serverErrors.value,
          phone: props.phone ?? false,
          locale: 'zh-CN',
        })
    },
  })
  const wrapper = mount(Host, { global: { plugins: [createPinia(), i18n, ElementPlus] }, attachTo: document.body })
  return { wrapper, data, renderer, serverErrors }
}

function field(wrapper: VueWrapper, key: string) {
  return wrapper.find(`[data-field="${key}"]`)
}

function errorOf(wrapper: VueWrapper, key: string): string {
  const error = field(wrapper, key).find('.field-error')
  return error.exists() ? error.text() : ''
}

function rows(count: number) {
  return Array.from({ length: count }, (_, i) => ({ name: `物品${i + 1}`, price: 1.5, qty: 2 }))
}

describe('FormRenderer', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
    http.defaults.adapter = mockAdapter(() => ({ status: 404 }))
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows fields by visibleWhen and computes values as the data changes', async () => {
    const { wrapper, data } = mountRenderer({ data: { type: 'local' } })
    await flushPromises()
    expect(field(wrapper, 'country').exists()).toBe(false)
    expect(wrapper.text()).toContain('请如实填写出差信息')
    data.value = { ...data.value, type: 'abroad', range: ['2026-11-23', '2026-11-26'] }
    await flushPromises()
    expect(field(wrapper, 'country').exists()).toBe(true)
    expect(data.value.days).toBe(4)
    expect(field(wrapper, 'days').find('[data-testid="computed-value"]').text()).toBe('4')
  })

  it('marks required fields, including requiredWhen, and shows client validation messages', async () => {
    const { wrapper, data, renderer } = mountRenderer({ data: { type: 'local', range: ['2026-11-23', '2026-11-24'] } })
    await flushPromises()
    expect(field(wrapper, 'reason').find('.is-required').exists()).toBe(false)
    data.value = { ...data.value, range: ['2026-11-23', '2026-11-30'] }
    await flushPromises()
    expect(field(wrapper, 'reason').find('.is-required').exists()).toBe(true)
    expect(renderer.value!.validate()).toBe(false)
    await flushPromises()
    await flushPromises()
    expect(errorOf(wrapper, 'reason')).toBe('此项为必填')
    expect(errorOf(wrapper, 'name')).toBe('此项为必填')
    // The table starts with its one required row; its empty cells are reported per cell.
    expect(data.value.items).toEqual([{ name: null, price: null, qty: null, amount: 0 }])
    expect(renderer.value!.errors['items[0].name']).toBe('此项为必填')
    expect(wrapper.find('[data-testid="table-items"] .cell-error').text()).toBe('此项为必填')
  })

  it('applies access modes: read-only fields are disabled, hidden ones are not rendered', async () => {
    const { wrapper } = mountRenderer({ data: { type: 'local', phone: '13800000000' }, access: { phone: 'HIDDEN', type: 'READONLY' } })
    await flushPromises()
    expect(field(wrapper, 'phone').exists()).toBe(false)
    const radios = field(wrapper, 'type').findAll('input[type="radio"]')
    expect(radios.length).toBe(2)
    expect(radios.every((r) => (r.element as HTMLInputElement).disabled)).toBe(true)
    expect((field(wrapper, 'name').find('input').element as HTMLInputElement).disabled).toBe(false)
  })

  it('prefills with provenance and locks authoritative values', async () => {
    const prefill = { name: { value: '张三', source: 'profile.name', asOf: '2026-11-23T02:00:00Z', authoritative: true } }
    const { wrapper, data } = mountRenderer({ data: { name: '李四' }, prefill })
    await flushPromises()
    expect(data.value.name).toBe('张三')
    expect(field(wrapper, 'name').find('[data-testid="prefill-tag"]').text()).toBe('来自 人事数据 · 2026-11-23')
    expect((field(wrapper, 'name').find('input').element as HTMLInputElement).disabled).toBe(true)
  })

  it('puts the server 422 errors on their fields, turning the sub-table to the row', async () => {
    const { wrapper, serverErrors } = mountRenderer({ data: { type: 'local', items: rows(200) } })
    await flushPromises()
    serverErrors.value = { reason: '事由不能为空', 'items[3].price': '单价必须大于 0' }
    await flushPromises()
    expect(errorOf(wrapper, 'reason')).toBe('事由不能为空')
    const table = () => wrapper.find('[data-testid="table-items"]')
    const fourth = table().findAll('[data-testid="table-row"]')[3]!
    expect(fourth.find('.cell-error').text()).toBe('单价必须大于 0')
    expect(fourth.find('td.invalid').exists()).toBe(true)
    serverErrors.value = { 'items[150].name': '名称过长' }
    await flushPromises()
    // Row 151 is on page 8 (rows 141–160).
    const shown = table().findAll('[data-testid="table-row"]')
    expect(shown[0]!.find('td.index').text()).toBe('141')
    expect(shown[10]!.find('.cell-error').text()).toBe('名称过长')
    expect(errorOf(wrapper, 'reason')).toBe('')
  })

  it('stays light with 200 rows: one page of inputs, sums over every row', async () => {
    const { wrapper, data } = mountRenderer({ data: { items: rows(200) } })
    await flushPromises()
    const table = wrapper.find('[data-testid="table-items"]')
    expect(table.findAll('[data-testid="table-row"]')).toHaveLength(20)
    expect(table.findAll('input').length).toBeLessThanOrEqual(20 * 4)
    expect(data.value.total).toBe(600)
    expect((data.value.items as { amount: number }[])[199]!.amount).toBe(3)
    expect(table.text()).toContain('共 200 行（最多 200 行）')
  })

  it('adds, copies and removes rows within minRows and maxRows', async () => {
    const { wrapper, data } = mountRenderer({ data: { items: rows(1) } })
    await flushPromises()
    const table = () => wrapper.find('[data-testid="table-items"]')
    const deleteButton = () => table().find('[data-testid="table-row"] .el-button--danger')
    expect(deleteButton().attributes('disabled')).toBeDefined()
    await table().find('[data-testid="table-add"]').trigger('click')
    await flushPromises()
    expect(data.value.items).toHaveLength(2)
    await table().find('[data-testid="table-row"] .el-button:not(.el-button--danger)').trigger('click')
    await flushPromises()
    expect((data.value.items as { name: string }[]).map((r) => r.name)).toEqual(['物品1', '物品1', null])
    await deleteButton().trigger('click')
    await flushPromises()
    expect(data.value.items).toHaveLength(2)
  })

  it('lays out one column on phones and the spans on desktops', async () => {
    const desktop = mountRenderer({ data: {} })
    await flushPromises()
    expect(field(desktop.wrapper, 'name').classes()).toContain('el-col-12')
    desktop.wrapper.unmount()
    const phone = mountRenderer({ data: { items: rows(2) }, phone: true })
    await flushPromises()
    expect(field(phone.wrapper, 'name').classes()).toContain('el-col-24')
    expect(phone.wrapper.findAll('.row-card')).toHaveLength(2)
  })
})
