import { describe, expect, it } from 'vitest'
import type { InternalAxiosRequestConfig } from 'axios'
import { http } from '@/api/http'
import { listAuditEvents } from '@/api/kernel/audit'
import { mockAdapter } from '../support/mockAdapter'

describe('audit search', () => {
  it.each([
    [{ page: 0, size: 20 }, { page: 0, size: 20 }],
    [
      { page: 1, size: 50, actor: ' admin ', action: 'auth.sign-in', target: 'demo-app', ip: '10.0.0.1' },
      { page: 1, size: 50, actor: 'admin', action: 'auth.sign-in', target: 'demo-app', ip: '10.0.0.1' },
    ],
    [
      { page: 0, size: 20, target: '  ', from: '2026-11-23T00:00:00.000Z', to: '2026-11-24T00:00:00.000Z' },
      { page: 0, size: 20, from: '2026-11-23T00:00:00.000Z', to: '2026-11-24T00:00:00.000Z' },
    ],
  ])('sends only the filters that are set: %j', async (query, expected) => {
    const calls: InternalAxiosRequestConfig[] = []
    http.defaults.adapter = mockAdapter(() => ({ status: 200, data: { items: [], page: 0, size: 20, total: 0 } }), calls)
    await listAuditEvents(query)
    expect(calls[0]?.params).toEqual(expected)
  })
})
