import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { http } from '@/api/http'
import { listProcesses, listVersions } from '@/api/workflow/processes'
import { i18n } from '@/locales'
import { routes } from '@/router/routes'
import ProcessListView from '@/views/workflow/processes/ProcessListView.vue'
import { mockAdapter } from '../support/mockAdapter'

/** Processes as the engine's `GET /api/v1/workflow/processes` sends them: the whole list, latestVersion 0 = never published. */
const serverList = [
  { key: 'leave', name: { 'zh-CN': '学生请假', 'en-US': 'Student leave' }, formKey: 'leave-form', formVersion: 1, applicants: null, admins: [], ownerOrgUnitId: 'u1', model: null, bpmnXml: null, latestVersion: 2 },
  { key: 'abroad', name: { 'zh-CN': '因公出国', 'en-US': 'Trip abroad' }, formKey: null, formVersion: null, applicants: { affiliationTypes: ['FACULTY'] }, admins: [], ownerOrgUnitId: 'u2', model: null, bpmnXml: null, latestVersion: 0 },
  { key: 'venue', name: { 'zh-CN': '场地借用', 'en-US': 'Venue booking' }, formKey: null, formVersion: null, applicants: null, admins: [], ownerOrgUnitId: 'u1', model: null, bpmnXml: null, latestVersion: 1 },
]

describe('process API client', () => {
  beforeEach(() => {
    http.defaults.adapter = mockAdapter(async (config) => {
      if (config.url === '/api/v1/workflow/processes') return { status: 200, data: serverList }
      const version = /versions\/(\d+)$/.exec(config.url ?? '')
      if (version) return { status: 200, data: { key: 'leave', version: Number(version[1]), bpmnXml: '<x/>', publishedAt: '2026-11-20T00:00:00Z' } }
      return { status: 404, data: '' }
    })
  })

  it('derives the status, fills the applicant scope and filters and pages a whole list', async () => {
    const all = await listProcesses({ page: 0, size: 20 })
    expect(all.total).toBe(3)
    expect(all.items.map((p) => [p.key, p.status, p.latestVersion])).toEqual([
      ['leave', 'PUBLISHED', 2],
      ['abroad', 'DRAFT', null],
      ['venue', 'PUBLISHED', 1],
    ])
    expect((await listProcesses({ q: '出国', page: 0, size: 20 })).items.map((p) => p.key)).toEqual(['abroad'])
    expect((await listProcesses({ status: 'PUBLISHED', ownerOrgUnitId: 'u1', page: 0, size: 20 })).total).toBe(2)
    const second = await listProcesses({ page: 1, size: 2 })
    expect([second.total, second.items.map((p) => p.key)]).toEqual([3, ['venue']])
  })

  it('lists versions newest first from the per-version resource', async () => {
    expect((await listVersions('leave', 3)).map((v) => v.version)).toEqual([3, 2, 1])
    expect(await listVersions('leave', 0)).toEqual([])
  })
})

describe('process list page', { timeout: 30_000 }, () => {
  // The editor route is lazy; importing its chunk up front keeps the navigation below quick.
  beforeAll(async () => {
    await import('@/views/workflow/processes/ProcessEditorView.vue')
  }, 60_000)

  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('opens the editor of the clicked process', async () => {
    http.defaults.adapter = mockAdapter(async (config) => {
      if (config.url === '/api/v1/workflow/processes') return { status: 200, data: serverList }
      if (config.url === '/api/v1/identity/org-units') return { status: 200, data: [] }
      return { status: 404, data: '' }
    })
    i18n.global.locale.value = 'zh-CN'
    const pinia = createPinia()
    setActivePinia(pinia)
    const router = createRouter({ history: createMemoryHistory(), routes })
    await router.push('/workflow/processes')
    const wrapper = mount(ProcessListView, { global: { plugins: [pinia, i18n, router, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    expect(wrapper.get('[data-testid="processes-table"]').text()).toContain('未发布')
    await wrapper.findAll('.el-table__row')[1].trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/workflow/processes/abroad'))
  })
})
