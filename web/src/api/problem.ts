import { AxiosError } from 'axios'
import { translate } from '@/locales'

/** One entry of the problem's `errors` array (bean-validation failures). */
export interface ProblemFieldError {
  field: string
  message: string
}

/** RFC 9457 problem details as sent by the OneCampus server. */
export interface ProblemDetail {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  errorCode?: string
  traceId?: string
  errors?: ProblemFieldError[]
}

/** The single error type every API call rejects with. */
export class ApiProblem extends Error {
  readonly title: string
  readonly detail: string | null
  readonly status: number
  readonly errorCode: string | null
  readonly traceId: string | null
  readonly type: string | null
  readonly instance: string | null
  /** field → localized message, ready for `el-form-item :error`. */
  readonly fieldErrors: Record<string, string>

  constructor(init: {
    title: string
    status: number
    detail?: string | null
    errorCode?: string | null
    traceId?: string | null
    type?: string | null
    instance?: string | null
    fieldErrors?: Record<string, string>
  }) {
    super(init.detail ?? init.title)
    this.name = 'ApiProblem'
    this.title = init.title
    this.status = init.status
    this.detail = init.detail ?? null
    this.errorCode = init.errorCode ?? null
    this.traceId = init.traceId ?? null
    this.type = init.type ?? null
    this.instance = init.instance ?? null
    this.fieldErrors = init.fieldErrors ?? {}
  }

  get hasFieldErrors(): boolean {
    return Object.keys(this.fieldErrors).length > 0
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null
}

function parseBody(data: unknown): Record<string, unknown> | null {
  if (isRecord(data)) return data
  if (typeof data === 'string' && data.trim().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(data)
      return isRecord(parsed) ? parsed : null
    } catch {
      return null
    }
  }
  return null
}

function collectFieldErrors(errors: unknown): Record<string, string> {
  const result: Record<string, string> = {}
  if (!Array.isArray(errors)) return result
  for (const entry of errors) {
    if (!isRecord(entry)) continue
    const field = optionalString(entry.field)
    const message = optionalString(entry.message)
    // The first message per field wins; el-form-item shows one line anyway.
    if (field && message && !(field in result)) result[field] = message
  }
  return result
}

/** Maps a response status + body (problem+json or anything else) to an ApiProblem. */
export function problemFromResponse(status: number, data: unknown): ApiProblem {
  const body = parseBody(data)
  const title = optionalString(body?.title) ?? translate('errors.status', { status })
  return new ApiProblem({
    title,
    status: typeof body?.status === 'number' ? body.status : status,
    detail: optionalString(body?.detail),
    errorCode: optionalString(body?.errorCode),
    traceId: optionalString(body?.traceId),
    type: optionalString(body?.type),
    instance: optionalString(body?.instance),
    fieldErrors: collectFieldErrors(body?.errors),
  })
}

/** Normalises anything thrown by axios (or our own code) into an ApiProblem. */
export function toApiProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error
  if (error instanceof AxiosError) {
    if (error.response) return problemFromResponse(error.response.status, error.response.data)
    const timedOut = error.code === AxiosError.ECONNABORTED || error.code === AxiosError.ETIMEDOUT
    return new ApiProblem({
      title: translate(timedOut ? 'errors.timeout' : 'errors.network'),
      status: 0,
      errorCode: timedOut ? 'client.timeout' : 'client.network',
    })
  }
  return new ApiProblem({ title: translate('errors.unknown'), status: 0, errorCode: 'client.unknown' })
}
