import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import { defineComponent, h, ref } from 'vue'
import { http } from '@/api/http'
import { i18n } from '@/locales'
import SimpleDesigner from '@/components/process/SimpleDesigner.vue'
import { emptyModel, serializeModel, type SimpleModel } from '@/components/process/model'
import { mockAdapter } from '../support/mockAdapter'

const fields = [
  { key: 'days', widget: 'number', label: { 'zh-CN': '天数', 'en-US': 'Days' } },
  { key: 'reason', widget: 'textarea', label: { 'zh-CN': '事由', 'en-US': 'Reason' } },
]

function mountDesigner(readonly = false) {
  const model = ref<SimpleModel>(emptyModel())
  let changes = 0
  const Host = defineComponent({
    setup: () => () =>
      h(SimpleDesigner, {
        modelValue: model.value,
        'onUpdate:modelValue': (value: SimpleModel) => (model.value = value),
        onChange: () => (changes += 1),
        fields,
        readonly,
      }),
  })
  // The drawer's configuration form has its own test; a stub keeps these chain tests fast in jsdom.
  const wrapper = mount(Host, {
    global: { plugins: [createPinia(), i18n, ElementPlus], stubs: { NodeConfigEditor: true } },
    attachTo: document.body,
  })
  return { wrapper, model, changes: () => changes }
}

async function insert(wrapper: ReturnType<typeof mountDesigner>['wrapper'], addTestId: string, type: string) {
  await wrapper.get(`[data-testid="${addTestId}"]`).trigger('click')
  await flushPromises()
  document.body.querySelector<HTMLButtonElement>(`[data-testid="${addTestId}-${type}"]`)!.click()
  await flushPromises()
}

// Element Plus renders slowly in jsdom on a busy machine; the timeout is generous, nothing is timed.
describe('SimpleDesigner', { timeout: 30_000 }, () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
    http.defaults.adapter = mockAdapter(async () => ({ status: 404, data: '' }))
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('inserts an approver after the start node, summarises it and opens its drawer', async () => {
    const { wrapper, model, changes } = mountDesigner()
    await insert(wrapper, 'add-after-start', 'APPROVER')
    const approver = model.value.root.next!
    expect(approver.type).toBe('APPROVER')
    expect(changes()).toBe(1)
    expect(wrapper.get(`[data-testid="summary-${approver.id}"]`).text()).toBe('班级辅导员 · 或签')
    expect(document.body.querySelector('node-config-editor-stub')).not.toBeNull()
    expect(wrapper.get('[data-testid="designer-status"]').text()).toBe('流程配置完整')
  })

  it('builds condition branches with a nested approver and reports the missing condition', async () => {
    const { wrapper, model } = mountDesigner()
    await insert(wrapper, 'add-after-start', 'CONDITION')
    const gateway = model.value.root.next!
    await wrapper.get(`[data-testid="add-branch-${gateway.id}"]`).trigger('click')
    expect(gateway.branches!.map((b) => b.condition)).toEqual(['', '', null])
    await insert(wrapper, `add-in-${gateway.branches![0].id}`, 'APPROVER')
    expect(gateway.branches![0].next?.type).toBe('APPROVER')
    expect(wrapper.findAll('[data-testid^="branch-b_"]')).toHaveLength(3)
    // two branches without a condition are flagged on their cards
    expect(wrapper.findAll('.branch-card.invalid')).toHaveLength(2)
    gateway.branches![0].condition = 'days > 3'
    gateway.branches![1].condition = 'days > 10'
    await flushPromises()
    expect(wrapper.findAll('.branch-card.invalid')).toHaveLength(0)
    const json = serializeModel(model.value)
    expect(json.root.next!.branches![0].next!.config!.assignee).toEqual({ rule: 'POSITION', position: 'class-counsellor' })
  })

  it('removes a node with its delete button', async () => {
    const { wrapper, model } = mountDesigner()
    await insert(wrapper, 'add-after-start', 'CC')
    const cc = model.value.root.next!
    await wrapper.get(`[data-testid="remove-${cc.id}"]`).trigger('click')
    await flushPromises()
    expect(model.value.root.next).toBeNull()
    expect(wrapper.get('[data-testid="designer-status"]').text()).toContain('1')
  })

  it('read-only shows no insert or delete buttons', () => {
    const { wrapper } = mountDesigner(true)
    expect(wrapper.find('[data-testid="add-after-start"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="node-start"]').exists()).toBe(true)
  })
})
