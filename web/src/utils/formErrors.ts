import type { ApiProblem } from '@/api/problem'

/**
 * The errors to show on form fields for a refused request: the problem's field errors (bean validation and rule
 * checks, nested fields also under their last segment, so `affiliation.endDate` shows on `endDate`), plus the
 * problem's detail on the field a conflict belongs to (`conflicts` maps error codes to field names).
 */
export function formErrors(problem: ApiProblem, conflicts: Record<string, string> = {}): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const [field, message] of Object.entries(problem.fieldErrors)) {
    errors[field] = message
    const last = field.split('.').pop() ?? field
    if (!(last in errors)) errors[last] = message
  }
  const field = problem.errorCode ? conflicts[problem.errorCode] : undefined
  if (field) errors[field] = problem.detail ?? problem.title
  return errors
}

/** Whether `formErrors` put anything on a field, so the caller need not also show a message. */
export function hasFormErrors(errors: Record<string, string>): boolean {
  return Object.keys(errors).length > 0
}
