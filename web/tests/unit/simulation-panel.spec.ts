import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { InternalAxiosRequestConfig } from 'axios'
import { http } from '@/api/http'
import { i18n } from '@/locales'
import SimulationPanel from '@/components/process/SimulationPanel.vue'
import type { Simulation } from '@/api/workflow/simulations'
import { mockAdapter } from '../support/mockAdapter'

const person = (id: string, name: string, number: string, unit: string) => ({
  id, name, number, unit, affiliationType: 'FACULTY',
})

const SIMULATION: Simulation = {
  processKey: 'leave',
  version: null,
  nodes: [
    { nodeId: 'counsellor', type: 'APPROVER', name: '辅导员审批', loop: false, unreachable: false },
    { nodeId: 'college_head', type: 'APPROVER', name: '学院审批', loop: false, unreachable: false },
  ],
  flags: [],
  applicants: [
    {
      applicant: { id: 's1', name: '张三', number: '2023001', unit: '计科2301', affiliationType: 'UNDERGRADUATE' },
      sampledAs: 'UNDERGRADUATE',
      nodes: [
        { nodeId: 'counsellor', type: 'APPROVER', name: '辅导员审批', status: 'REACHED',
          approvers: [person('c1', '李辅导', 'T001', '计算机学院')], flags: [] },
        { nodeId: 'college_head', type: 'APPROVER', name: '学院审批', status: 'DEPENDS_ON_DATA', approvers: [],
          flags: [{ code: 'EMPTY', message: '节点 college_head：没有审批人，按"审批人为空"策略将转交流程管理员 管理员。' }] },
      ],
    },
  ],
}

let calls: InternalAxiosRequestConfig[] = []

beforeEach(() => {
  calls = []
  i18n.global.locale.value = 'zh-CN'
  http.defaults.adapter = mockAdapter((config) => {
    if (config.url === '/api/v1/csrf') {
      document.cookie = 'XSRF-TOKEN=t; path=/'
      return { status: 200, data: { headerName: 'X-XSRF-TOKEN', parameterName: '_csrf', token: 't' } }
    }
    if (config.url === '/api/v1/workflow/processes/leave/simulations') return { status: 200, data: SIMULATION }
    return { status: 404 }
  }, calls)
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('SimulationPanel', { timeout: 30_000 }, () => {
  it('posts the request for the draft and shows approvers, statuses and flags per applicant and node', async () => {
    const wrapper = mount(SimulationPanel, {
      props: { processKey: 'leave' },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    await wrapper.find('textarea').setValue('{"days": 5}')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const post = calls.find((c) => c.url === '/api/v1/workflow/processes/leave/simulations')!
    expect(post.method).toBe('post')
    expect(JSON.parse(post.data as string)).toEqual({ applicants: [], formData: { days: 5 } })
    expect(post.params).toEqual({})
    const table = wrapper.find('[data-testid="simulation-table"]').text()
    expect(table).toContain('张三（2023001）')
    expect(table).toContain('李辅导（T001）')
    expect(table).toContain('会到达')
    expect(table).toContain('取决于数据')
    expect(wrapper.find('[data-flag="EMPTY"]').text()).toBe('无人审批')
    expect(wrapper.find('[data-testid="simulation-findings"]').text()).toContain('转交流程管理员')
  })

  it('asks for a published version and refuses form data that is not a JSON object', async () => {
    const wrapper = mount(SimulationPanel, {
      props: { processKey: 'leave', version: 2 },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    expect(wrapper.text()).toContain('版本 2')
    await wrapper.find('textarea').setValue('[1, 2]')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(calls.filter((c) => c.url?.endsWith('/simulations'))).toHaveLength(0)
    expect(wrapper.text()).toContain('表单数据必须是 JSON 对象')
    await wrapper.find('textarea').setValue('')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const post = calls.find((c) => c.url?.endsWith('/simulations'))!
    expect(post.params).toEqual({ version: 2 })
    expect(JSON.parse(post.data as string)).toEqual({ applicants: [] })
  })
})
