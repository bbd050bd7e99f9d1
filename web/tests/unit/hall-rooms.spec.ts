import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus, { ElFormItem } from 'element-plus'
import type { InternalAxiosRequestConfig } from 'axios'
import { http } from '@/api/http'
import { i18n } from '@/locales'
import { routes } from '@/router/routes'
import RoomAdminView from '@/views/hall/admin/RoomAdminView.vue'
import { mockAdapter, problem, type MockHandler } from '../support/mockAdapter'

const csrf = { status: 200, data: { headerName: 'X-XSRF-TOKEN', parameterName: '_csrf', token: 'token' } }

const a101 = {
  id: 'r1',
  code: 'MAIN-A101',
  campus: 'MAIN',
  building: { 'zh-CN': '第一教学楼', 'en-US': 'Teaching Building 1' },
  name: { 'zh-CN': '第一教学楼A101', 'en-US': 'Teaching Building 1 A101' },
  floor: 1,
  capacity: 70,
  kind: 'CLASSROOM',
  equipment: ['projector', 'ac'],
  bookable: true,
  outOfService: { reason: '空调维修', from: '2026-12-01T00:00:00Z', to: null },
  sortOrder: 1,
  revision: 3,
  updatedAt: '2026-11-20T00:00:00Z',
  status: 'OUT_OF_SERVICE',
}

const options = {
  campuses: ['MAIN', 'EAST'],
  buildings: [{ campus: 'MAIN', name: { 'zh-CN': '第一教学楼', 'en-US': 'Teaching Building 1' } }],
}

async function mountRooms(handler: MockHandler, calls: InternalAxiosRequestConfig[]) {
  http.defaults.adapter = mockAdapter((config) => {
    if (config.url === '/api/v1/csrf') return csrf
    if (config.url === '/api/v1/hall/admin/rooms/options') return { status: 200, data: options }
    if (config.url === '/api/v1/hall/admin/rooms' && config.method === 'get') {
      return { status: 200, data: { items: [a101], page: 0, size: 20, total: 1 } }
    }
    return handler(config)
  }, calls)
  i18n.global.locale.value = 'zh-CN'
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push('/hall/admin/rooms')
  const wrapper = mount(RoomAdminView, { global: { plugins: [pinia, i18n, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('rooms administration', { timeout: 30_000 }, () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('lists the rooms with their status and asks again with the filters', async () => {
    const calls: InternalAxiosRequestConfig[] = []
    const wrapper = await mountRooms(() => problem(404), calls)
    const table = wrapper.get('[data-testid="rooms-table"]').text()
    expect(table).toContain('第一教学楼A101')
    expect(table).toContain('主校区 · 第一教学楼 · 1 层')
    expect(table).toContain('停用中')
    expect(table).toContain('空调维修')
    await wrapper.get('input[data-testid="rooms-search"]').setValue('A101')
    await wrapper.get('input[data-testid="rooms-search"]').trigger('change')
    await flushPromises()
    const last = calls.filter((c) => c.url === '/api/v1/hall/admin/rooms').at(-1)
    expect(last?.params).toMatchObject({ q: 'A101', page: 0, size: 20 })
  })

  it('edits a room with the revision read, shows 422 per field and a stale revision', async () => {
    const calls: InternalAxiosRequestConfig[] = []
    let answer = 0
    const wrapper = await mountRooms((config) => {
      if (config.method === 'put') {
        answer += 1
        return answer === 1
          ? problem(422, { errorCode: 'request.validation', errors: [{ field: 'capacity', message: '应在 1 至 5000 之间' }] })
          : problem(409, { errorCode: 'hall.room.stale' })
      }
      return problem(404)
    }, calls)
    await wrapper.get('[data-testid="rooms-row"]').trigger('click')
    await flushPromises()
    const drawer = document.body.querySelector('[data-testid="room-drawer"]') as HTMLElement
    expect((drawer.querySelector('input[data-testid="room-code"]') as HTMLInputElement).value).toBe('MAIN-A101')
    expect((drawer.querySelector('input[data-testid="room-name-zh"]') as HTMLInputElement).value).toBe('第一教学楼A101')
    expect((drawer.querySelector('input[data-testid="room-reason"]') as HTMLInputElement).value).toBe('空调维修')
    ;(drawer.querySelector('[data-testid="room-save"]') as HTMLButtonElement).click()
    await flushPromises()
    const put = calls.find((c) => c.method === 'put')
    expect(put?.url).toBe('/api/v1/hall/admin/rooms/MAIN-A101')
    expect(JSON.parse(String(put?.data))).toMatchObject({
      revision: 3,
      capacity: 70,
      name: { 'zh-CN': '第一教学楼A101', 'en-US': 'Teaching Building 1 A101' },
      outOfService: { reason: '空调维修', from: '2026-12-01T00:00:00.000Z', to: null },
    })
    const errors = wrapper.findAllComponents(ElFormItem).filter((item) => item.props('error'))
    expect(errors.map((item) => [item.props('label'), item.props('error')])).toEqual([['座位数', '应在 1 至 5000 之间']])
    ;(drawer.querySelector('[data-testid="room-save"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(drawer.querySelector('[data-testid="room-stale"]')).not.toBeNull()
  })
})
