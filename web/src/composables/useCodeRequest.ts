import { ref } from 'vue'
import { toApiProblem, type ApiProblem } from '@/api/problem'

/** What the server answers when it sent a one-time code (password reset, self-registration). */
export interface CodeSent {
  id: string
  expiresInMinutes: number
}

/**
 * The steps of a flow that sends a one-time code and then goes on with it: one action at a time (`submitting`), the
 * refusal of the last action as `problem` with its `fieldErrors` for `el-form-item :error`, and the request the code
 * belongs to (`requestId`, valid for `minutes`).
 */
export function useCodeRequest() {
  const requestId = ref('')
  const minutes = ref(10)
  const submitting = ref(false)
  const problem = ref<ApiProblem | null>(null)
  const fieldErrors = ref<Record<string, string | undefined>>({})

  function clearErrors(): void {
    problem.value = null
    fieldErrors.value = {}
  }

  /** Runs `action` unless one runs already; a refusal ends up in `problem` and `fieldErrors`. */
  async function run(action: () => Promise<void>): Promise<void> {
    if (submitting.value) return
    submitting.value = true
    clearErrors()
    try {
      await action()
    } catch (error) {
      const mapped = toApiProblem(error)
      problem.value = mapped
      fieldErrors.value = mapped.fieldErrors
    } finally {
      submitting.value = false
    }
  }

  /** Asks for a code through `send`, remembers the request it answered with, then calls `sent`. */
  function requestCode(send: () => Promise<CodeSent>, sent: () => void): Promise<void> {
    return run(async () => {
      const answer = await send()
      requestId.value = answer.id
      minutes.value = answer.expiresInMinutes
      sent()
    })
  }

  return { requestId, minutes, submitting, problem, fieldErrors, clearErrors, run, requestCode }
}
