import { onBeforeUnmount, onMounted, shallowRef, useTemplateRef, watch, type WatchSource } from 'vue'
import { init, type ECharts, type EChartsCoreOption } from 'echarts/core'

/**
 * One ECharts instance bound to the element with template ref `refName`: created on mount, redrawn from `option()`
 * whenever a watched source changes (data, language), resized with its container and disposed on
 * unmount. Components register the chart types they use with `echarts/core`'s `use` themselves.
 */
export function useEChart(refName: string, option: () => EChartsCoreOption, sources: WatchSource[]): void {
  const container = useTemplateRef<HTMLDivElement>(refName)
  const chart = shallowRef<ECharts>()
  let observer: ResizeObserver | null = null

  function render(): void {
    chart.value?.setOption(option(), true)
  }

  onMounted(() => {
    if (!container.value) return
    chart.value = init(container.value, undefined, { renderer: 'canvas' })
    render()
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => chart.value?.resize())
      observer.observe(container.value)
    }
  })

  watch(sources, render)

  onBeforeUnmount(() => {
    observer?.disconnect()
    chart.value?.dispose()
  })
}
