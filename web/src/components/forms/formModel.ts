/**
 * Form definitions of the workflow contract: a layout document (what the designer edits) and the JSON Schema
 * 2020-12 generated from it, plus the client-side mirror of the server's validation.
 */
import { checkExpression, evaluateCondition, evaluateExpression, type ExprValue } from '@/utils/formExpressions'

export type FormLocale = 'zh-CN' | 'en-US'
export type Localized = Partial<Record<FormLocale, string>>
export type FieldAccess = 'EDITABLE' | 'READONLY' | 'HIDDEN'

export const WIDGETS = [
  'text',
  'textarea',
  'number',
  'money',
  'date',
  'datetime',
  'daterange',
  'select',
  'radio',
  'checkbox',
  'person',
  'org',
  'file',
  'image',
  'signature',
  'richtext',
  'table',
  'computed',
  'description',
] as const
export type WidgetType = (typeof WIDGETS)[number]

/** Widgets a sub-table column may use (one line per cell). */
export const COLUMN_WIDGETS: readonly WidgetType[] = ['text', 'number', 'money', 'date', 'select', 'person', 'org', 'computed']

export interface FieldOption {
  value: string
  label: Localized
}

export interface FileLimits {
  accept?: string[]
  maxSizeMb?: number
  maxFiles?: number
}

export interface FieldLayout {
  key: string
  widget: WidgetType
  label: Localized
  placeholder?: Localized
  help?: Localized
  description?: Localized
  span?: number
  options?: FieldOption[]
  codeSet?: string
  visibleWhen?: string
  requiredWhen?: string
  compute?: string
  prefill?: { source: string; locked?: boolean }
  file?: FileLimits
  columns?: FieldLayout[]
  minRows?: number
  maxRows?: number
  // Compatible extensions of the contract's layout (the designer's inputs for the generated schema):
  required?: boolean
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: 'email' | 'uri'
  minimum?: number
  maximum?: number
  /** computed: the type of the value (default number). */
  valueType?: 'number' | 'string'
}

export interface FormLayout {
  version: 1
  fields: FieldLayout[]
}

export type JsonSchema = Record<string, unknown>

export interface FormDefinition {
  schema: JsonSchema
  layout: FormLayout
}

export interface FileRef {
  id: string
  name: string
  size: number
  contentType: string
}

export interface PrefilledValue {
  value: unknown
  source: string
  asOf: string
  authoritative: boolean
}

export const FIELD_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/
export const RESERVED_KEYS = ['row', 'applicant', 'true', 'false', 'null']
export const DEFAULT_FILE_ACCEPT = ['.pdf', '.jpg', '.jpeg', '.png', '.docx', '.xlsx']
export const DEFAULT_IMAGE_ACCEPT = ['.jpg', '.jpeg', '.png', '.gif', '.webp']

export function localized(text: Localized | undefined, locale: string): string {
  if (!text) return ''
  return text[locale as FormLocale] || text['zh-CN'] || text['en-US'] || ''
}

// ------------------------------------------------------------------------------------------------ schema

const FILE_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    size: { type: 'integer', minimum: 0 },
    contentType: { type: 'string' },
  },
  required: ['id', 'name', 'size', 'contentType'],
}

function defined(entries: Record<string, unknown>): JsonSchema {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined && value !== ''))
}

/** Whether the widget stores data (everything but static description text). */
export function holdsData(field: FieldLayout): boolean {
  return field.widget !== 'description'
}

