import { onMounted, ref, watch, type Ref } from 'vue'
import type { Cards, Category, ListQuery, ServiceCard } from '@/api/hall/catalogue'

/** Runs a request and gives undefined when it fails (the http client has already shown the problem). */
export async function reporting<T>(load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load()
  } catch {
    return undefined
  }
}

/**
 * Instant search over a list of services: reloads a moment after typing stops and at once when the category
 * (or anything in `extra`) changes; loads the categories once.
 */
export function useServiceSearch(
  fetch: (query: ListQuery, signal: AbortSignal) => Promise<Cards>,
  fetchCategories: () => Promise<Category[]>,
  extra: { view?: Ref<ListQuery['view']> } = {},
) {
  const query = ref('')
  const category = ref('')
  const categories = ref<Category[]>([])
  const services = ref<ServiceCard[]>([])
  const total = ref(0)
  const loading = ref(false)
  let controller: AbortController | null = null
  let timer: ReturnType<typeof setTimeout> | undefined

  async function load() {
    controller?.abort()
    controller = new AbortController()
    const signal = controller.signal
    loading.value = true
    const cards = await reporting(() =>
      fetch({ q: query.value.trim() || undefined, category: category.value || undefined, view: extra.view?.value, size: 100 }, signal),
    )
    if (cards) {
      services.value = cards.items
      total.value = cards.total
    }
    if (!signal.aborted) loading.value = false
  }

  watch(query, () => {
    clearTimeout(timer)
    timer = setTimeout(load, 200)
  })
  watch(extra.view ? [category, extra.view] : [category], load)
  onMounted(async () => {
    load()
    categories.value = (await reporting(fetchCategories)) ?? []
  })

  return { query, category, categories, services, total, loading, load }
}
