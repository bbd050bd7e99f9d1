import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { InternalAxiosRequestConfig } from 'axios'
import { http } from '@/api/http'
import { i18n } from '@/locales'
import OrgUnitPicker from '@/components/OrgUnitPicker.vue'
import PersonPicker from '@/components/PersonPicker.vue'
import { isValidIdCard } from '@/utils/idCard'
import { mockAdapter } from '../support/mockAdapter'

const unit = (id: string, code: string, name: string, extra: Record<string, unknown> = {}) => ({
  id, code, name, nameEn: `${name} (en)`, type: 'COLLEGE', parentId: null, validFrom: '2000-01-01', validTo: null,
  sortOrder: 0, hasChildren: false, ...extra,
})
const UNITS: Record<string, ReturnType<typeof unit>> = {
  cs: unit('cs', 'CS', '计算机学院', { hasChildren: true }),
  ai: unit('ai', 'CS-AI', '人工智能系', { parentId: 'cs' }),
  old: unit('old', 'CS-OLD', '旧系', { parentId: 'cs', validTo: '2020-01-01' }),
}
const person = (id: string, name: string, identifier: string) => ({
  id, name, nameEn: null, username: null, enabled: true, identifier, activeAffiliationTypes: ['FACULTY'],
  orgUnitName: '计算机学院', orgUnitNameEn: 'School of CS', phone: null, email: null, idCardMasked: null,
})

let calls: InternalAxiosRequestConfig[] = []

beforeEach(() => {
  calls = []
  i18n.global.locale.value = 'zh-CN'
  http.defaults.adapter = mockAdapter((config) => {
    const url = config.url ?? ''
    if (url === '/api/v1/identity/org-units') {
      const parent = (config.params as { parentId?: string }).parentId
      return { status: 200, data: parent ? Object.values(UNITS).filter((u) => u.parentId === parent) : [UNITS.cs] }
    }
    const single = url.match(/^\/api\/v1\/identity\/org-units\/(\w+)$/)
    if (single) return UNITS[single[1]] ? { status: 200, data: UNITS[single[1]] } : { status: 404 }
    if (url === '/api/v1/identity/people') {
      const q = (config.params as { q: string }).q
      const items = [person('p1', '张老师', 'F001'), person('p2', '张同学', 'S002')].filter((p) => p.name.includes(q))
      return { status: 200, data: { items, page: 0, size: 20, total: items.length } }
    }
    if (url === '/api/v1/identity/people/p9') {
      return {
        status: 200,
        data: {
          id: 'p9', name: '李主任', nameEn: null, gender: null, birthDate: null, phone: null, email: null, idCardMasked: null,
          affiliations: [{ id: 'a', type: 'STAFF', identifier: 'E009', status: 'ACTIVE', startDate: '2020-01-01', endDate: null,
            primary: true, orgUnit: { id: 'cs', code: 'CS', name: '计算机学院', nameEn: null, type: 'COLLEGE' } }],
          positions: [], account: null, roles: [],
        },
      }
    }
    return { status: 404 }
  }, calls)
})

afterEach(() => {
  document.body.innerHTML = ''
})

const urls = () => calls.map((c) => `${c.url}${c.params && Object.keys(c.params).length ? ' ' + JSON.stringify(c.params) : ''}`)

