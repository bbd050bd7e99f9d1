import axios, { AxiosError, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios'
import { ElMessage } from 'element-plus'
import type { Router } from 'vue-router'
import { currentLocale } from '@/locales'
import { ApiProblem, toApiProblem } from './problem'

declare module 'axios' {
  interface AxiosRequestConfig {
    /** Do not show an ElMessage on failure; the caller renders the problem itself. */
    silent?: boolean
    /** Do not redirect to /login on 401 (the boot-time /me probe, the sign-in call). */
    skipAuthRedirect?: boolean
    /** Internal: set once the request has been replayed after a CSRF failure. */
    csrfRetried?: boolean
  }
}

/** `GET /api/v1/csrf` */
export interface CsrfToken {
  headerName: string
  parameterName: string
  token: string
}

export const CSRF_COOKIE = 'XSRF-TOKEN'
export const CSRF_HEADER = 'X-XSRF-TOKEN'
export const CSRF_ENDPOINT = '/api/v1/csrf'
const UNSAFE_METHODS = new Set(['post', 'put', 'patch', 'delete'])

export const http = axios.create({
  withCredentials: true,
  timeout: 30_000,
  headers: { Accept: 'application/json, application/problem+json' },
  // CSRF is handled explicitly below (also for the token-from-body fallback).
  xsrfCookieName: '',
})

// ---------------------------------------------------------------- CSRF

let memoryToken: string | null = null
let pendingToken: Promise<string | null> | null = null

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return null
}

/**
 * The value for the X-XSRF-TOKEN header. Spring's SPA mode expects the raw cookie value,
 * so the cookie wins; the token from the response body is only a fallback.
 * With `refresh`, a new token is fetched first (the token changes at sign-in/out).
 */
export async function ensureCsrfToken(refresh = false): Promise<string | null> {
  if (!refresh) {
    const existing = readCookie(CSRF_COOKIE) ?? memoryToken
    if (existing) return existing
  }
  pendingToken ??= http
    .get<CsrfToken>(CSRF_ENDPOINT, { silent: true, skipAuthRedirect: true })
    .then((response) => {
      memoryToken = response.data.token
      return readCookie(CSRF_COOKIE) ?? memoryToken
    })
    .finally(() => {
      pendingToken = null
    })
  return pendingToken
}

/** Forgets the in-memory token (after sign-out or in tests). */
export function resetCsrfToken(): void {
  memoryToken = null
  pendingToken = null
}

// ---------------------------------------------------------------- 401 handling

interface HttpOptions {
  router: Router
  /** Called before the redirect to the login page, e.g. to clear the session store. */
  onUnauthorized?: () => void
}

let options: HttpOptions | null = null
let redirecting: Promise<unknown> | null = null

/** Wires the client to the router (called once from main.ts, and from tests). */
export function installHttp(value: HttpOptions | null): void {
  options = value
  redirecting = null
}

async function redirectToLogin(): Promise<void> {
  if (!options) return
  options.onUnauthorized?.()
  const { router } = options
  const current = router.currentRoute.value
  if (current.path === '/login') return
  redirecting ??= router
    .replace({ path: '/login', query: { redirect: current.fullPath } })
    .finally(() => {
      redirecting = null
    })
  await redirecting
}

function notify(problem: ApiProblem): void {
  ElMessage({
    type: 'error',
    message: problem.detail && problem.detail !== problem.title ? `${problem.title}: ${problem.detail}` : problem.title,
    grouping: true,
    showClose: true,
  })
}

// ---------------------------------------------------------------- interceptors

http.interceptors.request.use(async (config: InternalAxiosRequestConfig) => {
  config.headers.set('Accept-Language', currentLocale())
  const method = (config.method ?? 'get').toLowerCase()
  if (UNSAFE_METHODS.has(method)) {
    const token = await ensureCsrfToken()
    if (token) config.headers.set(CSRF_HEADER, token)
  }
  return config
})

http.interceptors.response.use(
  (response: AxiosResponse) => response,
  async (error: unknown) => {
    const config = error instanceof AxiosError ? error.config : undefined
    const problem = toApiProblem(error)

    if (config && problem.status === 403 && problem.errorCode === 'csrf.invalid' && !config.csrfRetried) {
      config.csrfRetried = true
      await ensureCsrfToken(true)
      return http.request(config)
    }

    if (problem.status === 401 && !config?.skipAuthRedirect) {
      await redirectToLogin()
      throw problem
    }

    if (!config?.silent && !problem.hasFieldErrors) notify(problem)
    throw problem
  },
)
