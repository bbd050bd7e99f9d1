import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { defineComponent, h, ref } from 'vue'
import ElementPlus from 'element-plus'
import type { InternalAxiosRequestConfig } from 'axios'
import { http } from '@/api/http'
import { i18n } from '@/locales'
import { defaultVersions, diffRows, movableIds, type MigrationReport, type VersionDiff } from '@/api/workflow/migrations'
import MigrationDialog from '@/views/workflow/processes/MigrationDialog.vue'
import { mockAdapter } from '../support/mockAdapter'

vi.setConfig({ testTimeout: 60_000 })

const diff: VersionDiff = {
  processKey: 'loan',
  fromVersion: 1,
  toVersion: 2,
  added: [{ nodeId: 'b', type: 'APPROVER', name: { 'zh-CN': '复核' }, changes: [], previousBefore: null, before: ['a'] }],
  removed: [],
  changed: [{ nodeId: 'a', type: 'APPROVER', name: { 'zh-CN': '审批' }, changes: ['multi'], previousBefore: ['start'], before: ['start'] }],
  moved: [],
  formChanged: false,
}

function report(dryRun: boolean, ids: string[] = ['i-1']): MigrationReport {
  return {
    processKey: 'loan',
    fromVersion: 1,
    toVersion: 2,
    dryRun,
    total: 2,
    movable: 1,
    migrated: dryRun ? 0 : ids.length,
    failed: 0,
    instances: [
      { instanceId: 'i-1', status: 'RUNNING', activeNodes: ['a'], movable: true, migrated: !dryRun, reasons: [] },
      {
        instanceId: 'i-2',
        status: 'SUSPENDED',
        activeNodes: ['a'],
        movable: false,
        migrated: false,
        reasons: [{ code: 'SUSPENDED', nodeId: null, fields: [], message: '实例已挂起，恢复后才能迁移' }],
      },
    ],
  }
}

describe('migration helpers', () => {
  it('compares the version before the latest with the latest by default', () => {
    expect(defaultVersions(3)).toEqual({ from: 2, to: 3 })
    expect(defaultVersions(1)).toEqual({ from: null, to: 1 })
    expect(defaultVersions(null)).toEqual({ from: null, to: null })
  })

  it('lists the changes in one table, added first', () => {
    expect(diffRows(diff).map((r) => [r.kind, r.nodeId, r.changes])).toEqual([
      ['added', 'b', []],
      ['changed', 'a', ['multi']],
    ])
    expect(diffRows(null)).toEqual([])
  })

  it('selects only instances that can move and have not moved yet', () => {
    expect(movableIds(report(true))).toEqual(['i-1'])
    expect(movableIds(report(false))).toEqual([])
  })
})

describe('migration dialog', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('dry-runs the plan, shows the reasons and migrates the selected instances', async () => {
    const calls: InternalAxiosRequestConfig[] = []
    http.defaults.adapter = mockAdapter((config) => {
      if (config.url?.includes('/diff/')) return { status: 200, data: diff }
      if (config.url?.endsWith('/migrations')) {
        const body = JSON.parse(String(config.data)) as { dryRun: boolean; instanceIds?: string[] }
        return { status: 200, data: report(body.dryRun, body.instanceIds) }
      }
      return { status: 200, data: {} }
    }, calls)
    const open = ref(true)
    const migrated: MigrationReport[] = []
    const Host = defineComponent({
      setup: () => () =>
        h(MigrationDialog, {
          processKey: 'loan',
          latestVersion: 2,
          modelValue: open.value,
          'onUpdate:modelValue': (v: boolean) => (open.value = v),
          onMigrated: (r: MigrationReport) => migrated.push(r),
        }),
    })
    mount(Host, { global: { plugins: [createPinia(), i18n, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    const run = document.querySelector<HTMLButtonElement>('[data-testid=migration-run]')!
    expect(run.disabled).toBe(true)

    document.querySelector<HTMLButtonElement>('[data-testid=migration-plan]')!.click()
    await flushPromises()
    expect(calls.some((c) => c.url === '/api/v1/workflow/processes/loan/versions/1/diff/2')).toBe(true)
    const dry = calls.find((c) => c.url?.endsWith('/migrations'))!
    expect(JSON.parse(String(dry.data))).toEqual({ fromVersion: 1, toVersion: 2, dryRun: true })
    expect(document.querySelector('[data-testid=migration-diff]')!.textContent).toContain('复核')
    const blocked = document.querySelector('[data-testid=migration-instance-i-2]')!
    expect(blocked.textContent).toContain('实例已挂起，恢复后才能迁移')
    expect(blocked.querySelector('input')!.disabled).toBe(true)
    expect(document.querySelector<HTMLInputElement>('[data-testid=migration-instance-i-1] input')!.checked).toBe(true)

    run.click()
    await flushPromises()
    const last = calls.filter((c) => c.url?.endsWith('/migrations')).at(-1)!
    expect(JSON.parse(String(last.data))).toEqual({ fromVersion: 1, toVersion: 2, dryRun: false, instanceIds: ['i-1'] })
    expect(migrated).toHaveLength(1)
    expect(document.querySelector('[data-testid=migration-instance-i-1]')!.textContent).toContain('已迁移')
  })
})