/** The JSON Schema of one field's value (the contract's widget → schema mapping). */
export function fieldSchema(field: FieldLayout): JsonSchema {
  const title = field.label?.['zh-CN'] || undefined
  const limits = { minimum: field.minimum, maximum: field.maximum }
  const enumOf = field.options && field.options.length > 0 && !field.codeSet ? field.options.map((o) => o.value) : undefined
  const uuid = { type: 'string', format: 'uuid' }
  switch (field.widget) {
    case 'text':
    case 'textarea':
      return defined({ title, type: 'string', minLength: field.minLength, maxLength: field.maxLength, pattern: field.pattern, format: field.format })
    case 'richtext':
      return defined({ title, type: 'string', maxLength: field.maxLength })
    case 'number':
      return defined({ title, type: 'number', ...limits })
    case 'money':
      return defined({ title, type: 'number', multipleOf: 0.01, ...limits })
    case 'date':
      return defined({ title, type: 'string', format: 'date' })
    case 'datetime':
      return defined({ title, type: 'string', format: 'date-time' })
    case 'daterange':
      return defined({ title, type: 'array', items: { type: 'string', format: 'date' }, minItems: 2, maxItems: 2 })
    case 'select':
    case 'radio':
      return defined({ title, type: 'string', enum: enumOf })
    case 'checkbox':
      return defined({ title, type: 'array', items: defined({ type: 'string', enum: enumOf }), uniqueItems: true })
    case 'person':
    case 'org':
      return defined({ title, ...uuid })
    case 'file':
    case 'image':
      return defined({ title, type: 'array', items: FILE_SCHEMA, maxItems: field.file?.maxFiles })
    case 'signature':
      return defined({ title, ...FILE_SCHEMA })
    case 'table': {
      const columns = (field.columns ?? []).filter(holdsData)
      const required = columns.filter((c) => c.required).map((c) => c.key)
      const items = defined({
        type: 'object',
        properties: Object.fromEntries(columns.map((c) => [c.key, fieldSchema(c)])),
        required: required.length > 0 ? required : undefined,
      })
      return defined({ title, type: 'array', items, minItems: field.minRows, maxItems: field.maxRows })
    }
    case 'computed':
      return defined({ title, type: field.valueType ?? 'number' })
    case 'description':
      return {}
  }
}

/** Generates the form's JSON Schema from its layout, so the two never disagree. */
export function layoutToSchema(layout: FormLayout): JsonSchema {
  const fields = layout.fields.filter(holdsData)
  const required = fields.filter((f) => f.required).map((f) => f.key)
  return defined({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.key, fieldSchema(f)])),
    required: required.length > 0 ? required : undefined,
  })
}

export function definitionOf(layout: FormLayout): FormDefinition {
  return { schema: layoutToSchema(layout), layout }
}

// ------------------------------------------------------------------------------------------------ layout checks

export interface LayoutIssue {
  /** `fields[2].key`, `fields[4].columns[1].compute` … */
  path: string
  /** i18n key under `forms.issues` */
  code: string
  params?: Record<string, unknown>
}

