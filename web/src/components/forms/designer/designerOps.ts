/** The designer's edit operations on a layout, as pure functions (every one returns a new layout). */
import {
  DEFAULT_FILE_ACCEPT,
  DEFAULT_IMAGE_ACCEPT,
  FIELD_KEY,
  type FieldLayout,
  type FormLayout,
  type Localized,
  type WidgetType,
} from '../formModel'

/** Localized text for a message key in both languages (the designer passes vue-i18n's t with a locale). */
export type Bilingual = (key: string, params?: Record<string, unknown>) => Localized

/** Drag data types: a widget from the palette, a field index from the canvas. */
export const WIDGET_MIME = 'application/x-onecampus-widget'
export const FIELD_MIME = 'application/x-onecampus-field'

export function emptyLayout(): FormLayout {
  return { version: 1, fields: [] }
}

/** A key not used yet: `text_1`, `text_2` … */
export function uniqueKey(base: string, taken: readonly string[]): string {
  const stem = FIELD_KEY.test(base) ? base.replace(/_\d+$/, '') : 'field'
  for (let n = 1; ; n++) {
    const key = `${stem}_${n}`
    if (!taken.includes(key)) return key
  }
}

function option(n: number, text: Bilingual) {
  return { value: `option${n}`, label: text('forms.designer.defaults.option', { n }) }
}

/** A new field of `widget` with sensible defaults and a unique key. */
export function newField(widget: WidgetType, taken: readonly string[], text: Bilingual): FieldLayout {
  const field: FieldLayout = { key: uniqueKey(widget, taken), widget, label: text(`forms.widgets.${widget}`), span: 24 }
  switch (widget) {
    case 'select':
    case 'radio':
    case 'checkbox':
      field.options = [option(1, text), option(2, text)]
      break
    case 'file':
      field.file = { accept: [...DEFAULT_FILE_ACCEPT], maxSizeMb: 10, maxFiles: 5 }
      break
    case 'image':
      field.file = { accept: [...DEFAULT_IMAGE_ACCEPT], maxSizeMb: 10, maxFiles: 3 }
      break
    case 'table':
      field.columns = [
        { key: 'name', widget: 'text', label: text('forms.designer.defaults.itemName'), required: true },
        { key: 'amount', widget: 'money', label: text('forms.designer.defaults.itemAmount'), required: true, minimum: 0 },
      ]
      field.minRows = 1
      field.maxRows = 200
      break
    case 'computed':
      field.compute = '0'
      break
    case 'description':
      field.description = text('forms.designer.defaults.description')
      break
    default:
      break
  }
  return field
}

export function insertField(layout: FormLayout, field: FieldLayout, index: number = layout.fields.length): FormLayout {
  const fields = [...layout.fields]
  fields.splice(Math.max(0, Math.min(index, fields.length)), 0, field)
  return { ...layout, fields }
}

/** Moves the field at `from` so that it lands before the field that was at `to` (`to` = length: the end). */
export function moveField(layout: FormLayout, from: number, to: number): FormLayout {
  if (from < 0 || from >= layout.fields.length) return layout
  const fields = [...layout.fields]
  const [field] = fields.splice(from, 1)
  const target = to > from ? to - 1 : to
  fields.splice(Math.max(0, Math.min(target, fields.length)), 0, field!)
  return { ...layout, fields }
}

export function removeField(layout: FormLayout, index: number): FormLayout {
  return { ...layout, fields: layout.fields.filter((_, i) => i !== index) }
}

/** A copy right after the original, under a new key. */
export function duplicateField(layout: FormLayout, index: number): FormLayout {
  const original = layout.fields[index]
  if (!original) return layout
  const copy: FieldLayout = { ...structuredClone(original), key: uniqueKey(original.key, layout.fields.map((f) => f.key)) }
  return insertField(layout, copy, index + 1)
}

export function replaceField(layout: FormLayout, index: number, field: FieldLayout): FormLayout {
  return { ...layout, fields: layout.fields.map((f, i) => (i === index ? field : f)) }
}

/** Drops empty optional properties (blank texts, empty localized maps) so the JSON stays clean. */
export function tidyField(field: FieldLayout): FieldLayout {
  const result: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(field)) {
    if (value === undefined || value === null || value === '') continue
    if (name !== 'label' && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null && v !== '')
      if (entries.length === 0) continue
      result[name] = Object.fromEntries(entries)
      continue
    }
    result[name] = value
  }
  return result as unknown as FieldLayout
}

/** Names an expression in this form may read: field keys, table columns, `row.*` inside a table, `applicant.*`. */
export function knownNames(layout: FormLayout, table?: FieldLayout): string[] {
  const names = ['applicant.affiliationType', 'applicant.unit']
  for (const field of layout.fields) {
    if (field.widget === 'description') continue
    names.push(field.key)
    if (field.widget === 'table') for (const column of field.columns ?? []) names.push(`${field.key}.${column.key}`)
  }
  if (table) for (const column of table.columns ?? []) names.push(`row.${column.key}`)
  return names
}

/** The profile prefill sources of the contract (namespace `profile`). */
export const PREFILL_SOURCES = [
  'profile.name',
  'profile.number',
  'profile.affiliationType',
  'profile.unit',
  'profile.college',
  'profile.major',
  'profile.class',
  'profile.phone',
  'profile.email',
  'profile.counsellor',
  'profile.supervisor',
  'profile.classAdvisor',
  'profile.homeUnit',
] as const
