import { ref, type Ref } from 'vue'
import { ElMessage, type FormInstance } from 'element-plus'
import { toApiProblem } from '@/api/problem'
import { formErrors } from '@/utils/formErrors'

/**
 * Submitting an Element Plus form to the API: the form's own rules first, then the request; a refusal puts its
 * field errors (and conflicts named in `conflicts`: error code → field) on the fields, or shows a message when it
 * concerns no field. `errors` feeds `el-form-item :error`; `saving` the submit button's `loading`.
 */
export function useProblemForm(form: Ref<FormInstance | undefined>, conflicts: Record<string, string> = {}) {
  const errors = ref<Record<string, string>>({})
  const saving = ref(false)

  function reset() {
    errors.value = {}
    form.value?.clearValidate()
  }

  /** @returns whether `request` ran and succeeded */
  async function submit(request: () => Promise<void>): Promise<boolean> {
    if (!(await form.value?.validate().catch(() => false))) return false
    saving.value = true
    errors.value = {}
    try {
      await request()
      return true
    } catch (error) {
      const problem = toApiProblem(error)
      errors.value = formErrors(problem, conflicts)
      if (Object.keys(errors.value).length === 0) ElMessage.error(problem.message)
      return false
    } finally {
      saving.value = false
    }
  }

  return { errors, saving, reset, submit }
}
