import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus, { ElSelect } from 'element-plus'
import { defineComponent, h, ref } from 'vue'
import { http } from '@/api/http'
import { i18n } from '@/locales'
import NodeConfigEditor from '@/components/process/NodeConfigEditor.vue'
import { serializeConfig, validateModel, emptyModel, type NodeConfig } from '@/components/process/model'
import { mockAdapter } from '../support/mockAdapter'

const fields = [
  { key: 'host', widget: 'person', label: { 'zh-CN': '接待人', 'en-US': 'Host' } },
  { key: 'fundingUnit', widget: 'org', label: { 'zh-CN': '经费单位', 'en-US': 'Unit paying for the trip' } },
  { key: 'reason', widget: 'textarea', label: { 'zh-CN': '事由', 'en-US': 'Reason' } },
]

function mountEditor(initial: NodeConfig) {
  const config = ref<NodeConfig>(initial)
  const Host = defineComponent({
    setup: () => () =>
      h(NodeConfigEditor, {
        modelValue: config.value,
        'onUpdate:modelValue': (value: NodeConfig) => (config.value = value),
        type: 'APPROVER',
        fields,
      }),
  })
  const wrapper = mount(Host, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
  return { wrapper, config }
}

/** The Element Plus select carrying the test id (its root element has the attribute). */
function select(wrapper: VueWrapper, testId: string) {
  const found = wrapper.findAllComponents(ElSelect).find((s) => s.attributes('data-testid') === testId)
  if (!found) throw new Error(`no select ${testId}`)
  return found
}

async function choose(wrapper: VueWrapper, testId: string, value: string) {
  select(wrapper, testId).vm.$emit('update:modelValue', value)
  await flushPromises()
}

/** The option labels the select offers, from its rendered dropdown. */
function optionLabels(wrapper: VueWrapper, testId: string): string[] {
  return select(wrapper, testId)
    .findAllComponents({ name: 'ElOption' })
    .map((o) => String(o.props('label')))
}

// Element Plus renders slowly in jsdom on a busy machine; the timeout is generous, nothing is timed.
describe('NodeConfigEditor approver rules', { timeout: 30_000 }, () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
    http.defaults.adapter = mockAdapter(async () => ({ status: 200, data: [] }))
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('writes an ORG_FIELD rule: an org field of the form and a position kind at that unit', async () => {
    const { wrapper, config } = mountEditor({ assignee: { rule: 'PERSONS', persons: [] } })
    await flushPromises()
    await choose(wrapper, 'assignee-rule', 'ORG_FIELD')
    expect(config.value.assignee).toEqual({ rule: 'ORG_FIELD', kind: 'HEAD' })

    // only org fields are offered, by their label
    expect(optionLabels(wrapper, 'assignee-org-field')).toEqual(['经费单位'])
    expect(optionLabels(wrapper, 'assignee-org-kind')).toContain('副职负责人')
    await choose(wrapper, 'assignee-org-field', 'fundingUnit')
    await choose(wrapper, 'assignee-org-kind', 'DEPUTY_HEAD')

    expect(serializeConfig('APPROVER', config.value).assignee).toEqual({
      rule: 'ORG_FIELD',
      field: 'fundingUnit',
      kind: 'DEPUTY_HEAD',
    })
    expect(wrapper.text()).toContain('组织机构字段')
    wrapper.unmount()
  })

  it('writes a FORM_FIELD rule with an optional position relative to the person in the field', async () => {
    const { wrapper, config } = mountEditor({ assignee: { rule: 'PERSONS', persons: [] } })
    await flushPromises()
    await choose(wrapper, 'assignee-rule', 'FORM_FIELD')
    expect(optionLabels(wrapper, 'assignee-field')).toEqual(['接待人'])
    await choose(wrapper, 'assignee-field', 'host')
    expect(serializeConfig('APPROVER', config.value).assignee).toEqual({ rule: 'FORM_FIELD', field: 'host' })

    expect(optionLabels(wrapper, 'assignee-field-position')).toContain('所在单位负责人')
    await choose(wrapper, 'assignee-field-position', 'unit-head')
    expect(serializeConfig('APPROVER', config.value).assignee).toEqual({
      rule: 'FORM_FIELD',
      field: 'host',
      position: 'unit-head',
    })

    // back to the person themselves: the position goes away
    await choose(wrapper, 'assignee-field-position', '')
    expect(serializeConfig('APPROVER', config.value).assignee).toEqual({ rule: 'FORM_FIELD', field: 'host' })
    wrapper.unmount()
  })

  it('shows the English labels', async () => {
    i18n.global.locale.value = 'en-US'
    const { wrapper } = mountEditor({ assignee: { rule: 'ORG_FIELD', field: 'fundingUnit', kind: 'HEAD' } })
    await flushPromises()
    expect(wrapper.text()).toContain('Org unit field')
    expect(wrapper.text()).toContain('Position at that unit')
    wrapper.unmount()
  })
})

describe('ORG_FIELD validation', () => {
  it('needs a field and a known position kind', () => {
    const model = emptyModel()
    model.root.next = {
      id: 'funding',
      type: 'APPROVER',
      name: { 'zh-CN': '经费单位审核', 'en-US': 'Funding unit review' },
      config: { assignee: { rule: 'ORG_FIELD', kind: 'BOSS' } },
      next: null,
    }
    const codes = validateModel(model).map((e) => e.code)
    expect(codes).toContain('orgFieldMissing')
    expect(codes).toContain('kindMissing')
    model.root.next.config = { assignee: { rule: 'ORG_FIELD', field: 'fundingUnit', kind: 'HEAD' } }
    expect(validateModel(model)).toEqual([])
  })
})
