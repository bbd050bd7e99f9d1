import { defineStore } from 'pinia'
import { ref } from 'vue'
import { getPasswordStatus } from '@/api/identity/account'

/**
 * Whether the signed-in person must change an initial or expired password before doing anything
 * else. The server enforces it (403 auth.password-change-required); this store lets the router send
 * the person straight to the change page instead.
 */
export const usePasswordGateStore = defineStore('passwordGate', () => {
  const mustChange = ref(false)
  /** The username the flag was loaded for; a different sign-in reloads it. */
  const loadedFor = ref<string | null>(null)

  async function requiresChange(username: string): Promise<boolean> {
    if (loadedFor.value !== username) {
      try {
        mustChange.value = (await getPasswordStatus()).mustChange
      } catch {
        mustChange.value = false
      }
      loadedFor.value = username
    }
    return mustChange.value
  }

  function changed(): void {
    mustChange.value = false
  }

  return { mustChange, loadedFor, requiresChange, changed }
})