function checkFields(fields: FieldLayout[], prefix: string, inTable: boolean, issues: LayoutIssue[], known: ReadonlySet<string>): void {
  const seen = new Set<string>()
  fields.forEach((field, index) => {
    const at = `${prefix}[${index}]`
    if (!field || typeof field !== 'object') {
      issues.push({ path: at, code: 'notObject' })
      return
    }
    if (!(WIDGETS as readonly string[]).includes(field.widget)) {
      issues.push({ path: `${at}.widget`, code: 'widget', params: { widget: String(field.widget) } })
      return
    }
    if (inTable && !COLUMN_WIDGETS.includes(field.widget)) {
      issues.push({ path: `${at}.widget`, code: 'columnWidget', params: { widget: field.widget } })
    }
    if (typeof field.key !== 'string' || !FIELD_KEY.test(field.key) || RESERVED_KEYS.includes(field.key)) {
      issues.push({ path: `${at}.key`, code: 'key', params: { key: String(field.key) } })
    } else if (seen.has(field.key)) {
      issues.push({ path: `${at}.key`, code: 'duplicateKey', params: { key: field.key } })
    }
    seen.add(field.key)
    if (!field.label?.['zh-CN']?.trim()) issues.push({ path: `${at}.label`, code: 'label' })
    for (const property of ['visibleWhen', 'requiredWhen', 'compute'] as const) {
      const source = field[property]
      if (source === undefined || source === '') continue
      const check = checkExpression(String(source))
      if (!check.ok) {
        issues.push({ path: `${at}.${property}`, code: 'expression', params: { position: check.position + 1, message: check.message } })
        continue
      }
      // Like the server: every name must start with a field key, `applicant`, or `row` inside a table.
      const unknown = check.names.filter((name) => {
        const root = name.split('.')[0]!
        return !known.has(root) && root !== 'applicant' && !(inTable && root === 'row')
      })
      if (unknown.length > 0) issues.push({ path: `${at}.${property}`, code: 'reference', params: { names: unknown.join(', ') } })
    }
    if (field.widget === 'computed' && !field.compute?.trim()) issues.push({ path: `${at}.compute`, code: 'computeMissing' })
    if ((field.widget === 'select' || field.widget === 'radio' || field.widget === 'checkbox') && !field.codeSet) {
      const values = (field.options ?? []).map((o) => o.value)
      if (values.length === 0) issues.push({ path: `${at}.options`, code: 'optionsMissing' })
      if (values.some((v) => !v || !String(v).trim())) issues.push({ path: `${at}.options`, code: 'optionValue' })
      if (new Set(values).size !== values.length) issues.push({ path: `${at}.options`, code: 'optionDuplicate' })
    }
    if (field.minimum !== undefined && field.maximum !== undefined && field.minimum > field.maximum) {
      issues.push({ path: `${at}.maximum`, code: 'range' })
    }
    if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength) {
      issues.push({ path: `${at}.maxLength`, code: 'range' })
    }
    if (field.pattern) {
      try {
        new RegExp(field.pattern, 'u')
      } catch {
        issues.push({ path: `${at}.pattern`, code: 'pattern' })
      }
    }
    if (field.span !== undefined && (!Number.isInteger(field.span) || field.span < 1 || field.span > 24)) {
      issues.push({ path: `${at}.span`, code: 'span' })
    }
    if (field.widget === 'table') {
      const columns = field.columns ?? []
      if (columns.length === 0) issues.push({ path: `${at}.columns`, code: 'columnsMissing' })
      if (field.minRows !== undefined && field.maxRows !== undefined && field.minRows > field.maxRows) {
        issues.push({ path: `${at}.maxRows`, code: 'range' })
      }
      checkFields(columns, `${at}.columns`, true, issues, known)
    }
  })
}

/** Problems that stop a layout from being saved: keys, labels, options, limits, expression syntax. */
export function checkLayout(layout: unknown): LayoutIssue[] {
  const issues: LayoutIssue[] = []
  const value = layout as Partial<FormLayout> | null
  if (!value || typeof value !== 'object' || !Array.isArray(value.fields)) {
    return [{ path: 'layout', code: 'layoutShape' }]
  }
  const known = new Set(value.fields.map((f) => f?.key).filter((k): k is string => typeof k === 'string'))
  checkFields(value.fields, 'fields', false, issues, known)
  return issues
}

// ------------------------------------------------------------------------------------------------ runtime

/** The variables expressions see: the data, plus caller variables such as `applicant`. */
export function expressionVars(data: Record<string, unknown>, variables: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...data, ...variables }
}

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
}

function computedValue(field: FieldLayout, vars: Record<string, unknown>): ExprValue {
  try {
    const value = evaluateExpression(field.compute ?? '', vars)
    if (field.valueType === 'string') return value === null ? null : typeof value === 'string' ? value : String(value)
    return typeof value === 'number' ? value : null
  } catch {
    return null
  }
}

/**
 * Recomputes the `compute` expressions (top-level computed fields in layout order, then computed table columns
 * row by row). Returns the new data object, or the same object when nothing changed.
 */
export function applyComputed(
  layout: FormLayout,
  data: Record<string, unknown>,
  variables: Record<string, unknown> = {},
): Record<string, unknown> {
  let result = data
  const set = (key: string, value: unknown) => {
    if (result === data) result = { ...data }
    result[key] = value
  }
  for (const field of layout.fields) {
    if (field.widget === 'table') {
      const columns = (field.columns ?? []).filter((c) => c.widget === 'computed' && c.compute)
      const rows = result[field.key]
      if (columns.length === 0 || !Array.isArray(rows)) continue
      let changed = false
      const next = rows.map((row: Record<string, unknown>) => {
        let out = row
        for (const column of columns) {
          const value = computedValue(column, { ...expressionVars(result, variables), row: out })
          if (out[column.key] !== value) {
            if (out === row) out = { ...row }
            out[column.key] = value
            changed = true
          }
        }
        return out
      })
      if (changed) set(field.key, next)
    } else if (field.widget === 'computed' && field.compute) {
      const value = computedValue(field, expressionVars(result, variables))
      if (result[field.key] !== value) set(field.key, value)
    }
  }
  return result
}

