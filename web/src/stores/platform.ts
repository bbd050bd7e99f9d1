import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { getPlatform, type PlatformInfo } from '@/api/kernel/platform'
import { useLocaleStore } from './locale'

export const usePlatformStore = defineStore('platform', () => {
  const info = ref<PlatformInfo | null>(null)
  let pending: Promise<void> | null = null

  /** Loads once; a failure leaves `info` empty so the UI falls back to i18n texts. */
  function load(): Promise<void> {
    pending ??= getPlatform()
      .then((value) => {
        info.value = value
      })
      .catch(() => {
        pending = null
      })
    return pending
  }

  const universityName = computed(() => {
    const university = info.value?.university
    if (!university) return ''
    return useLocaleStore().localName(university.name, university.nameEn)
  })

  const version = computed(() => info.value?.version ?? '')

  return { info, load, universityName, version }
})
