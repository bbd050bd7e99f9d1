import { describe, expect, it } from 'vitest'
import {
  applyComputed,
  checkLayout,
  fieldSchema,
  fieldStates,
  layoutToSchema,
  submittableData,
  validateForm,
  WIDGETS,
  type FieldLayout,
  type WidgetType,
} from '@/components/forms/formModel'
import { FILE, itemsTable, tripDefinition, tripLayout, UUID_A, UUID_B } from './fixtures'

const label = { 'zh-CN': '字段', 'en-US': 'Field' }
const options = [
  { value: 'a', label: { 'zh-CN': '甲' } },
  { value: 'b', label: { 'zh-CN': '乙' } },
]

/** One field per widget with its expected schema (the contract's widget → schema mapping). */
const EXPECTED: Record<WidgetType, [Partial<FieldLayout>, Record<string, unknown>]> = {
  text: [{ maxLength: 50, pattern: '^\\S+$', format: 'email' }, { type: 'string', maxLength: 50, pattern: '^\\S+$', format: 'email' }],
  textarea: [{ minLength: 5 }, { type: 'string', minLength: 5 }],
  number: [{ minimum: 1, maximum: 9 }, { type: 'number', minimum: 1, maximum: 9 }],
  money: [{ minimum: 0 }, { type: 'number', multipleOf: 0.01, minimum: 0 }],
  date: [{}, { type: 'string', format: 'date' }],
  datetime: [{}, { type: 'string', format: 'date-time' }],
  daterange: [{}, { type: 'array', items: { type: 'string', format: 'date' }, minItems: 2, maxItems: 2 }],
  select: [{ options }, { type: 'string', enum: ['a', 'b'] }],
  radio: [{ options }, { type: 'string', enum: ['a', 'b'] }],
  checkbox: [{ options }, { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, uniqueItems: true }],
  person: [{}, { type: 'string', format: 'uuid' }],
  org: [{}, { type: 'string', format: 'uuid' }],
  file: [{ file: { maxFiles: 3 } }, { type: 'array', maxItems: 3 }],
  image: [{}, { type: 'array' }],
  signature: [{}, { type: 'object', required: ['id', 'name', 'size', 'contentType'] }],
  richtext: [{ maxLength: 2000 }, { type: 'string', maxLength: 2000 }],
  table: [
    { columns: itemsTable.columns, minRows: 1, maxRows: 200 },
    { type: 'array', minItems: 1, maxItems: 200, items: { type: 'object', required: ['name', 'price'] } },
  ],
  computed: [{ compute: '1 + 1' }, { type: 'number' }],
  description: [{}, {}],
}

describe('schema generation from the layout', () => {
  it.each(WIDGETS.map((w) => [w]))('maps the %s widget', (widget) => {
    const [extra, expected] = EXPECTED[widget]
    const schema = fieldSchema({ key: 'f', widget, label: widget === 'description' ? {} : label, ...extra })
    expect(schema).toMatchObject(widget === 'description' ? {} : { title: '字段', ...expected })
    if (widget === 'description') expect(schema).toEqual({})
  })

  it('describes file objects and table columns fully', () => {
    const file = fieldSchema({ key: 'f', widget: 'file', label })
    expect(file.items).toMatchObject({ type: 'object', properties: { id: { type: 'string', format: 'uuid' }, size: { type: 'integer' } } })
    const table = fieldSchema(itemsTable)
    expect((table.items as { properties: Record<string, unknown> }).properties).toEqual({
      name: { title: '项目', type: 'string' },
      price: { title: '单价', type: 'number', multipleOf: 0.01, minimum: 0 },
      qty: { title: '数量', type: 'number', minimum: 1 },
      amount: { title: '小计', type: 'number' },
    })
  })

  it('builds the form schema: 2020-12, data fields only, required list', () => {
    const schema = layoutToSchema(tripLayout)
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.type).toBe('object')
    expect(Object.keys(schema.properties as object)).toEqual(['name', 'phone', 'type', 'country', 'range', 'days', 'reason', 'items', 'total'])
    expect(schema.required).toEqual(['name', 'type', 'country', 'range'])
    expect(layoutToSchema({ version: 1, fields: [] })).not.toHaveProperty('required')
  })
})

describe('layout checks', () => {
  it('accepts the trip form', () => {
    expect(checkLayout(tripLayout)).toEqual([])
  })

  it('reports keys, labels, options, expressions and table columns with their paths', () => {
    const issues = checkLayout({
      version: 1,
      fields: [
        { key: '1bad', widget: 'text', label: { 'zh-CN': 'x' } },
        { key: 'dup', widget: 'text', label: { 'zh-CN': 'x' } },
        { key: 'dup', widget: 'select', label: {}, options: [] },
        { key: 'calc', widget: 'computed', label: { 'zh-CN': 'x' }, compute: 'sum(items.amount' },
        { key: 'row', widget: 'number', label: { 'zh-CN': 'x' }, minimum: 5, maximum: 1, visibleWhen: 'a ==' },
        { key: 't', widget: 'table', label: { 'zh-CN': 'x' }, columns: [{ key: 'f', widget: 'file', label: { 'zh-CN': 'x' } }] },
        { key: 'w', widget: 'slider', label: { 'zh-CN': 'x' } },
      ],
    })
    expect(issues.map((i) => `${i.path}:${i.code}`)).toEqual([
      'fields[0].key:key',
      'fields[2].key:duplicateKey',
      'fields[2].label:label',
      'fields[2].options:optionsMissing',
      'fields[3].compute:expression',
      'fields[4].key:key',
      'fields[4].visibleWhen:expression',
      'fields[4].maximum:range',
      'fields[5].columns[0].widget:columnWidget',
      'fields[6].widget:widget',
    ])
    expect(issues[4]!.params).toMatchObject({ position: 17 })
    expect(checkLayout({ fields: 'x' })).toEqual([{ path: 'layout', code: 'layoutShape' }])
  })
})

