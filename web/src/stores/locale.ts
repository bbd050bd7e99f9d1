import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import en from 'element-plus/es/locale/lang/en'
import { i18n, initialLocale, LOCALE_STORAGE_KEY, type AppLocale } from '@/locales'

const ELEMENT_LOCALES = { 'zh-CN': zhCn, 'en-US': en } as const

/** Applies a locale to vue-i18n and `<html lang>`; shared by the store and app start-up. */
export function applyLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}

export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<AppLocale>(initialLocale())
  applyLocale(locale.value)

  const elementLocale = computed(() => ELEMENT_LOCALES[locale.value])
  const isEnglish = computed(() => locale.value === 'en-US')

  /**
   * Switches the UI language and remembers it on this device; `remember` also saves it in the
   * signed-in person's account so it follows them to other devices.
   */
  function setLocale(next: AppLocale, remember: (locale: AppLocale) => Promise<void> = async () => {}): void {
    locale.value = next
    remember(next).catch(() => {
      // The account keeps its previous choice; this device still switches.
    })
    applyLocale(next)
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next)
    } catch {
      // Not persisted when storage is unavailable; the choice still applies to this tab.
    }
  }

  /** Picks the English variant of a bilingual name when the UI is English and one exists. */
  function localName(name: string, nameEn: string | null | undefined): string {
    return isEnglish.value && nameEn ? nameEn : name
  }

  return { locale, elementLocale, isEnglish, setLocale, localName }
})
