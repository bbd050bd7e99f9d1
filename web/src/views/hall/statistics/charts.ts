import type { DepartmentFigures, NodeFigures, Period, ServiceFigures } from '@/api/hall/statistics'

/** A translation function (vue-i18n's `t`). */
export type Translate = (key: string, params?: Record<string, unknown>) => string

const BLUE = '#1e64d2'
const GREEN = '#3aa55d'
const ORANGE = '#e6a23c'
const RED = '#d9534f'

/** Hours with one decimal from seconds; null stays null. */
export function hours(seconds: number | null | undefined): number | null {
  return seconds == null ? null : Math.round(seconds / 360) / 10
}

/** A duration for people: minutes under an hour, hours under two days, days beyond. */
export function formatDuration(seconds: number | null | undefined, t: Translate): string {
  if (seconds == null) return '—'
  if (seconds < 3600) return t('hallStatistics.units.minutes', { n: Math.max(1, Math.round(seconds / 60)) })
  if (seconds < 48 * 3600) return t('hallStatistics.units.hours', { n: Math.round(seconds / 360) / 10 })
  return t('hallStatistics.units.days', { n: Math.round(seconds / 8640) / 10 })
}

/** 0.734 → "73.4%"; null → "—". */
export function percent(ratio: number | null | undefined): string {
  return ratio == null ? '—' : `${Math.round(ratio * 1000) / 10}%`
}

/** Volume over time: applications submitted and completed per period, breaches as a third line. */
export function volumeOption(series: Period[], t: Translate) {
  return {
    color: [BLUE, GREEN, RED],
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: series.map((p) => p.start), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'line', name: t('hallStatistics.series.submitted'), data: series.map((p) => p.submitted), smooth: true, areaStyle: { opacity: 0.08 } },
      { type: 'line', name: t('hallStatistics.series.completed'), data: series.map((p) => p.completed), smooth: true },
      { type: 'line', name: t('hallStatistics.series.breaches'), data: series.map((p) => p.breaches), smooth: true },
    ],
  }
}

/** TOP20 items by applications, the busiest on top (as in the annual report's chart). */
export function topOption(top: ServiceFigures[], t: Translate) {
  const rows = [...top].reverse()
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, splitNumber: 3 },
    yAxis: {
      type: 'category',
      data: rows.map((s) => s.name),
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: t('hallStatistics.series.submitted'),
        data: rows.map((s) => s.figures.submitted),
        barMaxWidth: 18,
        label: { show: true, position: 'right' },
        itemStyle: { color: BLUE, borderRadius: [0, 4, 4, 0] },
      },
    ],
  }
}

/** Departments side by side: applications and completions (bars), average processing hours (line). */
export function departmentOption(departments: DepartmentFigures[], t: Translate) {
  return {
    color: [BLUE, GREEN, ORANGE],
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: departments.map((d) => d.orgUnit.name),
      axisLabel: { interval: 0, rotate: departments.length > 4 ? 30 : 0, width: 90, overflow: 'truncate' },
    },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', name: t('hallStatistics.units.hourAxis'), splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: t('hallStatistics.series.submitted'), data: departments.map((d) => d.figures.submitted), barMaxWidth: 24 },
      { type: 'bar', name: t('hallStatistics.series.completed'), data: departments.map((d) => d.figures.completed), barMaxWidth: 24 },
      {
        type: 'line',
        name: t('hallStatistics.series.averageHours'),
        yAxisIndex: 1,
        data: departments.map((d) => hours(d.figures.averageSeconds)),
      },
    ],
  }
}

/** Time per node of one process version: average and p90 hours. */
export function nodeOption(nodes: NodeFigures[], t: Translate) {
  const latest = nodes.length ? Math.max(...nodes.map((n) => n.version)) : 0
  const rows = nodes.filter((n) => n.version === latest)
  return {
    color: [BLUE, ORANGE],
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: rows.map((n) => n.nodeName), axisLabel: { interval: 0, width: 80, overflow: 'truncate' } },
    yAxis: { type: 'value', name: t('hallStatistics.units.hourAxis') },
    series: [
      { type: 'bar', name: t('hallStatistics.series.averageHours'), data: rows.map((n) => hours(n.averageSeconds)), barMaxWidth: 24 },
      { type: 'bar', name: t('hallStatistics.series.p90Hours'), data: rows.map((n) => hours(n.p90Seconds)), barMaxWidth: 24 },
    ],
  }
}

/** How many evaluations gave 5 … 1 stars. */
export function ratingOption(stars: number[], t: Translate) {
  const levels = [5, 4, 3, 2, 1]
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: levels.map((s) => t('hallStatistics.ratings.stars', { n: s })) },
    series: [
      {
        type: 'bar',
        name: t('hallStatistics.ratings.count'),
        data: levels.map((s, i) => ({ value: stars[s - 1] ?? 0, itemStyle: { color: [GREEN, GREEN, ORANGE, RED, RED][i] } })),
        barMaxWidth: 18,
        label: { show: true, position: 'right' },
      },
    ],
  }
}

/**
 * A KPI gauge from 0 to `max`, with the goal drawn as a mark on the dial: the arc is red below the goal and green
 * from it on.
 */
export function gaugeOption(value: number | null, goal: number, max: number, name: string, format: (v: number) => string) {
  const split = Math.min(1, Math.max(0, goal / max))
  return {
    series: [
      {
        type: 'gauge',
        min: 0,
        max,
        radius: '95%',
        center: ['50%', '58%'],
        startAngle: 200,
        endAngle: -20,
        progress: { show: false },
        axisLine: { lineStyle: { width: 12, color: [[split, RED], [1, GREEN]] } },
        splitNumber: 4,
        axisTick: { show: false },
        splitLine: { length: 10, lineStyle: { width: 1 } },
        axisLabel: { distance: 14, fontSize: 10, formatter: (v: number) => format(v) },
        pointer: { width: 4, length: '60%' },
        anchor: { show: true, size: 8 },
        title: { offsetCenter: [0, '62%'], fontSize: 12 },
        detail: { offsetCenter: [0, '30%'], fontSize: 18, formatter: () => (value == null ? '—' : format(value)) },
        data: [{ value: value ?? 0, name }],
      },
    ],
  }
}
