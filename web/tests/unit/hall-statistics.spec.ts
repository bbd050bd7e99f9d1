import { describe, expect, it } from 'vitest'
import type { InternalAxiosRequestConfig } from 'axios'
import { http } from '@/api/http'
import { getCold, getOverview, statisticsParams, type DepartmentFigures, type Figures } from '@/api/hall/statistics'
import {
  departmentOption,
  formatDuration,
  gaugeOption,
  hours,
  nodeOption,
  percent,
  ratingOption,
  topOption,
  volumeOption,
} from '@/views/hall/statistics/charts'
import { defaultRange, isoDate } from '@/views/hall/statistics/range'
import { mockAdapter } from '../support/mockAdapter'

const t = (key: string, params?: Record<string, unknown>) => (params ? `${key}${JSON.stringify(params)}` : key)

function figures(submitted: number, averageSeconds: number | null = null): Figures {
  return {
    submitted, crossSubmitted: 0, ended: submitted, completed: submitted, oneTime: submitted, oneTimeRate: 1,
    averageSeconds, p90Seconds: null, promised: 0, breaches: 0, breachRate: null, ratingCount: 0, ratingAverage: null,
    stars: [0, 0, 0, 0, 0],
  }
}

describe('hall statistics requests', () => {
  it('sends only the filters that are set, trimmed', async () => {
    expect(statisticsParams({ from: '2026-01-01', to: '2026-01-31', department: ' ', service: ' visitor-entry ' }))
      .toEqual({ from: '2026-01-01', to: '2026-01-31', service: 'visitor-entry' })
    const calls: InternalAxiosRequestConfig[] = []
    http.defaults.adapter = mockAdapter(() => ({ status: 200, data: { threshold: 5, items: [{ code: 'a' }] } }), calls)
    const cold = await getCold({ from: '2026-01-01', granularity: 'WEEK' }, 3)
    expect(cold).toEqual([{ code: 'a' }])
    expect(calls[0]?.url).toBe('/api/v1/hall/statistics/cold')
    expect(calls[0]?.params).toEqual({ from: '2026-01-01', granularity: 'WEEK', threshold: 3 })
    await getOverview({})
    expect(calls[1]?.url).toBe('/api/v1/hall/statistics/overview')
    expect(calls[1]?.params).toEqual({})
  })
})

describe('hall statistics charts', () => {
  it('formats durations, hours and shares for people', () => {
    expect(formatDuration(null, t)).toBe('—')
    expect(formatDuration(20, t)).toBe('hallStatistics.units.minutes{"n":1}')
    expect(formatDuration(1800, t)).toBe('hallStatistics.units.minutes{"n":30}')
    expect(formatDuration(5400, t)).toBe('hallStatistics.units.hours{"n":1.5}')
    expect(formatDuration(3 * 86400, t)).toBe('hallStatistics.units.days{"n":3}')
    expect(hours(5400)).toBe(1.5)
    expect(hours(null)).toBeNull()
    expect(percent(0.7344)).toBe('73.4%')
    expect(percent(null)).toBe('—')
  })

  it('draws the volume as three lines over the periods', () => {
    const option = volumeOption([
      { start: '2026-01-01', submitted: 5, completed: 3, breaches: 1 },
      { start: '2026-02-01', submitted: 7, completed: 6, breaches: 0 },
    ], t)
    expect(option.xAxis.data).toEqual(['2026-01-01', '2026-02-01'])
    expect(option.series.map((s) => s.data)).toEqual([[5, 7], [3, 6], [1, 0]])
  })

  it('puts the busiest item of the TOP20 on top of the bar chart', () => {
    const option = topOption([
      { code: 'a', name: '入校备案申请', ownerOrgUnit: null, promisedDays: 1, status: 'PUBLISHED', figures: figures(90) },
      { code: 'b', name: '教室借用', ownerOrgUnit: null, promisedDays: 2, status: 'PUBLISHED', figures: figures(40) },
    ], t)
    expect(option.yAxis.data).toEqual(['教室借用', '入校备案申请'])
    expect(option.series[0]?.data).toEqual([40, 90])
  })

  it('compares departments with bars and an average-hours line on a second axis', () => {
    const departments: DepartmentFigures[] = [{ orgUnit: { id: 'u', name: '教务处' }, services: 3, figures: figures(10, 7200) }]
    const option = departmentOption(departments, t)
    expect(option.xAxis.data).toEqual(['教务处'])
    expect(option.series[2]).toMatchObject({ type: 'line', yAxisIndex: 1, data: [2] })
  })

  it('shows node times of the newest process version only', () => {
    const option = nodeOption([
      { version: 2, nodeId: 'dept', nodeName: '部门审批', count: 4, averageSeconds: 3600, p90Seconds: 7200 },
      { version: 1, nodeId: 'old', nodeName: '旧环节', count: 9, averageSeconds: 60, p90Seconds: 60 },
    ], t)
    expect(option.xAxis.data).toEqual(['部门审批'])
    expect(option.series.map((s) => s.data)).toEqual([[1], [2]])
  })

  it('lists ratings from five stars down', () => {
    const option = ratingOption([1, 0, 2, 3, 10], t)
    expect(option.series[0]?.data.map((d) => d.value)).toEqual([10, 3, 2, 0, 1])
  })

  it('splits the gauge colour at the goal', () => {
    const option = gaugeOption(0.42, 0.3, 1, 'x', String)
    const series = option.series[0]!
    expect(series.axisLine.lineStyle.color[0]?.[0]).toBe(0.3)
    expect(series.data[0]?.value).toBe(0.42)
    expect(series.detail.formatter()).toBe('0.42')
    expect(gaugeOption(null, 100, 150, 'x', String).series[0]!.detail.formatter()).toBe('—')
  })

  it('defaults to the last twelve months', () => {
    expect(isoDate(new Date(2026, 0, 5))).toBe('2026-01-05')
    expect(defaultRange(new Date(2026, 10, 24))).toEqual(['2025-11-25', '2026-11-24'])
  })
})
