import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { ensureCsrfToken, resetCsrfToken } from '@/api/http'
import {
  signIn as apiSignIn,
  signOut as apiSignOut,
  verifySecondFactor,
  type SignInResult,
} from '@/api/kernel/auth'
import { getMe, type Me } from '@/api/kernel/me'
import { useLocaleStore } from '@/stores/locale'
import { SUPPORTED_LOCALES, type AppLocale } from '@/locales'
import { resolveRedirect } from '@/utils/redirect'

export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null)
  const loading = ref(false)
  /** True once `/api/v1/me` has answered (signed in or not). */
  const loaded = ref(false)
  let pending: Promise<Me | null> | null = null

  const signedIn = computed(() => me.value !== null)
  const permissions = computed<readonly string[]>(() => me.value?.permissions ?? [])

  function hasPermission(permission: string | undefined | null): boolean {
    return !permission || permissions.value.includes(permission)
  }

  /** The language saved in the account wins over this device's, so a person sees one language everywhere. */
  function applyAccountLocale(current: Me | null): void {
    const saved = current?.locale
    if (saved && (SUPPORTED_LOCALES as readonly string[]).includes(saved)) {
      const locales = useLocaleStore()
      if (locales.locale !== saved) locales.setLocale(saved as AppLocale)
    }
  }

  async function fetchMe(): Promise<Me | null> {
    pending ??= (async () => {
      loading.value = true
      try {
        me.value = await getMe()
        applyAccountLocale(me.value)
        return me.value
      } finally {
        loaded.value = true
        loading.value = false
        pending = null
      }
    })()
    return pending
  }

  /** Loads the session once per page load; later calls reuse it. */
  async function ensureLoaded(): Promise<Me | null> {
    if (loaded.value) return me.value
    try {
      return await fetchMe()
    } catch {
      // Server unreachable: treat as signed out; the login page shows the error on submit.
      return null
    }
  }

  /**
   * Signs in and resolves to the safe path to continue to, or to null when a second factor is needed.
   * Rejects with ApiProblem on bad credentials / throttling.
   */
  async function signIn(username: string, password: string, requested?: unknown): Promise<string | null> {
    const result = await apiSignIn(username, password)
    // null: the person has a second factor; the page asks for the code and calls completeSecondFactor.
    if (result?.mfaRequired) return null
    return finishSignIn(result, requested)
  }

  /** The second step of a sign-in that needed a code; rejects with ApiProblem on a wrong code. */
  async function completeSecondFactor(code: string, requested?: unknown): Promise<string> {
    return finishSignIn(await verifySecondFactor(code), requested)
  }

  async function finishSignIn(result: SignInResult, requested?: unknown): Promise<string> {
    // The CSRF token rotates at sign-in.
    resetCsrfToken()
    await ensureCsrfToken(true).catch(() => null)
    await fetchMe()
    // A request the server saved before sending the person here (an SSO client's authorize or CAS
    // login request) comes first; otherwise the page the person asked for.
    const saved = result?.redirect && result.redirect !== '/' ? result.redirect : null
    return resolveRedirect(saved, requested)
  }

  async function signOut(): Promise<void> {
    try {
      await apiSignOut()
    } finally {
      clear()
      resetCsrfToken()
    }
  }

  /** Forgets the user locally (after sign-out or a 401). */
  function clear(): void {
    me.value = null
    loaded.value = true
  }

  return {
    me,
    loading,
    loaded,
    signedIn,
    permissions,
    hasPermission,
    fetchMe,
    ensureLoaded,
    signIn,
    completeSecondFactor,
    signOut,
    clear,
  }
})