describe('runtime rules', () => {
  it('computes fields and table columns, returning the same object when nothing changes', () => {
    const definition = tripDefinition()
    const data = {
      range: ['2026-11-23', '2026-11-27'],
      items: [
        { name: '机票', price: 1200.5, qty: 2 },
        { name: '住宿', price: 0.1, qty: 3 },
      ],
    }
    const computed = applyComputed(definition.layout, data)
    expect(computed.days).toBe(5)
    expect((computed.items as { amount: number }[]).map((r) => r.amount)).toEqual([2401, 0.3])
    expect(computed.total).toBe(2401.3)
    expect(applyComputed(definition.layout, computed)).toBe(computed)
  })

  it('derives visibility, required-ness and access', () => {
    const definition = tripDefinition()
    let states = fieldStates(definition, { type: 'local', days: 2 })
    expect(states.country!.visible).toBe(false)
    expect(states.reason!.required).toBe(false)
    expect(states.days!.access).toBe('READONLY')
    states = fieldStates(definition, { type: 'abroad', days: 4 }, { access: { phone: 'HIDDEN', reason: 'READONLY' }, locked: new Set(['name']) })
    expect(states.country!.visible).toBe(true)
    expect(states.reason).toEqual({ visible: true, required: true, access: 'READONLY' })
    expect(states.phone!.visible).toBe(false)
    expect(states.name!.access).toBe('READONLY')
    expect(fieldStates(definition, {}, { defaultAccess: 'READONLY' }).type!.access).toBe('READONLY')
  })

  it('validates like the schema: required, requiredWhen, lengths, pattern, formats, ranges and table cells', () => {
    const definition = tripDefinition()
    const errors = validateForm(definition, {
      name: '张三',
      phone: '123',
      type: 'abroad',
      range: ['2026-11-27', '2026-11-23'],
      days: 5,
      reason: '这是一段超过二十个字的出差事由说明，用来检查最大长度的限制',
      items: [
        { name: '机票', price: 12.345, qty: 0 },
        { name: '', price: null, qty: 1 },
      ],
    })
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'phone:pattern',
      'country:required',
      'range:rangeOrder',
      'reason:maxLength',
      'items[0].price:multipleOf',
      'items[0].qty:minimum',
      'items[1].name:required',
      'items[1].price:required',
    ])
  })

  it('checks formats of dates, date-times, ids, emails and the item limits of arrays', () => {
    const layout = {
      version: 1 as const,
      fields: [
        { key: 'd', widget: 'date' as const, label },
        { key: 'dt', widget: 'datetime' as const, label },
        { key: 'p', widget: 'person' as const, label },
        { key: 'e', widget: 'text' as const, label, format: 'email' as const },
        { key: 'f', widget: 'file' as const, label, file: { maxFiles: 1 } },
        { key: 'c', widget: 'checkbox' as const, label, options },
        { key: 's', widget: 'signature' as const, label },
      ],
    }
    const definition = { schema: layoutToSchema(layout), layout }
    const bad = validateForm(definition, { d: '2026-02-30', dt: '2026-11-23 08:00', p: 'zhang', e: 'a@b', f: [FILE, FILE], c: ['a', 'z'] })
    expect(bad.map((e) => `${e.field}:${e.code}`)).toEqual(['d:format', 'dt:format', 'p:format', 'e:format', 'f:maxItems', 'c[1]:enum'])
    const good = validateForm(definition, {
      d: '2024-02-29',
      dt: '2026-11-23T08:00:00+08:00',
      p: UUID_B,
      e: 'zhang@example.edu.cn',
      f: [FILE],
      c: ['a'],
      s: { ...FILE, id: UUID_A },
    })
    expect(good).toEqual([])
  })

  it('does not check hidden or read-only fields (the server keeps their values)', () => {
    const definition = tripDefinition()
    const errors = validateForm(definition, { items: [{ name: 'x', price: 1 }] }, { access: { name: 'HIDDEN', type: 'READONLY', range: 'READONLY' } })
    expect(errors).toEqual([])
  })

  it('submits visible data without empty values', () => {
    const definition = tripDefinition()
    const data = submittableData(definition, {
      name: '张三',
      phone: '',
      type: 'local',
      country: '日本',
      reason: null,
      items: [{ name: '机票', price: 10, qty: null, amount: 0 }],
    })
    expect(data).toEqual({ name: '张三', type: 'local', items: [{ name: '机票', price: 10, amount: 0 }] })
  })
})