export interface FieldState {
  visible: boolean
  required: boolean
  access: FieldAccess
}

export interface RuntimeContext {
  access?: Record<string, FieldAccess>
  defaultAccess?: FieldAccess
  variables?: Record<string, unknown>
  /** Field keys whose values are locked by authoritative prefill. */
  locked?: ReadonlySet<string>
}

function requiredKeys(schema: JsonSchema | undefined): string[] {
  const required = schema?.required
  return Array.isArray(required) ? required.filter((k): k is string => typeof k === 'string') : []
}

function propertySchema(schema: JsonSchema | undefined, key: string): JsonSchema | undefined {
  const properties = schema?.properties as Record<string, JsonSchema> | undefined
  return properties?.[key]
}

/** Visibility, required-ness and access of every top-level field for the current data. */
export function fieldStates(definition: FormDefinition, data: Record<string, unknown>, context: RuntimeContext = {}): Record<string, FieldState> {
  const vars = expressionVars(data, context.variables)
  const required = new Set(requiredKeys(definition.schema))
  const states: Record<string, FieldState> = {}
  for (const field of definition.layout.fields) {
    let access = context.access?.[field.key] ?? context.defaultAccess ?? 'EDITABLE'
    if (access === 'EDITABLE' && (field.widget === 'computed' || context.locked?.has(field.key))) access = 'READONLY'
    const visible = access !== 'HIDDEN' && evaluateCondition(field.visibleWhen, vars, true)
    states[field.key] = {
      visible,
      access,
      required: holdsData(field) && (required.has(field.key) || evaluateCondition(field.requiredWhen, vars, false)),
    }
  }
  return states
}

export interface FieldError {
  /** JSON path as the server reports it: `reason`, `items[3].amount`. */
  field: string
  /** i18n key under `forms.validation` */
  code: string
  params?: Record<string, unknown>
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const URI_RE = /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/

function isValidDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

function formatOk(format: unknown, value: string): boolean {
  switch (format) {
    case 'date':
      return isValidDate(value)
    case 'date-time':
      return DATE_TIME_RE.test(value) && !Number.isNaN(Date.parse(value))
    case 'uuid':
      return UUID_RE.test(value)
    case 'email':
      return EMAIL_RE.test(value)
    case 'uri':
      return URI_RE.test(value)
    default:
      return true
  }
}

/** Checks one value against its (generated) schema; pushes errors with `path`. */
function checkValue(schema: JsonSchema, value: unknown, path: string, errors: FieldError[]): void {
  const type = schema.type
  if (type === 'string') {
    if (typeof value !== 'string') return void errors.push({ field: path, code: 'type' })
    const length = [...value].length
    if (typeof schema.minLength === 'number' && length < schema.minLength) errors.push({ field: path, code: 'minLength', params: { min: schema.minLength } })
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) errors.push({ field: path, code: 'maxLength', params: { max: schema.maxLength } })
    if (typeof schema.pattern === 'string') {
      let matches = true
      try {
        matches = new RegExp(schema.pattern, 'u').test(value)
      } catch {
        // An invalid pattern is the designer's problem (checkLayout); the server reports it too.
      }
      if (!matches) errors.push({ field: path, code: 'pattern' })
    }
    if (schema.format && !formatOk(schema.format, value)) errors.push({ field: path, code: `format`, params: { format: schema.format } })
    if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push({ field: path, code: 'enum' })
  } else if (type === 'number' || type === 'integer') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return void errors.push({ field: path, code: 'type' })
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push({ field: path, code: 'minimum', params: { min: schema.minimum } })
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push({ field: path, code: 'maximum', params: { max: schema.maximum } })
    if (typeof schema.multipleOf === 'number') {
      const ratio = value / schema.multipleOf
      if (Math.abs(ratio - Math.round(ratio)) > 1e-7) errors.push({ field: path, code: 'multipleOf', params: { step: schema.multipleOf } })
    }
  } else if (type === 'array') {
    if (!Array.isArray(value)) return void errors.push({ field: path, code: 'type' })
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push({ field: path, code: 'minItems', params: { min: schema.minItems } })
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push({ field: path, code: 'maxItems', params: { max: schema.maxItems } })
    if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) errors.push({ field: path, code: 'uniqueItems' })
    const items = schema.items as JsonSchema | undefined
    if (items && items.type !== 'object') value.forEach((item, i) => checkValue(items, item, `${path}[${i}]`, errors))
  } else if (type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return void errors.push({ field: path, code: 'type' })
  }
}

