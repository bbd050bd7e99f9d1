import { describe, expect, it } from 'vitest'
import { APP_MANAGE, emptyAppInput, linesToList, toInput, type SsoApp } from '@/api/identity/apps'
import { visibleNavEntries } from '@/router/navigation'
import { auditActionLabel } from '@/utils/labels'

describe('app registry helpers', () => {
  it.each([
    ['one entry per line', 'a\nb', ['a', 'b']],
    ['blank lines and spaces dropped', '  a \n\n   \nb  ', ['a', 'b']],
    ['nothing', '', []],
  ])('linesToList: %s', (_case, text, expected) => {
    expect(linesToList(text)).toEqual(expected)
  })

  it('toInput keeps what the form edits and drops what the server owns', () => {
    const app: SsoApp = {
      ...emptyAppInput(),
      id: 'a1',
      code: 'library',
      name: '图书馆',
      ownerOrgCode: 'ITC',
      hasSecret: true,
      createdAt: '2026-11-24T00:00:00Z',
      updatedAt: '2026-11-24T00:00:00Z',
    }
    const input = toInput(app)
    expect(input).not.toHaveProperty('id')
    expect(input).not.toHaveProperty('hasSecret')
    expect(input.code).toBe('library')
  })

  it.each([
    ['an app manager', [APP_MANAGE], true],
    ['a student', [], false],
  ])('%s sees the apps entry: %s', (_who, permissions, shown) => {
    expect(visibleNavEntries(permissions).some((entry) => entry.key === 'apps')).toBe(shown)
  })

  it('SSO audit actions have labels', () => {
    expect(auditActionLabel('sso.cas.ticket-issued')).not.toBe('sso.cas.ticket-issued')
    expect(auditActionLabel('sso.oidc.token-issued')).not.toBe('sso.oidc.token-issued')
  })
})
