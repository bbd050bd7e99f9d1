import { createI18n } from 'vue-i18n'

export const SUPPORTED_LOCALES = ['zh-CN', 'en-US'] as const
export type AppLocale = (typeof SUPPORTED_LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'zh-CN'
export const LOCALE_STORAGE_KEY = 'onecampus.locale'

type MessageTree = { [key: string]: string | MessageTree }

const zhFiles = import.meta.glob<MessageTree>('./zh-CN/*.json', { eager: true, import: 'default' })
const enFiles = import.meta.glob<MessageTree>('./en-US/*.json', { eager: true, import: 'default' })

/** Turns `./zh-CN/common.json` → `{ common: {...} }` so keys read `common.appName`. */
function byModule(files: Record<string, MessageTree>): MessageTree {
  const messages: MessageTree = {}
  for (const [path, content] of Object.entries(files)) {
    const name = path.replace(/^.*\/([^/]+)\.json$/, '$1')
    messages[name] = content
  }
  return messages
}

export const messages: Record<AppLocale, MessageTree> = {
  'zh-CN': byModule(zhFiles),
  'en-US': byModule(enFiles),
}

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value)
}

export function initialLocale(): AppLocale {
  try {
    const stored = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY)
    if (isAppLocale(stored)) return stored
  } catch {
    // Storage can be unavailable (private mode, sandboxed iframes); fall back to the default.
  }
  return DEFAULT_LOCALE
}

export const i18n = createI18n({
  legacy: false,
  globalInjection: true,
  locale: initialLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages,
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
})

/** The active locale, readable outside components (request client, router). */
export function currentLocale(): AppLocale {
  const value = i18n.global.locale.value
  return isAppLocale(value) ? value : DEFAULT_LOCALE
}

/** Shorthand for translating outside of components. */
export function translate(key: string, params?: Record<string, unknown>): string {
  return params ? i18n.global.t(key, params) : i18n.global.t(key)
}