/** The first error per field path wins (the renderer shows one line per field). */
function firstPerField(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>()
  return errors.filter((error) => (seen.has(error.field) ? false : (seen.add(error.field), true)))
}

/**
 * The client-side mirror of the server's validation: schema keywords (required, lengths, limits, pattern,
 * formats, enum, items) and layout rules (visibleWhen, requiredWhen, daterange order, sub-table columns).
 * Hidden and read-only fields are not checked: the server keeps their previous values.
 */
export function validateForm(definition: FormDefinition, data: Record<string, unknown>, context: RuntimeContext = {}): FieldError[] {
  const errors: FieldError[] = []
  const states = fieldStates(definition, data, context)
  const vars = expressionVars(data, context.variables)
  for (const field of definition.layout.fields) {
    const state = states[field.key]!
    if (!holdsData(field) || !state.visible || state.access !== 'EDITABLE') continue
    const value = data[field.key]
    if (isEmptyValue(value)) {
      if (state.required) errors.push({ field: field.key, code: 'required' })
      continue
    }
    const schema = propertySchema(definition.schema, field.key) ?? fieldSchema(field)
    checkValue(schema, value, field.key, errors)
    if (field.widget === 'daterange' && Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string' && value[0] > value[1]) {
      errors.push({ field: field.key, code: 'rangeOrder' })
    }
    if (field.widget === 'table' && Array.isArray(value)) {
      const itemSchema = (schema.items as JsonSchema | undefined) ?? {}
      const requiredColumns = new Set(requiredKeys(itemSchema))
      value.forEach((row: Record<string, unknown>, index) => {
        for (const column of field.columns ?? []) {
          if (!holdsData(column) || column.widget === 'computed') continue
          const cell = row?.[column.key]
          const path = `${field.key}[${index}].${column.key}`
          if (isEmptyValue(cell)) {
            const rowVars = { ...vars, row }
            if (requiredColumns.has(column.key) || evaluateCondition(column.requiredWhen, rowVars, false)) {
              errors.push({ field: path, code: 'required' })
            }
            continue
          }
          checkValue(propertySchema(itemSchema, column.key) ?? fieldSchema(column), cell, path, errors)
        }
      })
    }
  }
  return firstPerField(errors)
}

/**
 * The data to submit: fields hidden by visibleWhen and empty optional values dropped, description fields never
 * sent. The server applies the same rules; this keeps the request small and the schema's types satisfied.
 */
export function submittableData(definition: FormDefinition, data: Record<string, unknown>, context: RuntimeContext = {}): Record<string, unknown> {
  const states = fieldStates(definition, data, context)
  const result: Record<string, unknown> = {}
  for (const field of definition.layout.fields) {
    if (!holdsData(field) || !states[field.key]?.visible) continue
    const value = data[field.key]
    if (value === null || value === undefined || value === '') continue
    if (field.widget === 'table' && Array.isArray(value)) {
      result[field.key] = value.map((row: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(row ?? {}).filter(([, cell]) => cell !== null && cell !== undefined && cell !== '')),
      )
    } else {
      result[field.key] = value
    }
  }
  return result
}

/** An empty row for a sub-table (computed cells filled by applyComputed). */
export function emptyRow(field: FieldLayout): Record<string, unknown> {
  return Object.fromEntries((field.columns ?? []).filter(holdsData).map((c) => [c.key, null]))
}
