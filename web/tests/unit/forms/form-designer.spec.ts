import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { defineComponent, h, ref } from 'vue'
import ElementPlus from 'element-plus'
import { http } from '@/api/http'
import { i18n } from '@/locales'
import FormDesigner from '@/components/forms/FormDesigner.vue'
import { checkLayout, layoutToSchema, type FormLayout } from '@/components/forms/formModel'
import {
  duplicateField,
  emptyLayout,
  FIELD_MIME,
  insertField,
  knownNames,
  moveField,
  newField,
  removeField,
  tidyField,
  uniqueKey,
  WIDGET_MIME,
  type Bilingual,
} from '@/components/forms/designer/designerOps'
import { mockAdapter } from '../../support/mockAdapter'
import { tripLayout } from './fixtures'

vi.setConfig({ testTimeout: 60_000 })

const text: Bilingual = (key) => ({ 'zh-CN': `zh:${key}`, 'en-US': `en:${key}` })

function keys(layout: FormLayout): string[] {
  return layout.fields.map((f) => f.key)
}

describe('designer operations', () => {
  it('adds fields with unique keys and defaults that pass the layout checks', () => {
    let layout = emptyLayout()
    for (const widget of ['text', 'text', 'select', 'table', 'file', 'computed', 'description'] as const) {
      layout = insertField(layout, newField(widget, keys(layout), text))
    }
    expect(keys(layout)).toEqual(['text_1', 'text_2', 'select_1', 'table_1', 'file_1', 'computed_1', 'description_1'])
    expect(layout.fields[2]!.options).toHaveLength(2)
    expect(layout.fields[3]!.columns!.map((c) => c.key)).toEqual(['name', 'amount'])
    expect(layout.fields[4]!.file).toEqual({ accept: ['.pdf', '.jpg', '.jpeg', '.png', '.docx', '.xlsx'], maxSizeMb: 10, maxFiles: 5 })
    expect(checkLayout(layout)).toEqual([])
    expect(uniqueKey('text_1', ['text_1'])).toBe('text_2')
  })

  it('moves, duplicates and removes', () => {
    let layout = { version: 1 as const, fields: ['a', 'b', 'c', 'd'].map(() => newField('text', [], text)).map((f, i) => ({ ...f, key: 'abcd'[i]! })) }
    expect(keys(moveField(layout, 0, 2))).toEqual(['b', 'a', 'c', 'd'])
    expect(keys(moveField(layout, 3, 0))).toEqual(['d', 'a', 'b', 'c'])
    expect(keys(moveField(layout, 1, 4))).toEqual(['a', 'c', 'd', 'b'])
    layout = duplicateField(layout, 1)
    expect(keys(layout)).toEqual(['a', 'b', 'b_1', 'c', 'd'])
    expect(keys(removeField(layout, 0))).toEqual(['b', 'b_1', 'c', 'd'])
  })

  it('tidies empty properties and lists the names expressions may use', () => {
    expect(tidyField({ key: 'a', widget: 'text', label: { 'zh-CN': 'A' }, help: { 'zh-CN': '', 'en-US': '' }, pattern: '', maxLength: undefined })).toEqual({
      key: 'a',
      widget: 'text',
      label: { 'zh-CN': 'A' },
    })
    const items = tripLayout.fields.find((f) => f.key === 'items')!
    expect(knownNames(tripLayout, items)).toEqual(expect.arrayContaining(['applicant.unit', 'range', 'items.price', 'row.qty']))
    expect(knownNames(tripLayout)).not.toContain('intro')
  })
})

function mountDesigner(initial: FormLayout = emptyLayout()) {
  const layout = ref<FormLayout>(initial)
  const designer = ref<InstanceType<typeof FormDesigner> | null>(null)
  const Host = defineComponent({
    setup: () => () => h(FormDesigner, { ref: designer, modelValue: layout.value, 'onUpdate:modelValue': (v: FormLayout) => (layout.value = v) }),
  })
  const wrapper = mount(Host, { global: { plugins: [createPinia(), i18n, ElementPlus] }, attachTo: document.body })
  return { wrapper, layout, designer }
}

/** Element Plus puts data-* attributes on the native input of el-input, on the root of others. */
function control(wrapper: ReturnType<typeof mount>, testId: string, tag = 'input') {
  const own = wrapper.find(`${tag}[data-testid="${testId}"]`)
  return own.exists() ? own : wrapper.find(`[data-testid="${testId}"] ${tag}`)
}

function transfer(data: Record<string, string>) {
  return { getData: (type: string) => data[type] ?? '', setData: () => undefined, effectAllowed: 'all' }
}