// Mounting Element Plus cold takes seconds on a busy machine; the default 5 s is too tight there.
describe('OrgUnitPicker', { timeout: 30_000 }, () => {
  it('shows the name and code of a preselected unit before its tree level is loaded', async () => {
    const wrapper = mount(OrgUnitPicker, {
      props: { modelValue: 'ai', placeholder: '单位' },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    await flushPromises()
    expect(urls()).toContain('/api/v1/identity/org-units/ai')
    expect(wrapper.text()).toContain('人工智能系 (CS-AI)')
  })

  it('starts the tree at the units the administrator may see and loads children one level at a time', async () => {
    const wrapper = mount(OrgUnitPicker, {
      props: { modelValue: null, placeholder: '单位' },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    await flushPromises()
    expect(urls()).toEqual(['/api/v1/identity/org-units'])
    expect(document.body.textContent).toContain('计算机学院 (CS)')
    const expand = document.body.querySelector<HTMLElement>('.el-tree-node__expand-icon')
    expand?.click()
    await flushPromises()
    expect(urls()).toContain('/api/v1/identity/org-units {"parentId":"cs"}')
    const closed = document.body.querySelector('.el-tree-node[data-key="old"]')
    expect(closed?.textContent).toContain('旧系 (CS-OLD)')
    expect(closed?.getAttribute('aria-disabled')).toBe('true')
    wrapper.unmount()
  })

  it.each([
    ['one unit', false, 'ai', 'ai'],
    ['several units', true, ['ai'], ['ai']],
  ])('keeps the v-model as %s', async (_what, multiple, value, expected) => {
    const wrapper = mount(OrgUnitPicker, {
      props: { modelValue: value, multiple },
      global: { plugins: [i18n, ElementPlus] },
    })
    await flushPromises()
    expect(wrapper.props('modelValue')).toEqual(expected)
    expect(wrapper.find('[data-testid="org-unit-picker"]').exists()).toBe(true)
  })

  it('names units in English when the app is in English', async () => {
    i18n.global.locale.value = 'en-US'
    const wrapper = mount(OrgUnitPicker, {
      props: { modelValue: 'ai' },
      global: { plugins: [i18n, ElementPlus] },
    })
    await flushPromises()
    expect(wrapper.text()).toContain('人工智能系 (en) (CS-AI)')
  })
})

describe('PersonPicker', { timeout: 30_000 }, () => {
  async function typeInto(wrapper: ReturnType<typeof mount>, text: string) {
    const input = wrapper.find('input')
    await input.trigger('focus')
    await input.setValue(text)
    await input.trigger('input')
    await new Promise((resolve) => setTimeout(resolve, 400))
    await flushPromises()
  }

  it('searches the server as the administrator types and offers name with 学号/工号', async () => {
    const wrapper = mount(PersonPicker, {
      props: { modelValue: null, placeholder: '人员' },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    await typeInto(wrapper, '张')
    expect(calls.some((c) => c.url === '/api/v1/identity/people' && (c.params as { q: string }).q === '张')).toBe(true)
    const options = [...document.body.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent ?? '')
    expect(options.some((o) => o.includes('张老师（F001）'))).toBe(true)
    expect(options.some((o) => o.includes('张同学（S002）'))).toBe(true)
    ;(document.body.querySelector('.el-select-dropdown__item') as HTMLElement).click()
    await flushPromises()
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual(['p1'])
    wrapper.unmount()
  })

  it('emits an array of ids with multiple', async () => {
    const wrapper = mount(PersonPicker, {
      props: { modelValue: [], multiple: true },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    await typeInto(wrapper, '张同学')
    ;(document.body.querySelector('.el-select-dropdown__item') as HTMLElement).click()
    await flushPromises()
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([['p2']])
    wrapper.unmount()
  })

  it('shows a preselected person by name and number, looked up by id', async () => {
    const wrapper = mount(PersonPicker, {
      props: { modelValue: 'p9' },
      global: { plugins: [i18n, ElementPlus] },
    })
    await flushPromises()
    expect(urls()).toContain('/api/v1/identity/people/p9')
    expect(wrapper.text()).toContain('李主任（E009）')
  })

  it('passes its affiliation type and org unit filters to the search', async () => {
    const wrapper = mount(PersonPicker, {
      props: { modelValue: null, affiliationType: 'FACULTY', orgUnitId: 'cs' },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    await typeInto(wrapper, '张')
    const search = calls.find((c) => c.url === '/api/v1/identity/people')
    expect(search?.params).toMatchObject({ q: '张', affiliationType: 'FACULTY', orgUnitId: 'cs' })
    wrapper.unmount()
  })
})

describe('isValidIdCard (GB 11643)', () => {
  it.each([
    ['11010519491231002X', true],
    ['11010519491231002x', true],
    ['110105194912310021', false],
    ['11010519490231002X', false],
    ['1101051949123100', false],
    ['A1010519491231002X', false],
  ])('%s → %s', (number, valid) => {
    expect(isValidIdCard(number)).toBe(valid)
  })
})
