import { AxiosError, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios'

export interface MockReply {
  status: number
  data?: unknown
  headers?: Record<string, string>
}

export type MockHandler = (config: InternalAxiosRequestConfig) => MockReply | Promise<MockReply>

/** An axios adapter that answers from `handler` and settles like the real XHR adapter. */
export function mockAdapter(handler: MockHandler, calls: InternalAxiosRequestConfig[] = []): AxiosAdapter {
  return async (config) => {
    calls.push(config)
    const reply = await handler(config)
    const response: AxiosResponse = {
      status: reply.status,
      statusText: String(reply.status),
      data: reply.data ?? '',
      headers: reply.headers ?? {},
      config,
      request: {},
    }
    if (reply.status >= 200 && reply.status < 300) return response
    throw new AxiosError(
      `Request failed with status code ${reply.status}`,
      reply.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
      config,
      {},
      response,
    )
  }
}

export function problem(status: number, extra: Record<string, unknown> = {}): MockReply {
  return {
    status,
    headers: { 'content-type': 'application/problem+json' },
    data: { type: 'about:blank', title: `Problem ${status}`, status, instance: '/x', traceId: 'trace-1', ...extra },
  }
}

export function clearCookies(): void {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0]?.trim()
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  }
}
