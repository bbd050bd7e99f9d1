import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { InternalAxiosRequestConfig } from 'axios'
import { http } from '@/api/http'
import { saveLocalePreference } from '@/api/kernel/me'
import { useLocaleStore } from '@/stores/locale'
import { useSessionStore } from '@/stores/session'
import { LOCALE_STORAGE_KEY } from '@/locales'
import { studentMe } from '../support/fixtures'
import { clearCookies, mockAdapter } from '../support/mockAdapter'

describe('the language follows the person', () => {
  let calls: InternalAxiosRequestConfig[]

  beforeEach(() => {
    setActivePinia(createPinia())
    localStorage.clear()
    clearCookies()
    document.cookie = 'XSRF-TOKEN=t-1; path=/'
    calls = []
  })

  it.each([
    ['en-US', 'en-US'],
    ['zh-CN', 'zh-CN'],
    [null, 'zh-CN'],
    ['fr-FR', 'zh-CN'],
  ] as const)('an account language of %s gives a UI in %s after sign-in', async (saved, expected) => {
    http.defaults.adapter = mockAdapter(() => ({ status: 200, data: { ...studentMe, locale: saved } }), calls)
    await useSessionStore().fetchMe()
    expect(useLocaleStore().locale).toBe(expected)
  })

  it('saves a switch made while signed in to the account and to this device', async () => {
    http.defaults.adapter = mockAdapter(() => ({ status: 200, data: { locale: 'en-US' } }), calls)
    useLocaleStore().setLocale('en-US', saveLocalePreference)
    await new Promise((resolve) => setTimeout(resolve, 0))
    const put = calls.find((call) => call.method === 'put')
    expect(put?.url).toBe('/api/v1/me/preferences')
    expect(JSON.parse(String(put?.data))).toEqual({ locale: 'en-US' })
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en-US')
  })

  it('keeps the switch on this device when the account cannot be updated', async () => {
    http.defaults.adapter = mockAdapter(() => ({ status: 503 }), calls)
    useLocaleStore().setLocale('en-US', saveLocalePreference)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(useLocaleStore().locale).toBe('en-US')
  })
})