describe('FormDesigner', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
    http.defaults.adapter = mockAdapter(() => ({ status: 404 }))
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('adds widgets from the palette by click and by drop, and reorders by dragging', async () => {
    const { wrapper, layout } = mountDesigner()
    await flushPromises()
    await wrapper.find('[data-widget="text"]').trigger('click')
    await wrapper.find('[data-widget="money"]').trigger('click')
    expect(keys(layout.value)).toEqual(['text_1', 'money_1'])
    expect(layout.value.fields[0]!.label).toEqual({ 'zh-CN': '单行文本', 'en-US': 'Text' })

    // Drop a date onto the first field's upper half: it lands first.
    const first = wrapper.findAll('[data-testid="canvas-field"]')[0]!
    await first.trigger('dragover', { dataTransfer: transfer({}), clientY: -1 })
    await first.trigger('drop', { dataTransfer: transfer({ [WIDGET_MIME]: 'date' }) })
    expect(keys(layout.value)).toEqual(['date_1', 'text_1', 'money_1'])

    // Drag the last field (money) onto the canvas background: it goes to the end; onto the first: before it.
    const fields = () => wrapper.findAll('[data-testid="canvas-field"]')
    await fields()[0]!.trigger('dragover', { dataTransfer: transfer({}), clientY: -1 })
    await fields()[0]!.trigger('drop', { dataTransfer: transfer({ [FIELD_MIME]: '2' }) })
    expect(keys(layout.value)).toEqual(['money_1', 'date_1', 'text_1'])
    await wrapper.find('[data-testid="canvas"]').trigger('dragover', { dataTransfer: transfer({}) })
    await wrapper.find('[data-testid="canvas"]').trigger('drop', { dataTransfer: transfer({ [FIELD_MIME]: '0' }) })
    expect(keys(layout.value)).toEqual(['date_1', 'text_1', 'money_1'])
  })

  it('moves and deletes with the field buttons', async () => {
    const { wrapper, layout } = mountDesigner()
    await flushPromises()
    for (const widget of ['text', 'number', 'date']) await wrapper.find(`[data-widget="${widget}"]`).trigger('click')
    const down = wrapper.findAll('[data-testid="canvas-field"]')[0]!.findAll('.field-ops .el-button')[1]!
    await down.trigger('click')
    expect(keys(layout.value)).toEqual(['number_1', 'text_1', 'date_1'])
    await wrapper.findAll('[data-testid="delete-field"]')[2]!.trigger('click')
    expect(keys(layout.value)).toEqual(['number_1', 'text_1'])
  })

  it('edits properties into the layout, regenerates the schema and checks expressions inline', async () => {
    const { wrapper, layout, designer } = mountDesigner()
    await flushPromises()
    await wrapper.find('[data-widget="text"]').trigger('click')
    await flushPromises()
    await control(wrapper, 'prop-key').setValue('reason')
    await control(wrapper, 'prop-label-zh').setValue('事由')
    await control(wrapper, 'prop-label-en').setValue('Reason')
    await control(wrapper, 'prop-required').setValue(true)
    await control(wrapper, 'prop-visible-when').setValue('days > ')
    await flushPromises()
    expect(wrapper.find('[data-testid="expression-error"]').text()).toContain('第 8 个字符')
    expect(wrapper.find('[data-testid="issue-count"]').text()).toBe('1 个问题需要处理')
    // Parses, but `days` is no field of this form: the server would refuse it, so it blocks saving here too.
    await control(wrapper, 'prop-visible-when').setValue('days > 3')
    await flushPromises()
    expect(designer.value!.issues).toEqual([{ path: 'fields[0].visibleWhen', code: 'reference', params: { names: 'days' } }])
    await control(wrapper, 'prop-visible-when').setValue('len(reason) > 3')
    await flushPromises()
    expect(wrapper.find('[data-testid="issue-count"]').exists()).toBe(false)
    expect(layout.value.fields[0]).toEqual({
      key: 'reason',
      widget: 'text',
      label: { 'zh-CN': '事由', 'en-US': 'Reason' },
      span: 24,
      required: true,
      visibleWhen: 'len(reason) > 3',
    })
    expect(layoutToSchema(layout.value)).toMatchObject({ properties: { reason: { type: 'string', title: '事由' } }, required: ['reason'] })
  })

  it('shows the JSON and applies edited JSON after checking it', async () => {
    const { wrapper, layout } = mountDesigner(structuredClone(tripLayout))
    await flushPromises()
    const tabs = wrapper.findAll('.el-tabs__item')
    await tabs[2]!.trigger('click')
    await flushPromises()
    const textarea = control(wrapper, 'json-text', 'textarea')
    const shown = JSON.parse((textarea.element as HTMLTextAreaElement).value)
    expect(shown.schema).toEqual(layoutToSchema(tripLayout))
    expect(shown.layout).toEqual(tripLayout)

    await textarea.setValue(JSON.stringify({ layout: { version: 1, fields: [{ key: 'x y', widget: 'text', label: { 'zh-CN': 'X' } }] } }))
    await wrapper.find('[data-testid="json-apply"]').trigger('click')
    expect(wrapper.find('.json-problems').text()).toContain('fields[0].key')
    expect(layout.value.fields).toHaveLength(tripLayout.fields.length)

    await textarea.setValue(JSON.stringify({ layout: { version: 1, fields: [{ key: 'xy', widget: 'date', label: { 'zh-CN': 'X' } }] } }))
    await wrapper.find('[data-testid="json-apply"]').trigger('click')
    expect(keys(layout.value)).toEqual(['xy'])
  })

  it('previews the form at phone width with the renderer', async () => {
    const { wrapper } = mountDesigner(structuredClone(tripLayout))
    await flushPromises()
    await wrapper.findAll('.el-tabs__item')[1]!.trigger('click')
    await flushPromises()
    const frame = wrapper.find('[data-testid="preview-frame"]')
    expect(frame.classes()).toContain('phone-frame')
    expect(frame.find('[data-testid="form-renderer"]').classes()).toContain('phone')
    expect(frame.find('[data-field="name"]').classes()).toContain('el-col-24')
  })
})
