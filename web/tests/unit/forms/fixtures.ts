import { definitionOf, type FieldLayout, type FormDefinition, type FormLayout } from '@/components/forms/formModel'

export const UUID_A = '0b6f1f7e-3c44-4f52-9a4e-0d2c1e8f7a01'
export const UUID_B = '6a1c9a7e-2b31-4c10-8d3e-5f9b7e2a4c02'
export const FILE = { id: UUID_A, name: 'invite.pdf', size: 2048, contentType: 'application/pdf' }

export const itemsTable: FieldLayout = {
  key: 'items',
  widget: 'table',
  label: { 'zh-CN': '费用明细', 'en-US': 'Expenses' },
  minRows: 1,
  maxRows: 200,
  columns: [
    { key: 'name', widget: 'text', label: { 'zh-CN': '项目', 'en-US': 'Item' }, required: true },
    { key: 'price', widget: 'money', label: { 'zh-CN': '单价', 'en-US': 'Price' }, required: true, minimum: 0 },
    { key: 'qty', widget: 'number', label: { 'zh-CN': '数量', 'en-US': 'Quantity' }, minimum: 1 },
    { key: 'amount', widget: 'computed', label: { 'zh-CN': '小计', 'en-US': 'Subtotal' }, compute: 'row.price * row.qty' },
  ],
}

/** A business-trip application using the common widgets. */
export const tripLayout: FormLayout = {
  version: 1,
  fields: [
    { key: 'intro', widget: 'description', label: { 'zh-CN': '填写说明', 'en-US': 'Notes' }, description: { 'zh-CN': '请如实填写出差信息', 'en-US': 'Fill in the trip truthfully' } },
    { key: 'name', widget: 'text', label: { 'zh-CN': '姓名', 'en-US': 'Name' }, required: true, prefill: { source: 'profile.name', locked: true }, span: 12 },
    { key: 'phone', widget: 'text', label: { 'zh-CN': '手机', 'en-US': 'Phone' }, pattern: '^1\\d{10}$', span: 12 },
    {
      key: 'type',
      widget: 'radio',
      label: { 'zh-CN': '类型', 'en-US': 'Type' },
      required: true,
      options: [
        { value: 'local', label: { 'zh-CN': '境内', 'en-US': 'Domestic' } },
        { value: 'abroad', label: { 'zh-CN': '境外', 'en-US': 'Abroad' } },
      ],
    },
    { key: 'country', widget: 'text', label: { 'zh-CN': '国家/地区', 'en-US': 'Country' }, visibleWhen: "type == 'abroad'", required: true },
    { key: 'range', widget: 'daterange', label: { 'zh-CN': '起止日期', 'en-US': 'Dates' }, required: true },
    { key: 'days', widget: 'computed', label: { 'zh-CN': '天数', 'en-US': 'Days' }, compute: 'days(range)' },
    { key: 'reason', widget: 'textarea', label: { 'zh-CN': '事由', 'en-US': 'Reason' }, maxLength: 20, requiredWhen: 'days > 3', help: { 'zh-CN': '超过 3 天必填', 'en-US': 'Required above 3 days' } },
    itemsTable,
    { key: 'total', widget: 'computed', label: { 'zh-CN': '合计', 'en-US': 'Total' }, compute: 'sum(items.amount)' },
  ],
}

export function tripDefinition(): FormDefinition {
  return definitionOf(structuredClone(tripLayout))
}
